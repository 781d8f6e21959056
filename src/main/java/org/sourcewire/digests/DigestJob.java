package org.sourcewire.digests;

import java.time.Clock;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every minute: which time zones have an edition due, and any edition left half-done. ShedLock keeps it to one
 * instance at a time; the per-(source, edition) claim keeps every digest single even if two runs overlap.
 */
@Component
@ConditionalOnBooleanProperty(name = "sourcewire.scheduling.enabled", matchIfMissing = true)
class DigestJob {

    private static final Logger log = LoggerFactory.getLogger(DigestJob.class);

    private final DigestEditions editions;
    private final Clock clock;

    DigestJob(DigestEditions editions, Clock clock) {
        this.editions = editions;
        this.clock = clock;
    }

    @Scheduled(cron = "0 * * * * *")
    @SchedulerLock(name = "digest-editions", lockAtMostFor = "PT30M", lockAtLeastFor = "PT10S")
    void sendDueEditions() {
        long started = System.nanoTime();
        int queued = editions.runDue(clock.instant());
        if (queued > 0) {
            log.info("Queued {} digests in {} ms", queued, (System.nanoTime() - started) / 1_000_000);
        }
    }
}
