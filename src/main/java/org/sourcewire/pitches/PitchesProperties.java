package org.sourcewire.pitches;

import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxWords the most words a pitch may have in all (the guidance is 150–200)
 * @param summaryTime when (UTC) journalists get the daily summary of new pitches
 */
@ConfigurationProperties("sourcewire.pitches")
record PitchesProperties(int maxWords, LocalTime summaryTime) {
}
