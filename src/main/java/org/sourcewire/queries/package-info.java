/**
 * Journalist queries: the form, drafts, submission, review decisions, closing, expiry at the deadline, and the
 * event other modules follow ({@link org.sourcewire.queries.QueryPublished}). A closed or expired query is seen by its
 * status; no module needs to hear of the closing, so no event announces it.
 * <p>
 * Persistence: a query is changed through its JPA entity ({@code Query} owns each status transition and the edit
 * rules). Changes to many queries at once are single SQL statements that keep the entity's version: expiry at the
 * deadline and following a merged topic. Lists and the feed's reads are SQL into view records.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Queries",
        allowedDependencies = { "shared", "infrastructure", "accounts", "topics", "audit", "mail" })
package org.sourcewire.queries;
