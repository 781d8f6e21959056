package org.sourcewire.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code renderThreads}: threads that render a batch of e-mails (a digest edition); 0 means one per core. The
 * outbox's {@code sentRetention} and {@code failedRetention}: how long sent (or logged) and given-up mail is kept.
 */
@ConfigurationProperties("sourcewire.mail")
record MailProperties(String from, int renderThreads, Outbox outbox) {

    record Outbox(Duration pollInterval, int batchSize, int maxAttempts, Duration firstRetryDelay,
            Duration sentRetention, Duration failedRetention) {

        /** Exponential back-off: 30 s, 1 min, 2 min, ... capped at six hours. */
        Duration retryDelay(int attempts) {
            long factor = 1L << Math.min(attempts - 1, 10);
            Duration delay = firstRetryDelay.multipliedBy(factor);
            return delay.compareTo(Duration.ofHours(6)) > 0 ? Duration.ofHours(6) : delay;
        }
    }
}
