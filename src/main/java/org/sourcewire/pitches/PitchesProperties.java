package org.sourcewire.pitches;

import java.time.LocalTime;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxWords the most words a pitch may have in all (the guidance is 150–200)
 * @param summaryTime when (UTC) journalists get the daily summary of new pitches
 * @param plans pitches per day and per month for each plan
 * @param undoWindow how long a journalist can take back a shortlist or decline (the source's mail waits as long)
 */
@ConfigurationProperties("sourcewire.pitches")
record PitchesProperties(int maxWords, LocalTime summaryTime, Map<Plan, Quota> plans, java.time.Duration undoWindow) {

    PitchesProperties {
        undoWindow = undoWindow == null ? java.time.Duration.ofSeconds(10) : undoWindow;
    }

    record Quota(int perDay, int perMonth) {
    }

    Quota quota(Plan plan) {
        return plans.getOrDefault(plan, new Quota(10, 60));
    }
}
