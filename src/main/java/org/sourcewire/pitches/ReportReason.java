package org.sourcewire.pitches;

/** Why a journalist reports a pitch to the moderators. */
public enum ReportReason {
    SPAM("pitches.text.report-reason.spam"), OFF_TOPIC("pitches.text.report-reason.off-topic"),
    AI_BOILERPLATE("pitches.text.report-reason.ai-boilerplate"), ABUSIVE("pitches.text.report-reason.abusive");

    private final String labelKey;

    ReportReason(String labelKey) {
        this.labelKey = labelKey;
    }

    /** Its name for people, as a key of messages.properties ({@code #{${reason.labelKey()}}}). */
    public String labelKey() {
        return labelKey;
    }
}
