package org.sourcewire.digests;

/** The three daily editions; the column of {@code digest_preference} that holds a source's choice. */
enum Edition {
    MORNING("Morning", "morning"), MIDDAY("Midday", "midday"), EVENING("Evening", "evening");

    private final String label;
    private final String column;

    Edition(String label, String column) {
        this.label = label;
        this.column = column;
    }

    String label() {
        return label;
    }

    String column() {
        return column;
    }
}
