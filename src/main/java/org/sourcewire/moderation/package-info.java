/**
 * Moderation: the review queue of submitted queries, the queue of reported pitches, strikes against sources (with
 * appeals and suspension at the limit), each source's standing page, and the moderation settings.
 * <p>
 * Persistence: a strike is changed through its JPA entity ({@code Strike}: withdrawal and the one appeal); the queues
 * and counts are SQL, and two strikes against one source are put in line by an advisory lock.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Moderation",
        allowedDependencies = { "shared", "accounts", "queries", "pitches", "audit", "mail" })
package org.sourcewire.moderation;
