package org.sourcewire.directory;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pageSize experts per page of directory results
 * @param maxPages the deepest page a search may reach (a deeper one asks for narrower words or filters)
 * @param sitemapPageSize public pages per sitemap file (the sitemaps protocol allows at most 50,000)
 * @param rankCandidates the matches of a word search that are ordered when fewer than a page of them have the words in
 *        the name or expertise (rare words, a misspelt name, words found only in bios): a search with more matches
 *        is ordered among the first this many found (ordering them all reads every match: 700,000 rows for a word
 *        every bio has). A page of name-or-expertise matches needs no candidates: it comes from the walk by activity.
 */
@ConfigurationProperties("sourcewire.directory")
record DirectoryProperties(int pageSize, int maxPages, int sitemapPageSize, int rankCandidates) {
}
