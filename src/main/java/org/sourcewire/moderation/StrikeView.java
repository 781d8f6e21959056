package org.sourcewire.moderation;

import java.time.Instant;
import java.util.UUID;

import org.sourcewire.pitches.ReportReason;

/** A strike as the source and the admins see it. */
record StrikeView(long id, long accountId, UUID pitch, String headline, ReportReason category, String reason,
        Instant at, Instant withdrawnAt, String withdrawalNote, String appealNote, Instant appealedAt,
        Strike.AppealDecision appealDecision, Instant appealDecidedAt) {

    public boolean withdrawn() {
        return withdrawnAt != null;
    }

    public boolean appealPending() {
        return appealedAt != null && appealDecision == null && withdrawnAt == null;
    }

    public boolean canAppeal() {
        return appealedAt == null && withdrawnAt == null;
    }

    /** Whether it counts towards suspension: not withdrawn and within the window that starts at {@code since}. */
    public boolean countsSince(Instant since) {
        return withdrawnAt == null && at.isAfter(since);
    }

    /** Where the strike stands, as a key of messages.properties ({@code #{${s.statusKey()}}}). */
    public String statusKey() {
        if (withdrawnAt != null) {
            return appealDecision == Strike.AppealDecision.WITHDRAWN ? "moderation.text.strike-status.withdrawn-on-appeal"
                    : "moderation.text.strike-status.withdrawn";
        }
        if (appealPending()) {
            return "moderation.text.strike-status.appeal-waiting";
        }
        return appealDecision == Strike.AppealDecision.KEPT ? "moderation.text.strike-status.appeal-rejected"
                : "moderation.text.strike-status.active";
    }
}
