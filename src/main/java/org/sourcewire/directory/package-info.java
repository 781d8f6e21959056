/**
 * The expert directory: journalists search the experts who chose to be listed, by words, topic, region,
 * verification level and recent activity; and the sitemap of their public pages for search engines.
 * <p>
 * Persistence: plain SQL: the directory reads its own table, kept current by triggers on the owners' tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory",
        allowedDependencies = { "shared", "accounts", "topics", "sources", "pitches" })
package org.sourcewire.directory;
