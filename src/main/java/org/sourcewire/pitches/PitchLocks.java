package org.sourcewire.pitches;

/** The row lock for a pitch already read without one (see {@link Pitches}). */
interface PitchLocks {

    /** Locks the pitch's row and reads it again, so what it holds is the latest committed state. */
    void lockAndRefresh(Pitch pitch);
}
