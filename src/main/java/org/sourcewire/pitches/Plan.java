package org.sourcewire.pitches;

/** A source's plan: it raises quotas, never priority over better pitches. */
enum Plan {
    FREE("Free"), STANDARD("Standard"), ADVANCED("Advanced"), PREMIUM("Premium");

    private final String label;

    Plan(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
