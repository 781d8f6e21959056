package org.sourcewire.pitches;

/** Why a journalist reports a pitch to the moderators. */
public enum ReportReason {
    SPAM("Spam"), OFF_TOPIC("Off-topic"), AI_BOILERPLATE("AI boilerplate"), ABUSIVE("Abusive");

    private final String label;

    ReportReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
