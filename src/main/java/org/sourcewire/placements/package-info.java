/**
 * Placements: whether a used pitch became a published quote and a link, read from the article itself, at once and
 * again on a schedule, with the source told when their link appears, changes or goes. SQL throughout: a placement is
 * a row with its latest reading and a history of readings, claimed in batches by the checker.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Placements",
        allowedDependencies = { "shared", "accounts", "pitches", "queries", "sources", "mail" })
package org.sourcewire.placements;
