/**
 * The topic list: HARO's categories and more, kept by admins (create, rename, merge, retire, restore), with the
 * "quiet" flag shown where sources choose topics.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Topics",
        allowedDependencies = { "shared", "infrastructure", "accounts", "audit" })
package org.sourcewire.topics;
