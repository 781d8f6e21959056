package org.sourcewire.pitches;

/** A source sent a pitch; screening and statistics follow it. */
public record PitchSubmitted(long pitchId, long queryId, long sourceId) {
}
