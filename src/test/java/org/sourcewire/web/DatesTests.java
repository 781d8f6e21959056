package org.sourcewire.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.mockito.Mockito;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.shared.TimeZones;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

class DatesTests {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    static final MessageSource MESSAGES = messages();

    final Dates dates = new Dates(Clock.fixed(NOW, ZoneOffset.UTC), List.of(), MESSAGES);

    @AfterEach
    void clearRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void timesAreShownInTheZoneTheBrowserReportsWhichThePageNamesOnce() {
        viewerWithCookie("Asia%2FTokyo");
        assertThat(dates.timesShown()).isFalse();
        assertThat(dates.dateTime(NOW)).isEqualTo("25 Nov 2026, 21:00");
        assertThat(dates.deadline(NOW.plus(Duration.ofHours(5)).plusSeconds(60))).isEqualTo("Thu 26 Nov, 02:01 (closes in 5 h)");
        assertThat(dates.date(NOW.plus(Duration.ofHours(13)))).isEqualTo("26 Nov 2026");
        assertThat(dates.timesShown()).isTrue();
        assertThat(dates.zoneSource()).isEqualTo(Dates.ZoneSource.BROWSER);
        assertThat(dates.zoneName()).isEqualTo("Tokyo (UTC+09:00)");
    }

    @Test
    void withoutAZoneOrWithABadOneTimesAreUtcAndSaySo() {
        assertThat(dates.dateTime(NOW)).as("no request at all, e.g. a mail job").isEqualTo("25 Nov 2026, 12:00");
        viewerWithCookie("Not%2FA_Zone");
        assertThat(dates.dateTime(NOW)).isEqualTo("25 Nov 2026, 12:00");
        assertThat(dates.zoneSource()).isEqualTo(Dates.ZoneSource.NONE);
        assertThat(dates.zoneName()).isEqualTo("UTC");
        viewerWithCookie("%E0%A4%A");
        assertThat(dates.zoneSource()).as("a malformed escape").isEqualTo(Dates.ZoneSource.NONE);
    }

    @Test
    void theZoneTheAccountChoseWinsOverTheBrowsers() {
        Dates withProfile = new Dates(Clock.fixed(NOW, ZoneOffset.UTC), List.of(user -> Optional.of(ZoneId.of("America/New_York"))),
                MESSAGES);
        viewerWithCookie("Asia%2FTokyo");
        // Dates asks the chosen zones for the logged-in user; which user does not matter to this fake.
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(
                Mockito.mock(CurrentUser.class), null));
        try {
            assertThat(withProfile.dateTime(NOW)).isEqualTo("25 Nov 2026, 07:00");
            assertThat(withProfile.zoneSource()).isEqualTo(Dates.ZoneSource.PROFILE);
            assertThat(withProfile.zoneName()).isEqualTo("New York (UTC-05:00)");
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void listRowsShowTheTimeTodayTheWeekdayThisWeekAndTheDateBefore() {
        viewerWithCookie("Asia%2FTokyo");
        assertThat(dates.brief(NOW.minus(Duration.ofHours(2)))).as("19:00 in Tokyo, today there").isEqualTo("19:00");
        assertThat(dates.brief(NOW.minus(Duration.ofHours(12)))).as("09:00 in Tokyo, still today there").isEqualTo("09:00");
        assertThat(dates.brief(NOW.minus(Duration.ofHours(24)))).as("Tokyo's yesterday").isEqualTo("Tue 21:00");
        assertThat(dates.brief(NOW.minus(Duration.ofDays(20)))).isEqualTo("5 Nov");
        assertThat(dates.brief(NOW.minus(Duration.ofDays(400)))).isEqualTo("21 Oct 2025");
        assertThat(dates.brief(null)).isEmpty();
    }

    @Test
    void aPassedDeadlineSaysClosed() {
        assertThat(dates.deadline(NOW.minusSeconds(1))).endsWith("(closed)");
        assertThat(dates.deadline(null)).isEqualTo("not set");
        assertThat(dates.deadline(NOW.plus(Duration.ofHours(5)), true)).as("closed early").endsWith("(closed)");
        assertThat(dates.relative(NOW.plus(Duration.ofDays(3)))).isEqualTo("in 3 days");
        assertThat(dates.relative(NOW.plus(Duration.ofMinutes(20)))).isEqualTo("in 20 min");
    }

    /** The app's bundle, as Spring Boot configures it. */
    private static MessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        return source;
    }

    private static void viewerWithCookie(String value) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setCookies(new Cookie(TimeZones.COOKIE, value));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }
}
