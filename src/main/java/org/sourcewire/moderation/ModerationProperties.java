package org.sourcewire.moderation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * @param strikeWindow     how long a strike counts towards suspension
 * @param strikesToSuspend strikes within the window that suspend a source
 */
@ConfigurationProperties("sourcewire.moderation")
record ModerationProperties(Duration strikeWindow, int strikesToSuspend) {

    /** The window for people: "90 days", or hours below two days (words from messages.properties). */
    MessageSourceResolvable window() {
        long days = strikeWindow.toDays();
        return days >= 2 ? new DefaultMessageSourceResolvable(new String[] { "moderation.text.window-days" }, new Object[] { days })
                : new DefaultMessageSourceResolvable(new String[] { "moderation.text.window-hours" },
                        new Object[] { strikeWindow.toHours() });
    }
}
