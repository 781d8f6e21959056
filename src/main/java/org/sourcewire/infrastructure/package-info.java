/**
 * How the app runs, as opposed to what it does: machinery with no product rules in it, kept in one place so that a
 * module's code reads as the product and a change to how the app is run touches only this package.
 * <ul>
 * <li>The embedded PostgreSQL ({@link org.sourcewire.infrastructure.EmbeddedPostgresConfiguration}): with no
 * {@code spring.datasource.url} the app starts its own real PostgreSQL, so one command runs it and the tests use the
 * database production uses, not a stand-in.</li>
 * <li>Read-replica routing ({@link org.sourcewire.infrastructure.ReplicaConfiguration},
 * {@link org.sourcewire.infrastructure.ReadYourWrites}): with {@code sourcewire.datasource.replica.url}, browsers'
 * read-only work goes to a streaming replica, except just after that browser wrote.</li>
 * <li>Sessions ({@link org.sourcewire.infrastructure.ThrottledSessionRepository}): Spring Session's JDBC repository
 * wrapped so a page view neither rewrites the session row for its last-access time nor reads it twice.</li>
 * <li>Plain reads ({@link org.sourcewire.infrastructure.PlainRead}): reads of a statement or two run without a
 * transaction or JPA's EntityManager of their own, which a read needs only for one snapshot across statements.</li>
 * <li>Request mappings ({@link org.sourcewire.infrastructure.RequestMappings}): Spring MVC's mappings tested path
 * first, so a path with a variable in it is not checked against every mapping's method and headers.</li>
 * </ul>
 * <p>
 * Thread pools need nothing here: a module that wants one (mail's renderers, a digest edition's workers, placement
 * checks) builds its own {@code ThreadPoolTaskExecutor} with a plain {@code ThreadPoolTaskExecutorBuilder} (not Boot's
 * bean, whose {@code spring.task.execution.*} settings are for the {@code @Async} pool of module events), fixed size,
 * unbounded queue, threads named after the work that start as work arrives and end when idle, and destroys it with
 * the bean that owns it.
 * <p>
 * Each piece keeps what Spring does by itself (what a request maps to, what a session holds, what a read returns);
 * only the cost changes. It depends on no module; a module that uses a piece of it declares it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Infrastructure", allowedDependencies = {})
package org.sourcewire.infrastructure;
