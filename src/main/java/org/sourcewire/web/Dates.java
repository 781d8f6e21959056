package org.sourcewire.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Date formatting for templates ({@code ${@dates.dateTime(instant)}}), in the viewer's time zone: the browser tells it
 * in the {@code tz} cookie (set by app.js from {@code Intl.DateTimeFormat}); without it, times are shown in UTC and say
 * so.
 */
@Component("dates")
public class Dates {

    static final String COOKIE = "tz";
    private static final ZoneId UTC = ZoneId.of("UTC");

    private static final String ZONE_ATTRIBUTE = Dates.class.getName() + ".zone";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm zzz", Locale.ENGLISH);
    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm zzz", Locale.ENGLISH);

    private final Clock clock;

    Dates(Clock clock) {
        this.clock = clock;
    }

    /** "in 5 h", "in 3 days", "in 20 min", or "closed" once it has passed. */
    public String relative(Instant instant) {
        if (instant == null) {
            return "";
        }
        Duration left = Duration.between(clock.instant(), instant);
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

    /** A deadline in the viewer's zone with the time left: "Thu 26 Nov, 18:00 CET (closes in 5 h)". */
    public String deadline(Instant instant) {
        return deadline(instant, false);
    }

    /** The same, for a query that may have ended before its deadline (closed early, rejected): then "(closed)". */
    public String deadline(Instant instant, boolean ended) {
        if (instant == null) {
            return "not set";
        }
        String left = relative(instant);
        return DEADLINE.withZone(viewerZone()).format(instant)
                + (ended || "closed".equals(left) ? " (closed)" : " (closes " + left + ")");
    }

    public String date(Instant instant) {
        return instant == null ? "" : DATE.withZone(viewerZone()).format(instant);
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.withZone(viewerZone()).format(instant);
    }

    /** The time zone the current request's browser reported, or UTC. */
    public ZoneId viewerZone() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return UTC;
        }
        HttpServletRequest request = attributes.getRequest();
        if (request.getAttribute(ZONE_ATTRIBUTE) instanceof ZoneId zone) {
            return zone;
        }
        ZoneId zone = zoneFrom(request.getCookies());
        request.setAttribute(ZONE_ATTRIBUTE, zone);
        return zone;
    }

    static ZoneId zoneFrom(Cookie[] cookies) {
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName()) && cookie.getValue() != null && cookie.getValue().length() <= 64) {
                    try {
                        return ZoneId.of(URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8));
                    }
                    catch (DateTimeException | IllegalArgumentException ex) {
                        return UTC;
                    }
                }
            }
        }
        return UTC;
    }
}
