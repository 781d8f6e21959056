package org.sourcewire.sources;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxKeywordAlerts keyword alerts a source may keep (plans will raise it later)
 * @param headshotMaxSize the largest headshot file accepted
 * @param headshotPixels the width and height of the stored, square headshot
 * @param websiteCheckInterval the least time between two "check now" of an expert's website
 */
@ConfigurationProperties("sourcewire.sources")
record SourcesProperties(int maxKeywordAlerts, DataSize headshotMaxSize, int headshotPixels,
        java.time.Duration websiteCheckInterval) {
}
