package org.sourcewire.pitches;

import java.time.Instant;

/**
 * The journalist moved a pitch on (viewed, shortlisted, declined, used) at {@code at}; {@code reason} is the decline
 * reason, if any. Reputation follows it, and the pitch's timeline records it.
 */
public record PitchStatusChanged(long pitchId, long sourceId, PitchStatus status, String reason, Instant at) {
}
