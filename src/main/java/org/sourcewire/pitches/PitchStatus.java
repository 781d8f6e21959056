package org.sourcewire.pitches;

/** Where a pitch stands, as both sides see it: submitted → viewed → shortlisted / declined → used. */
public enum PitchStatus {
    SUBMITTED("Submitted"), VIEWED("Viewed"), SHORTLISTED("Shortlisted"), DECLINED("Declined"), USED("Used");

    private final String label;

    PitchStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String cssClass() {
        return "pitch-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
