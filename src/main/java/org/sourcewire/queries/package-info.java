/**
 * Journalist queries: the form, drafts, submission, review decisions, closing, expiry at the deadline, and the
 * events other modules follow ({@link org.sourcewire.queries.QueryPublished}, {@link org.sourcewire.queries.QueryClosed}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Queries",
        allowedDependencies = { "shared", "accounts", "topics", "audit", "mail" })
package org.sourcewire.queries;
