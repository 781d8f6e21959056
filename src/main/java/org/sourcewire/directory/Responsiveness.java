package org.sourcewire.directory;

import java.time.Duration;

/**
 * How lately an expert pitched: the one sign of answering that every expert has (an expert who pitched this week is
 * likely to answer this week).
 */
public enum Responsiveness {
    WEEK("Pitched in the last 7 days", Duration.ofDays(7)),
    MONTH("Pitched in the last 30 days", Duration.ofDays(30)),
    QUARTER("Pitched in the last 90 days", Duration.ofDays(90));

    private final String label;
    private final Duration window;

    Responsiveness(String label, Duration window) {
        this.label = label;
        this.window = window;
    }

    public String label() {
        return label;
    }

    public Duration window() {
        return window;
    }
}
