/**
 * Figures in charts and tables: the source's own dashboard, the journalist's statistics of one query, and the public
 * transparency page. A read model: it only reads, in a few grouped SQL statements over the tables of pitches,
 * queries, placements, profiles and topics (whose modules know nothing of it), so no other module depends on it. It
 * declares those modules because its SQL reads their tables; a read model of their rows is what it is for.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboards",
        allowedDependencies = { "shared", "infrastructure", "accounts", "queries", "pitches", "placements", "sources", "topics" })
package org.sourcewire.dashboards;
