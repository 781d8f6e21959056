package org.sourcewire.pitches;

import java.time.LocalTime;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxWords the most words a pitch may have in all (the guidance is 150–200)
 * @param summaryTime when (UTC) journalists get the daily summary of new pitches
 * @param plans pitches per day and per month for each plan
 */
@ConfigurationProperties("sourcewire.pitches")
record PitchesProperties(int maxWords, LocalTime summaryTime, Map<Plan, Quota> plans) {

    record Quota(int perDay, int perMonth) {
    }

    Quota quota(Plan plan) {
        return plans.getOrDefault(plan, new Quota(10, 60));
    }
}
