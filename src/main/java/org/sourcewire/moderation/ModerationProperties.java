package org.sourcewire.moderation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param strikeWindow     how long a strike counts towards suspension
 * @param strikesToSuspend strikes within the window that suspend a source
 */
@ConfigurationProperties("sourcewire.moderation")
record ModerationProperties(Duration strikeWindow, int strikesToSuspend) {

    /** The window for people: "90 days", or hours below two days. */
    String windowText() {
        long days = strikeWindow.toDays();
        return days >= 2 ? days + " days" : strikeWindow.toHours() + " hours";
    }
}
