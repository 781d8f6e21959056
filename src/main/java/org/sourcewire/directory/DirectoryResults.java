package org.sourcewire.directory;

import java.time.Instant;
import java.util.List;

import org.sourcewire.sources.ProfileView;

/** A page of directory results, best first; {@code page} counts from 0. */
public record DirectoryResults(List<Expert> experts, int page, boolean hasNext) {

    /** A listed expert and when they last pitched (null: never). */
    public record Expert(ProfileView profile, Instant lastPitched) {

        /** The narrowest activity window the last pitch falls in, as the filter words it; null if none. */
        public Responsiveness activity(Instant now) {
            if (lastPitched == null) {
                return null;
            }
            for (Responsiveness window : Responsiveness.values()) {
                if (!lastPitched.isBefore(now.minus(window.window()))) {
                    return window;
                }
            }
            return null;
        }
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
