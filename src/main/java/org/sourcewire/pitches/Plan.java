package org.sourcewire.pitches;

/** A source's plan: it raises quotas, never priority over better pitches. */
enum Plan {
    FREE("pitches.text.plan.free"), STANDARD("pitches.text.plan.standard"), ADVANCED("pitches.text.plan.advanced"),
    PREMIUM("pitches.text.plan.premium");

    private final String labelKey;

    Plan(String labelKey) {
        this.labelKey = labelKey;
    }

    /** Its name for people, as a key of messages.properties ({@code #{${plan.labelKey()}}}). */
    public String labelKey() {
        return labelKey;
    }
}
