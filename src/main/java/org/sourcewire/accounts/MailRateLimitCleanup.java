package org.sourcewire.accounts;

import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes the rate-limit buckets that are full again (nothing to remember), in batches. */
@Component
@ConditionalOnBooleanProperty(name = "sourcewire.scheduling.enabled", matchIfMissing = true)
class MailRateLimitCleanup {

    private final ExpiredEntriesCleaner buckets;

    MailRateLimitCleanup(ExpiredEntriesCleaner mailRateLimitBuckets) {
        this.buckets = mailRateLimitBuckets;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT2M")
    @SchedulerLock(name = "mail-rate-limit-cleanup")
    void removeFullBuckets() {
        while (buckets.removeExpired(1000) == 1000) {
            // More than one batch is due.
        }
    }
}
