package org.sourcewire.pitches;

/** A source changed a pitch before the journalist opened it; screening follows it again. */
public record PitchEdited(long pitchId) {
}
