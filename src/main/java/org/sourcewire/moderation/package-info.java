/**
 * Moderation: the review queue of submitted queries, the queue of reported pitches, strikes against sources (with
 * appeals and suspension at the limit), each source's standing page, and the moderation settings.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Moderation",
        allowedDependencies = { "shared", "accounts", "queries", "pitches", "audit", "mail" })
package org.sourcewire.moderation;
