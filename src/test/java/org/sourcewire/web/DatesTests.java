package org.sourcewire.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

class DatesTests {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    final Dates dates = new Dates(Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void clearRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void timesAreShownInTheZoneTheBrowserReports() {
        viewerWithCookie("Asia%2FTokyo");
        assertThat(dates.dateTime(NOW)).isEqualTo("25 Nov 2026, 21:00 JST");
        assertThat(dates.deadline(NOW.plus(Duration.ofHours(5)).plusSeconds(60))).isEqualTo("Thu 26 Nov, 02:01 JST (closes in 5 h)");
        assertThat(dates.date(NOW.plus(Duration.ofHours(13)))).isEqualTo("26 Nov 2026");
    }

    @Test
    void withoutAZoneOrWithABadOneTimesAreUtcAndSaySo() {
        assertThat(dates.dateTime(NOW)).as("no request at all, e.g. a mail job").isEqualTo("25 Nov 2026, 12:00 UTC");
        viewerWithCookie("Not%2FA_Zone");
        assertThat(dates.dateTime(NOW)).isEqualTo("25 Nov 2026, 12:00 UTC");
    }

    @Test
    void aPassedDeadlineSaysClosed() {
        assertThat(dates.deadline(NOW.minusSeconds(1))).endsWith("(closed)");
        assertThat(dates.deadline(null)).isEqualTo("not set");
        assertThat(dates.deadline(NOW.plus(Duration.ofHours(5)), true)).as("closed early").endsWith("(closed)");
        assertThat(dates.relative(NOW.plus(Duration.ofDays(3)))).isEqualTo("in 3 days");
        assertThat(dates.relative(NOW.plus(Duration.ofMinutes(20)))).isEqualTo("in 20 min");
    }

    private static void viewerWithCookie(String value) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setCookies(new Cookie(Dates.COOKIE, value));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }
}
