package org.sourcewire.matching;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param feedPageSize matched queries per page of the feed
 * @param retention how long a query's matches are kept after its deadline (nothing shows a closed query's matches:
 *        the feed, the private feed, webhooks and digests list open queries only)
 */
@ConfigurationProperties("sourcewire.matching")
record MatchingProperties(int feedPageSize, Duration retention) {
}
