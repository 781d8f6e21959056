package org.sourcewire.directory;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pageSize experts per page of directory results
 * @param maxPages the deepest page a search may reach (a deeper one asks for narrower words or filters)
 * @param sitemapPageSize public pages per sitemap file (the sitemaps protocol allows at most 50,000)
 * @param rankCandidates the matches of a word search that are ranked; a word that matches more experts is ranked
 *        among the first this many found (ranking them all reads every match: 100,000 rows for a common word)
 */
@ConfigurationProperties("sourcewire.directory")
record DirectoryProperties(int pageSize, int maxPages, int sitemapPageSize, int rankCandidates) {
}
