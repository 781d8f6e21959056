package org.sourcewire.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/** Date formatting for templates ({@code ${@dates.dateTime(instant)}}). Times are shown in UTC for now. */
@Component("dates")
public class Dates {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final java.time.Clock clock;

    Dates(java.time.Clock clock) {
        this.clock = clock;
    }

    /** "in 5 h", "in 3 days", "in 20 min", or "closed" once it has passed. */
    public String relative(Instant instant) {
        if (instant == null) {
            return "";
        }
        java.time.Duration left = java.time.Duration.between(clock.instant(), instant);
        if (left.isNegative() || left.isZero()) {
            return "closed";
        }
        if (left.toDays() >= 2) {
            return "in " + left.toDays() + " days";
        }
        if (left.toHours() >= 1) {
            return "in " + left.toHours() + " h";
        }
        return "in " + Math.max(1, left.toMinutes()) + " min";
    }

    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }
}
