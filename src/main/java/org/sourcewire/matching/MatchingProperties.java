package org.sourcewire.matching;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** How many matched queries a page of the feed shows. */
@ConfigurationProperties("sourcewire.matching")
record MatchingProperties(int feedPageSize) {
}
