package org.sourcewire.pitches;

import java.time.Instant;

/**
 * The journalist moved a pitch on (viewed, shortlisted, declined, used) at {@code at}; {@code reason} is the decline
 * reason, if any. Reputation follows it, and the pitch's timeline records it. An event serialized before V66 named the
 * reason in English: {@link DeclineReason#of} reads that, and takes any text it does not know as no reason.
 */
public record PitchStatusChanged(long pitchId, long sourceId, PitchStatus status, DeclineReason reason, Instant at) {
}
