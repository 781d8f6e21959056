package org.sourcewire.dashboards;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param minPitchesForAverage the fewest pitches a topic's platform-wide win rate must rest on to be shown to a
 *        source (below it, a rate says more about chance than about the topic)
 */
@ConfigurationProperties("sourcewire.dashboards")
record DashboardsProperties(int minPitchesForAverage) {

    DashboardsProperties {
        minPitchesForAverage = minPitchesForAverage <= 0 ? 20 : minPitchesForAverage;
    }
}
