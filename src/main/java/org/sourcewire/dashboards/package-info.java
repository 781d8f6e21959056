/**
 * Figures in charts and tables: the source's own dashboard, the journalist's statistics of one query, and the public
 * transparency page. A read model: it only reads, in a few grouped SQL statements over the tables of pitches,
 * queries and placements (whose modules know nothing of it), so no other module depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboards",
        allowedDependencies = { "shared", "accounts", "queries" })
package org.sourcewire.dashboards;
