/**
 * Journalist queries: the form, drafts, submission, review decisions, closing, expiry at the deadline, and the
 * event other modules follow ({@link org.sourcewire.queries.QueryPublished}). A closed or expired query is seen by its
 * status; no module needs to hear of the closing, so no event announces it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Queries",
        allowedDependencies = { "shared", "infrastructure", "accounts", "topics", "audit", "mail" })
package org.sourcewire.queries;
