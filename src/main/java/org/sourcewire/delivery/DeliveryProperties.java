package org.sourcewire.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How matched queries are delivered outside the site.
 *
 * @param feedItems matched queries in a private feed, newest first
 * @param webhook the outgoing webhook's outbox
 */
@ConfigurationProperties("sourcewire.delivery")
record DeliveryProperties(int feedItems, Webhook webhook) {

    /**
     * @param every how often new matches are claimed and due messages sent
     * @param batchSize messages sent per run at most; the rest wait for the next run
     * @param maxAttempts attempts before a message is marked failed
     * @param firstRetryDelay the first retry's delay; it doubles per attempt, at most {@code maxRetryDelay}
     * @param maxRetryDelay the longest wait between two attempts
     * @param lookback how far back new matches are looked for (a match committed late is still found; older ones
     *        are not sent)
     * @param lease how long a sender holds a message while posting it before another may take it over
     * @param testInterval the least time between two test messages of one source
     * @param retention how long a finished (sent, failed, cancelled) message is kept; never less than the look-back
     */
    record Webhook(Duration every, int batchSize, int maxAttempts, Duration firstRetryDelay, Duration maxRetryDelay,
            Duration lookback, Duration lease, Duration testInterval, Duration retention) {

        Duration retryDelay(int attempts) {
            Duration delay = firstRetryDelay.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
            return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
        }
    }
}
