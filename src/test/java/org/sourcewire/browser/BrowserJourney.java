package org.sourcewire.browser;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sourcewire.ForgetLoopbackThrottling;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.TestAccounts;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** What every browser journey needs: the running app's port, test accounts, a fresh Chromium, and log-in. */
@ExtendWith(ForgetLoopbackThrottling.class)
abstract class BrowserJourney extends IntegrationTest {

    @LocalServerPort
    int port;

    Browser browser;

    /** A shortlist or decline reaches its source once the journalist can no longer take it back (10 s). */
    void undoWindowPasses() {
        clock.advance(java.time.Duration.ofSeconds(11));
    }

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(port);
    }

    /** Closes the browser; the journey fails if axe-core found serious or critical problems on its pages. */
    @AfterEach
    void closeBrowser() {
        clock.reset();
        if (browser == null) {
            return;
        }
        List<String> problems = browser.accessibilityProblems();
        browser.close();
        assertThat(problems).as("serious or critical accessibility violations").isEmpty();
    }

    /**
     * 05:35 in {@code zone}, {@code daysAfterNextMonday} days after next Monday: the instant of a morning digest
     * edition. Editions run once per zone and date for the whole test database, so each journey takes its own day.
     */
    static Instant morningEdition(String zone, int daysAfterNextMonday) {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusDays(daysAfterNextMonday);
        return ZonedDateTime.of(day, LocalTime.of(5, 35), ZoneId.of(zone)).toInstant();
    }

    void logIn(String email) {
        logIn(email, TestAccounts.PASSWORD);
    }

    void logIn(String email, String password) {
        browser.visit("/login").fillIn("E-mail", email).fillIn("Password", password).press("Log in");
    }
}
