package org.sourcewire.shared;

import java.time.Duration;

/** Elapsed times as people read them (the query list, a query's statistics, the transparency page). */
public final class Durations {

    private Durations() {
    }

    /** "under a minute", "45 min", "1 h 30 min", "3 h", "2 days 4 h"; null stays null. */
    public static String text(Duration elapsed) {
        if (elapsed == null) {
            return null;
        }
        Duration d = elapsed.isNegative() ? Duration.ZERO : elapsed;
        if (d.toMinutes() < 1) {
            return "under a minute";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + " min";
        }
        if (d.toDays() < 1) {
            return d.toHours() + " h" + (d.toMinutesPart() == 0 ? "" : " " + d.toMinutesPart() + " min");
        }
        return d.toDays() + (d.toDays() == 1 ? " day" : " days") + (d.toHoursPart() == 0 ? "" : " " + d.toHoursPart() + " h");
    }
}
