/**
 * Sources: expert profiles with headshots, topic subscriptions, keyword alerts, and the public profile page with
 * schema.org JSON-LD; the admins' queue of the same headshot on different accounts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sources",
        allowedDependencies = { "shared", "accounts", "topics", "audit" })
package org.sourcewire.sources;
