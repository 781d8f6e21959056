package org.sourcewire.queries;

import java.time.Duration;

import org.sourcewire.shared.Durations;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/** One row of "Your queries": the query and its pitches in figures. */
record QueryListItem(QueryView query, PitchTallies.Tally pitches) {

    /** Whether sources can pitch it or could until it ended, so pitch figures mean something. */
    public boolean tookPitches() {
        return query.isVisibleToSources();
    }

    /** How long after publishing the first pitch came ("1 h 30 min" in words); null without a pitch. */
    public MessageSourceResolvable timeToFirstPitch() {
        if (pitches.firstAt() == null || query.publishedAt() == null) {
            return null;
        }
        return Durations.of(Duration.between(query.publishedAt(), pitches.firstAt()));
    }

    /** What a row without pitches says instead of figures, as a key of {@code messages.properties}. */
    public MessageSourceResolvable withoutPitches() {
        return switch (query.status()) {
            case DRAFT -> words("queries.text.without-pitches.draft");
            case PENDING_REVIEW -> words("queries.text.without-pitches.pending-review");
            case PUBLISHED -> words("queries.text.without-pitches.published");
            case CLOSED, EXPIRED -> words("queries.text.without-pitches.ended");
            case REJECTED -> query.rejectionReason() == null ? words("queries.text.without-pitches.rejected")
                    : words("queries.text.without-pitches.rejected-because", query.rejectionReason());
        };
    }

    private static MessageSourceResolvable words(String key, Object... arguments) {
        return new DefaultMessageSourceResolvable(new String[] { key }, arguments);
    }
}
