package org.sourcewire.shared;

import java.time.Duration;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/** Elapsed times as people read them (the query list, a query's statistics, the transparency page). */
public final class Durations {

    private Durations() {
    }

    /**
     * "under a minute", "45 min", "1 h 30 min", "3 h", "2 days 4 h" as a key of {@code messages.properties} with its
     * arguments ({@link Messages#text(MessageSourceResolvable)}, or {@code ${@messages.text(...)}} on a page); null
     * stays null.
     */
    public static MessageSourceResolvable of(Duration elapsed) {
        if (elapsed == null) {
            return null;
        }
        Duration d = elapsed.isNegative() ? Duration.ZERO : elapsed;
        if (d.toMinutes() < 1) {
            return words("shared.text.duration.under-a-minute");
        }
        if (d.toHours() < 1) {
            return words("shared.text.duration.minutes", d.toMinutes());
        }
        if (d.toDays() < 1) {
            return d.toMinutesPart() == 0 ? words("shared.text.duration.hours", d.toHours())
                    : words("shared.text.duration.hours-minutes", d.toHours(), d.toMinutesPart());
        }
        return d.toHoursPart() == 0 ? words("shared.text.duration.days", d.toDays())
                : words("shared.text.duration.days-hours", d.toDays(), d.toHoursPart());
    }

    private static MessageSourceResolvable words(String key, Object... arguments) {
        return new DefaultMessageSourceResolvable(new String[] { key }, arguments);
    }
}
