package org.sourcewire.pitches;

/** Where a pitch stands, as both sides see it: submitted → viewed → shortlisted / declined → used. */
public enum PitchStatus {
    SUBMITTED("pitches.text.status.submitted"), VIEWED("pitches.text.status.viewed"),
    SHORTLISTED("pitches.text.status.shortlisted"), DECLINED("pitches.text.status.declined"),
    USED("pitches.text.status.used");

    private final String labelKey;

    PitchStatus(String labelKey) {
        this.labelKey = labelKey;
    }

    /** Its name for people, as a key of messages.properties ({@code #{${status.labelKey()}}}). */
    public String labelKey() {
        return labelKey;
    }

    public String cssClass() {
        return "pitch-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
