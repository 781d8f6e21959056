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

    public String status() {
        if (withdrawnAt != null) {
            return appealDecision == Strike.AppealDecision.WITHDRAWN ? "Withdrawn on appeal" : "Withdrawn";
        }
        if (appealPending()) {
            return "Appeal waiting for a decision";
        }
        return appealDecision == Strike.AppealDecision.KEPT ? "Appeal rejected" : "Active";
    }
}
