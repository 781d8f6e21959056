package org.sourcewire.shared;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Sourcewire fetches addresses users give ({@link SafeFetcher}).
 *
 * @param connectTimeout time to connect
 * @param readTimeout time between bytes
 * @param deadline the whole fetch, redirects included
 * @param maxBytes the most bytes of a page read
 * @param maxRedirects redirects followed at most
 * @param allowLoopback tests only: fetch from this machine's loopback addresses
 */
@ConfigurationProperties("sourcewire.fetch")
record FetchProperties(Duration connectTimeout, Duration readTimeout, Duration deadline, int maxBytes, int maxRedirects,
        boolean allowLoopback) {
}
