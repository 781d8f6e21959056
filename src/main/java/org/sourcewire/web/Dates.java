package org.sourcewire.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.sourcewire.accounts.ChosenTimeZone;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.shared.TimeZones;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one place that knows the viewer's time zone, and date formatting for templates in it
 * ({@code ${@dates.dateTime(instant)}}). The zone is the one the account chose (a source's profile), else the one the
 * browser reports in the {@code tz} cookie (set by {@code timezone.js} from {@code Intl.DateTimeFormat}), else UTC.
 * Times carry no zone of their own: the layout names it once per page that shows a time.
 */
@Component("dates")
class Dates {

    /** Where the viewer's zone came from, so the page can say it. */
    public enum ZoneSource {
        PROFILE, BROWSER, NONE
    }

    record Viewer(ZoneId zone, ZoneSource source) {
    }

    private static final Viewer UNKNOWN = new Viewer(ZoneId.of(TimeZones.UTC), ZoneSource.NONE);
    private static final String VIEWER_ATTRIBUTE = Dates.class.getName() + ".viewer";
    private static final String SHOWN_ATTRIBUTE = Dates.class.getName() + ".shown";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter WEEKDAY_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private final Clock clock;
    private final List<ChosenTimeZone> chosen;
    private final MessageSource messages;

    Dates(Clock clock, List<ChosenTimeZone> chosen, MessageSource messages) {
        this.clock = clock;
        this.chosen = chosen;
        this.messages = messages;
    }

    /** "in 5 h", "in 3 days", "in 20 min", or "closed" once it has passed (words of messages.properties). */
    public String relative(Instant instant) {
        if (instant == null) {
            return "";
        }
        return relative(Duration.between(clock.instant(), instant));
    }

    private String relative(Duration left) {
        if (left.isNegative() || left.isZero()) {
            return text("web.text.relative.closed");
        }
        if (left.toDays() >= 2) {
            return text("web.text.relative.days", left.toDays());
        }
        if (left.toHours() >= 1) {
            return text("web.text.relative.hours", left.toHours());
        }
        return text("web.text.relative.minutes", Math.max(1, left.toMinutes()));
    }

    /** A deadline in the viewer's zone with the time left: "Thu 26 Nov, 18:00 (closes in 5 h)". */
    public String deadline(Instant instant) {
        return deadline(instant, false);
    }

    /** The same, for a query that may have ended before its deadline (closed early, rejected): then "(closed)". */
    public String deadline(Instant instant, boolean ended) {
        if (instant == null) {
            return text("web.text.deadline.not-set");
        }
        Duration left = Duration.between(clock.instant(), instant);
        return ended || left.isNegative() || left.isZero() ? text("web.text.deadline.closed", dayAndTime(instant))
                : text("web.text.deadline.closes", dayAndTime(instant), relative(left));
    }

    /** "Thu 26 Nov, 18:00", for deadlines shown beside a countdown of their own. */
    public String dayAndTime(Instant instant) {
        return format(DAY_AND_TIME, instant);
    }

    /**
     * As short as a list row needs, in the viewer's zone: "14:05" today, "Mon 14:05" in the last week, "6 Dec" before
     * that (with the year when it is not this year's).
     */
    public String brief(Instant instant) {
        if (instant == null) {
            return "";
        }
        java.time.LocalDate today = clock.instant().atZone(viewerZone()).toLocalDate();
        java.time.LocalDate day = instant.atZone(viewerZone()).toLocalDate();
        if (day.equals(today)) {
            return format(TIME, instant);
        }
        if (day.isAfter(today.minusDays(7)) && !day.isAfter(today)) {
            return format(WEEKDAY_TIME, instant);
        }
        return format(day.getYear() == today.getYear() ? DAY_MONTH : DATE, instant);
    }

    public String date(Instant instant) {
        return format(DATE, instant);
    }

    public String dateTime(Instant instant) {
        return format(DATE_TIME, instant);
    }

    /** The zone the viewer's dates are shown in. */
    public ZoneId viewerZone() {
        return viewer().zone();
    }

    public ZoneSource zoneSource() {
        return viewer().source();
    }

    /** "Tokyo (UTC+09:00)", or "UTC": how the page names the zone of its times. */
    public String zoneName() {
        return TimeZones.describe(viewerZone(), clock.instant());
    }

    /** Whether this request has shown a time, and so the page should name the zone once. */
    public boolean timesShown() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getRequest().getAttribute(SHOWN_ATTRIBUTE) != null;
    }

    /** The zone picker's regions, labelled with the offsets of now. */
    public List<TimeZones.Group> zoneGroups() {
        return TimeZones.groups(clock.instant());
    }

    /** Whether {@code id} is a valid zone the picker does not list (one saved before the list was trimmed). */
    public boolean unlistedZone(String id) {
        return id != null && !TimeZones.ids().contains(id) && TimeZones.parse(id).isPresent();
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    private String format(DateTimeFormatter formatter, Instant instant) {
        if (instant == null) {
            return "";
        }
        Viewer viewer = viewer();
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            attributes.getRequest().setAttribute(SHOWN_ATTRIBUTE, Boolean.TRUE);
        }
        return formatter.withZone(viewer.zone()).format(instant);
    }

    /** The viewer of the current request, worked out once per request; outside a request (a mail job), UTC. */
    Viewer viewer() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return UNKNOWN;
        }
        HttpServletRequest request = attributes.getRequest();
        if (request.getAttribute(VIEWER_ATTRIBUTE) instanceof Viewer viewer) {
            return viewer;
        }
        Viewer viewer = chosenZone().map(zone -> new Viewer(zone, ZoneSource.PROFILE))
                .or(() -> browserZone(request.getCookies()).map(zone -> new Viewer(zone, ZoneSource.BROWSER)))
                .orElse(UNKNOWN);
        request.setAttribute(VIEWER_ATTRIBUTE, viewer);
        return viewer;
    }

    private Optional<ZoneId> chosenZone() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof CurrentUser user)) {
            return Optional.empty();
        }
        return chosen.stream().map(zone -> zone.of(user)).flatMap(Optional::stream).findFirst();
    }

    /** The zone in the browser's cookie; a bad value (unknown, malformed, oversized) is ignored. */
    static Optional<ZoneId> browserZone(Cookie[] cookies) {
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (TimeZones.COOKIE.equals(cookie.getName()) && cookie.getValue() != null && cookie.getValue().length() <= 64) {
                try {
                    return TimeZones.parse(URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8));
                }
                catch (IllegalArgumentException ex) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
