package org.sourcewire.dashboards;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param minPitchesForAverage the fewest pitches a topic's platform-wide win rate must rest on to be shown to a
 *        source (below it, a rate says more about chance than about the topic)
 * @param transparencyCache how long each instance keeps the transparency page's figures: they read a year of pitches
 *        (slow once there are many), and the page is open to anyone
 */
@ConfigurationProperties("sourcewire.dashboards")
record DashboardsProperties(int minPitchesForAverage, Duration transparencyCache) {

    DashboardsProperties {
        minPitchesForAverage = minPitchesForAverage <= 0 ? 20 : minPitchesForAverage;
        transparencyCache = transparencyCache == null ? Duration.ofMinutes(10) : transparencyCache;
    }
}
