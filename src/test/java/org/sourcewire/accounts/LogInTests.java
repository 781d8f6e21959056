package org.sourcewire.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;

import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

class LogInTests extends IntegrationTest {

    @Test
    void rightPasswordLogsInAndLogOutEndsTheSession() {
        CurrentUser user = accounts.journalist();
        MvcTestResult login = logIn(user.email(), TestAccounts.PASSWORD, TestAccounts.fromOwnAddress());
        assertThat(login).hasRedirectedUrl("/dashboard");
        // The session lives in PostgreSQL (Spring Session JDBC); the cookie is all the client holds.
        Cookie session = login.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();

        assertThat(mvc.get().uri("/dashboard").cookie(session)).hasStatusOk();
        assertThat(mvc.post().uri("/logout").with(csrf()).cookie(session)).hasRedirectedUrl("/?loggedOut");
        assertThat(mvc.get().uri("/dashboard").cookie(session)).hasStatus3xxRedirection();
    }

    @Test
    void wrongPasswordAndUnknownAddressGetTheSameMessage() {
        CurrentUser user = accounts.source();

        assertThat(logIn(user.email(), "not the password", TestAccounts.fromOwnAddress())).hasRedirectedUrl("/login?error=bad");
        assertThat(logIn(TestAccounts.uniqueEmail("nobody"), "not the password", TestAccounts.fromOwnAddress()))
                .hasRedirectedUrl("/login?error=bad");
        assertThat(mvc.get().uri("/login?error=bad")).hasStatusOk().bodyText()
                .contains("That e-mail address and password don&#39;t match");
    }

    @Test
    void repeatedFailuresForOneAccountPauseItsLogInsForAWhile() {
        CurrentUser user = accounts.source();
        for (int i = 0; i < 5; i++) {
            // Each attempt from another address: the per-account limit must hold anyway.
            assertThat(logIn(user.email(), "guess " + i, TestAccounts.fromOwnAddress())).hasRedirectedUrl("/login?error=bad");
        }

        assertThat(logIn(user.email(), TestAccounts.PASSWORD, TestAccounts.fromOwnAddress()))
                .hasRedirectedUrl("/login?error=throttled&wait=15");
        assertThat(mvc.get().uri("/login?error=throttled&wait=15")).bodyText().contains("Too many failed attempts")
                .contains("15 minutes");

        clock.advance(Duration.ofMinutes(16));
        assertThat(logIn(user.email(), TestAccounts.PASSWORD, TestAccounts.fromOwnAddress())).hasRedirectedUrl("/dashboard");
    }

    @Test
    void manyFailuresFromOneAddressSlowItsLogInsDownInsteadOfLockingThemOut() {
        RequestPostProcessor office = TestAccounts.fromOwnAddress();
        failFromAddress(office, 10);
        CurrentUser colleague = accounts.journalist();

        assertThat(logIn(colleague.email(), TestAccounts.PASSWORD, office)).hasRedirectedUrl("/login?error=slowed&seconds=1");
        assertThat(mvc.get().uri("/login?error=slowed&seconds=1")).bodyText()
                .contains("Many failed log-ins came from your network").contains("Wait 1 second, then try again.");
        assertThat(logIn(colleague.email(), TestAccounts.PASSWORD, TestAccounts.fromOwnAddress()))
                .as("other addresses are not slowed").hasRedirectedUrl("/dashboard");

        clock.advance(Duration.ofSeconds(1));
        assertThat(logIn(colleague.email(), TestAccounts.PASSWORD, office)).hasRedirectedUrl("/dashboard");
    }

    @Test
    void theWaitFromAnAddressDoublesWithEachFurtherFailureUpToAMinute() {
        RequestPostProcessor address = TestAccounts.fromOwnAddress();
        failFromAddress(address, 10);

        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            long wait = slowedFor(logIn(TestAccounts.uniqueEmail("spray"), "guess", address));
            waits.add(wait);
            clock.advance(Duration.ofSeconds(wait));
            assertThat(logIn(TestAccounts.uniqueEmail("spray"), "guess", address)).hasRedirectedUrl("/login?error=bad");
        }

        assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
        assertThat(mvc.get().uri("/login?error=slowed&seconds=60")).bodyText().contains("Wait 1 minute, then try again.");
    }

    @Test
    void anAttackerFromOneAddressGetsAboutOneGuessAMinute() {
        RequestPostProcessor address = TestAccounts.fromOwnAddress();
        Instant start = clock.instant();
        int guesses = 0;
        int guessesInSecondQuarterHour = 0;
        // An attacker who tries again the moment the wait is over, for half an hour.
        while (clock.instant().isBefore(start.plus(Duration.ofMinutes(30)))) {
            MvcTestResult attempt = logIn(TestAccounts.uniqueEmail("spray"), "guess", address);
            if ("/login?error=bad".equals(attempt.getResponse().getRedirectedUrl())) {
                guesses++;
                if (clock.instant().isAfter(start.plus(Duration.ofMinutes(15)))) {
                    guessesInSecondQuarterHour++;
                }
            }
            else {
                clock.advance(Duration.ofSeconds(slowedFor(attempt)));
            }
        }

        // 10 free, then waits of 1, 2, 4 ... 32 s, then one a minute; the old lock allowed 20 per quarter hour.
        assertThat(guesses).isBetween(40, 50);
        assertThat(guessesInSecondQuarterHour).isBetween(14, 16);
    }

    @Test
    void concurrentAttemptsFromASlowedAddressGoThroughOneAtATime() throws Exception {
        RequestPostProcessor address = TestAccounts.fromOwnAddress();
        failFromAddress(address, 10);
        clock.advance(Duration.ofSeconds(2));

        ExecutorService attackers = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                attempts.add(attackers.submit(() -> logIn(TestAccounts.uniqueEmail("burst"), "guess", address)
                        .getResponse().getRedirectedUrl()));
            }
            List<String> answers = new ArrayList<>();
            for (Future<String> attempt : attempts) {
                answers.add(attempt.get());
            }
            assertThat(answers).filteredOn("/login?error=bad"::equals).hasSize(1);
            assertThat(answers).filteredOn(answer -> answer.startsWith("/login?error=slowed")).hasSize(7);
        }
        finally {
            attackers.shutdownNow();
        }
    }

    private void failFromAddress(RequestPostProcessor address, int failures) {
        for (int i = 0; i < failures; i++) {
            assertThat(logIn(TestAccounts.uniqueEmail("spray"), "guess", address)).hasRedirectedUrl("/login?error=bad");
        }
    }

    /** The seconds a slowed-down attempt was told to wait. */
    private static long slowedFor(MvcTestResult attempt) {
        String target = attempt.getResponse().getRedirectedUrl();
        assertThat(target).startsWith("/login?error=slowed&seconds=");
        return Long.parseLong(target.substring(target.indexOf("seconds=") + 8));
    }

    @Test
    void aSuccessfulLogInClearsEarlierFailures() {
        CurrentUser user = accounts.source();
        for (int i = 0; i < 4; i++) {
            logIn(user.email(), "guess", TestAccounts.fromOwnAddress());
        }
        assertThat(logIn(user.email(), TestAccounts.PASSWORD, TestAccounts.fromOwnAddress())).hasRedirectedUrl("/dashboard");
        for (int i = 0; i < 4; i++) {
            logIn(user.email(), "guess", TestAccounts.fromOwnAddress());
        }

        assertThat(logIn(user.email(), TestAccounts.PASSWORD, TestAccounts.fromOwnAddress())).hasRedirectedUrl("/dashboard");
    }

    @Test
    void aSuspendedAccountIsToldSoOnlyWithTheRightPassword() {
        CurrentUser user = accounts.source();
        accounts.suspend(user);

        assertThat(logIn(user.email(), "not the password", TestAccounts.fromOwnAddress())).hasRedirectedUrl("/login?error=bad");
        assertThat(logIn(user.email(), TestAccounts.PASSWORD, TestAccounts.fromOwnAddress()))
                .hasRedirectedUrl("/login?error=suspended");
    }

    @Test
    void anUnconfirmedAccountLogsInOnlyAfterConfirmingAndHearsWhatAWrongPasswordHears() {
        CurrentUser user = accounts.unverifiedSource();

        // Else signing up with an address and logging in with the password just chosen would tell if it was taken.
        assertThat(logIn(user.email(), TestAccounts.PASSWORD, TestAccounts.fromOwnAddress())).hasRedirectedUrl("/login?error=bad");
        assertThat(mvc.get().uri("/login?error=bad")).bodyText().contains("or the address is not confirmed yet")
                .contains("href=\"/verify-email/new-link\"");
    }

    private MvcTestResult logIn(String email, String password, RequestPostProcessor address) {
        return mvc.post().uri("/login").with(csrf()).with(address).param("email", email).param("password", password)
                .exchange();
    }
}
