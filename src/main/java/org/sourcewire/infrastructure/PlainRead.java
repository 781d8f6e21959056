package org.sourcewire.infrastructure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A read of one or a few SQL statements that needs no transaction of its own. Called within a transaction, it joins
 * it; called outside one (a controller reading the account or the query of a request), its statements run in
 * autocommit on one connection, without the BEGIN, the COMMIT and the JPA EntityManager that a read-only
 * transaction costs. A pitch made three such transactions before it was sent.
 * <p>
 * Not for reads that must see one snapshot across statements: those keep {@code @Transactional(readOnly = true)}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Transactional(propagation = Propagation.SUPPORTS)
public @interface PlainRead {
}
