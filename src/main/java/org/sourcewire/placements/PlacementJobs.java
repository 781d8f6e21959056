package org.sourcewire.placements;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sourcewire.pitches.ArticleRecorded;

import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When placements are read: right after the journalist records the article (in the background, once the recording is
 * committed), and by a job that reads what is due, with ShedLock keeping two app instances from running it at once.
 */
@Component
class PlacementJobs {

    private static final Logger log = LoggerFactory.getLogger(PlacementJobs.class);

    private final Placements placements;
    private final PlacementChecks checks;

    PlacementJobs(Placements placements, PlacementChecks checks) {
        this.placements = placements;
        this.checks = checks;
    }

    /**
     * Not an {@code @ApplicationModuleListener}: that would hold a transaction open while the article is fetched.
     * The event publication registry still records it, and completes it when this returns.
     */
    @Async
    @TransactionalEventListener
    void on(ArticleRecorded event) {
        checks.checkNow(placements.record(event.pitchId(), event.articleUrl(), event.at()));
    }

    @Scheduled(fixedDelayString = "${sourcewire.placements.check-every}", initialDelayString = "PT2M")
    @SchedulerLock(name = "placement-checks", lockAtMostFor = "PT30M")
    void checkDue() {
        int read = checks.checkDue();
        if (read > 0) {
            log.info("Read {} placements' articles", read);
        }
    }
}
