package org.sourcewire.queries;

import java.time.Duration;

/** One row of "Your queries": the query and its pitches in figures. */
record QueryListItem(QueryView query, PitchTallies.Tally pitches) {

    /** Whether sources can pitch it or could until it ended, so pitch figures mean something. */
    public boolean tookPitches() {
        return query.status().isVisibleToSources();
    }

    /** How long after publishing the first pitch came: "1 h 30 min"; null without a pitch. */
    public String timeToFirstPitch() {
        if (pitches.firstAt() == null || query.publishedAt() == null) {
            return null;
        }
        return org.sourcewire.shared.Durations.text(Duration.between(query.publishedAt(), pitches.firstAt()));
    }

    /** What a row without pitches says instead of figures. */
    public String withoutPitches() {
        return switch (query.status()) {
            case DRAFT -> "Draft: submit it to reach matching experts.";
            case PENDING_REVIEW -> "Pitches arrive once a moderator publishes it.";
            case PUBLISHED -> "No pitches yet: matching experts see it now.";
            case CLOSED, EXPIRED -> "No pitches came in.";
            case REJECTED -> query.rejectionReason() == null ? "Not published." : "Not published: " + query.rejectionReason();
        };
    }
}
