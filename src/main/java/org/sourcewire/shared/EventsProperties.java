package org.sourcewire.shared;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Spring Modulith's event publication registry.
 *
 * @param completedRetention how long a completed publication is kept (to see what was handled, and when) before it
 *        is removed; failed and unfinished ones are always kept
 */
@ConfigurationProperties("sourcewire.events")
record EventsProperties(Duration completedRetention) {
}
