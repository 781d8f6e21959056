package org.sourcewire.accounts;

import java.time.Duration;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sourcewire.SourcewireIntegrationTest;
import org.sourcewire.TestClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@SourcewireIntegrationTest
class LogInTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

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
    void manyFailuresFromOneAddressPauseLogInsFromIt() {
        RequestPostProcessor address = TestAccounts.fromOwnAddress();
        for (int i = 0; i < 20; i++) {
            assertThat(logIn(TestAccounts.uniqueEmail("spray"), "guess", address)).hasRedirectedUrl("/login?error=bad");
        }
        CurrentUser user = accounts.journalist();

        assertThat(logIn(user.email(), TestAccounts.PASSWORD, address)).redirectedUrl().startsWith("/login?error=throttled");
        assertThat(logIn(user.email(), TestAccounts.PASSWORD, TestAccounts.fromOwnAddress())).hasRedirectedUrl("/dashboard");
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
    void anUnverifiedAccountCanLogIn() {
        CurrentUser user = accounts.unverifiedSource();

        assertThat(logIn(user.email(), TestAccounts.PASSWORD, TestAccounts.fromOwnAddress())).hasRedirectedUrl("/dashboard");
    }

    private MvcTestResult logIn(String email, String password, RequestPostProcessor address) {
        return mvc.post().uri("/login").with(csrf()).with(address).param("email", email).param("password", password)
                .exchange();
    }
}
