package org.sourcewire.directory;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pageSize experts per page of directory results
 * @param maxPages the deepest page a search may reach (a deeper one asks for narrower words or filters)
 * @param sitemapPageSize public pages per sitemap file (the sitemaps protocol allows at most 50,000)
 */
@ConfigurationProperties("sourcewire.directory")
record DirectoryProperties(int pageSize, int maxPages, int sitemapPageSize) {
}
