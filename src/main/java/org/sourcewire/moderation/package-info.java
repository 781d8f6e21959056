/** Moderation: the review queue of submitted queries and the moderation settings. */
@org.springframework.modulith.ApplicationModule(displayName = "Moderation",
        allowedDependencies = { "shared", "accounts", "queries", "audit" })
package org.sourcewire.moderation;
