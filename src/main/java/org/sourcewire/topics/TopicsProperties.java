package org.sourcewire.topics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** A topic is "quiet" with fewer than {@code quietBelow} queries published within {@code quietWindow}. */
@ConfigurationProperties("sourcewire.topics")
record TopicsProperties(int quietBelow, Duration quietWindow) {
}
