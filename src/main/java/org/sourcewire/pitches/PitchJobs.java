package org.sourcewire.pitches;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The journalists' daily summary. The job runs every 15 minutes and sends in the two hours after the configured time;
 * the per-day record in {@code pitch_summary_sent} keeps it to one mail a day, with ShedLock keeping runs apart.
 */
@Component
class PitchJobs {

    private static final Logger log = LoggerFactory.getLogger(PitchJobs.class);

    private final PitchSummaries summaries;
    private final PitchTriage triage;
    private final PitchesProperties properties;
    private final java.time.Clock clock;

    PitchJobs(PitchSummaries summaries, PitchTriage triage, PitchesProperties properties, java.time.Clock clock) {
        this.summaries = summaries;
        this.triage = triage;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT15M", initialDelayString = "PT1M")
    @SchedulerLock(name = "pitch-daily-summary", lockAtMostFor = "PT10M")
    void dailySummary() {
        java.time.LocalTime now = clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalTime();
        // Within two hours of the set time, so a late start still sends, but nobody gets a "daily" mail at midnight.
        if (now.isBefore(properties.summaryTime()) || now.isAfter(properties.summaryTime().plusHours(2))) {
            return;
        }
        int sent = summaries.sendDailySummaries();
        if (sent > 0) {
            log.info("Queued {} daily pitch summaries", sent);
        }
    }

    /** Decisions older than the undo window can no longer be taken back; their records go. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @SchedulerLock(name = "pitch-undo-cleanup", lockAtMostFor = "PT10M")
    void forgetExpiredUndos() {
        triage.forgetExpiredUndos();
    }
}
