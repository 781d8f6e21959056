package org.sourcewire.pitches;

/** The journalist moved a pitch on (viewed, shortlisted, declined, used); reputation follows it. */
public record PitchStatusChanged(long pitchId, long sourceId, PitchStatus status) {
}
