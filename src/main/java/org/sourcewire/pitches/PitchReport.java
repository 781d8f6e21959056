package org.sourcewire.pitches;

import java.time.Instant;
import java.util.UUID;

/**
 * A journalist's report on a pitch, as moderators see it.
 *
 * @param pitch           the pitch's public id (its page is {@code /pitches/{pitch}})
 * @param sourceAccountId the account of the source who sent the pitch, who gets the strike if it is upheld
 * @param status          {@code OPEN}, {@code UPHELD} or {@code DISMISSED}
 */
public record PitchReport(long id, UUID pitch, ReportReason reason, String note, Instant at, String reporter,
        long sourceAccountId, String source, String headline, String status) {

    public boolean isOpen() {
        return "OPEN".equals(status);
    }
}
