/**
 * The topic list: HARO's categories and more, kept by admins (create, rename, merge, retire, restore), with the
 * "quiet" flag shown where sources choose topics.
 * <p>
 * Persistence: a topic is changed through its JPA entity ({@code Topic}: rename, retire, restore, merge rules); the
 * topic picker reads with one plain SQL statement, since every form shows it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Topics",
        allowedDependencies = { "shared", "infrastructure", "accounts", "audit" })
package org.sourcewire.topics;
