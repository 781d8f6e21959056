package org.sourcewire.directory;

import java.time.Duration;

/**
 * How lately an expert pitched: the one sign of answering that every expert has (an expert who pitched this week is
 * likely to answer this week).
 */
public enum Responsiveness {
    WEEK("directory.text.responsiveness.week", Duration.ofDays(7)),
    MONTH("directory.text.responsiveness.month", Duration.ofDays(30)),
    QUARTER("directory.text.responsiveness.quarter", Duration.ofDays(90));

    private final String labelKey;
    private final Duration window;

    Responsiveness(String labelKey, Duration window) {
        this.labelKey = labelKey;
        this.window = window;
    }

    /** Its name for people, as a key of messages.properties ({@code #{${r.labelKey()}}}). */
    public String labelKey() {
        return labelKey;
    }

    public Duration window() {
        return window;
    }
}
