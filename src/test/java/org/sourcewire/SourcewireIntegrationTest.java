package org.sourcewire;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.sourcewire.mail.TestSmtp;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole app on a random port, against the embedded PostgreSQL and a GreenMail SMTP server, with a clock the
 * test can move. Every test class with this annotation shares one Spring context (and so one database), so
 * {@link SharedStateGuard} fails a class that leaves the tables every class reads changed. Most classes get it by
 * extending {@link IntegrationTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(TestInfrastructure.class)
@ContextConfiguration(initializers = TestSmtp.Initializer.class)
@ExtendWith(SharedStateGuard.class)
public @interface SourcewireIntegrationTest {
}
