package org.sourcewire.sources;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hashes the headshots uploaded before hashing existed, so they too are compared: a bounded batch a minute after
 * start and then hourly, under a lock, so one instance does it. Once all are hashed a run is one indexed look-up
 * (uploads are hashed as they arrive).
 */
@Component
@ConditionalOnBooleanProperty(name = "sourcewire.scheduling.enabled", matchIfMissing = true)
class HeadshotHashBackfill {

    /** Decoding and hashing a 400 px headshot takes a few milliseconds: a run stays well under a minute. */
    static final int PER_RUN = 2000;

    private final FaceMatches faces;

    HeadshotHashBackfill(FaceMatches faces) {
        this.faces = faces;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    @SchedulerLock(name = "headshot-hash-backfill", lockAtMostFor = "PT15M")
    void hashOlderHeadshots() {
        faces.backfill(PER_RUN);
    }
}
