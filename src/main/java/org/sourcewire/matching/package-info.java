/**
 * Matching: routes a published query to the sources who chose its topic or whose keyword alerts match its text
 * (on {@link org.sourcewire.queries.QueryPublished}), records why, and shows each source a feed of open matched
 * queries. Reads the sources module's tables (profiles, subscriptions, alerts) with set-based SQL, and which queries
 * a source has pitched through the pitches module's {@code pitched_query} view (so it depends on pitches in SQL only).
 * <p>
 * Persistence: plain SQL only: a query's matches are one {@code INSERT … SELECT} over the subscribers, never rows
 * loaded one by one.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Matching",
        allowedDependencies = { "shared", "accounts", "queries", "topics", "sources", "pitches" })
package org.sourcewire.matching;
