/**
 * Digests: three editions per business day (05:35, 12:35, 17:35 in each source's time zone) of the source's new
 * matched queries, sent through the outbox with one-click unsubscribe; each source picks its editions. Walks the
 * sources' profiles by time zone, and reads the queries through the queries module's {@code query_summary} view.
 * <p>
 * Persistence: plain SQL ({@code JdbcClient}) throughout. Editions, deliveries and items are claimed set-wise in one
 * statement per batch (ON CONFLICT is what makes a claim once-only); preferences are one upserted row without rules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Digests",
        allowedDependencies = { "shared", "mail", "accounts", "matching", "sources", "queries" })
package org.sourcewire.digests;
