package org.sourcewire.queries;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Each query's pitches in figures, for the journalist's query list. Queries cannot read pitches (pitches depend on
 * queries); the module that keeps them implements this.
 */
public interface PitchTallies {

    /** The tallies of these queries' pitches, read for all of them at once; a query without pitches is absent. */
    Map<Long, Tally> of(Collection<Long> queryIds);

    /**
     * @param unopened pitches the journalist has not opened yet (status submitted)
     * @param awaitingReply pitches whose source wrote the latest follow-up message, so it waits for the journalist
     * @param firstAt when the first pitch arrived
     */
    record Tally(int total, int unopened, int awaitingReply, int shortlisted, int used, int flagged, Instant firstAt) {

        public static final Tally NONE = new Tally(0, 0, 0, 0, 0, 0, null);
    }
}
