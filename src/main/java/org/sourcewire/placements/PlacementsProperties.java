package org.sourcewire.placements;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How placements are checked.
 *
 * @param recheckAfter when the article is read again, counted from the journalist's confirmation (it is also read
 *        at once)
 * @param checkEvery how often the job looks for placements that are due
 * @param batchSize placements claimed and read at a time
 * @param batchesPerRun batches one run of the job reads at most; the rest wait for the next run
 * @param concurrency articles fetched at once
 * @param retryAfter after a failed reading (the site was down), when to try again
 * @param retries failed readings in a row before the round is given up and the next one is scheduled
 * @param lease how long a checker holds a placement before another may take it over
 */
@ConfigurationProperties("sourcewire.placements")
record PlacementsProperties(List<Duration> recheckAfter, Duration checkEvery, int batchSize, int batchesPerRun,
        int concurrency, Duration retryAfter, int retries, Duration lease) {
}
