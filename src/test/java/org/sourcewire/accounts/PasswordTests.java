package org.sourcewire.accounts;

import java.time.Duration;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.mail.Mailbox;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

class PasswordTests extends IntegrationTest {

    @Test
    void forgottenPasswordIsResetThroughTheMailedLinkOnce() {
        CurrentUser user = accounts.journalist();
        String link = requestResetLink(user.email());

        assertThat(mvc.get().uri(link)).hasStatusOk().bodyText().contains("Choose a new password");
        String token = link.substring(link.indexOf("token=") + 6);
        assertThat(mvc.post().uri("/password-reset/new").with(csrf()).param("token", token)
                .param("password", "a brand new secret").param("confirmation", "a brand new secret"))
                .hasRedirectedUrl("/login");

        assertThat(logIn(user.email(), "a brand new secret")).hasRedirectedUrl("/dashboard");
        assertThat(logIn(user.email(), TestAccounts.PASSWORD)).hasRedirectedUrl("/login?error=bad");
        assertThat(mvc.get().uri(link)).hasStatusOk().bodyText().contains("This reset link is not valid");
        assertThat(mvc.post().uri("/password-reset/new").with(csrf()).param("token", token)
                .param("password", "yet another secret").param("confirmation", "yet another secret"))
                .hasStatusOk().bodyText().contains("This reset link is not valid");
        mailbox.deliver();
        assertThat(mailbox.receivedBy(user.email())).extracting(message -> message.getSubject())
                .contains("Your Sourcewire password was changed");
    }

    @Test
    void aResetRequestForAnUnknownAddressLooksTheSameAndSendsNothing() {
        String nobody = TestAccounts.uniqueEmail("nobody");

        assertThat(mvc.post().uri("/password-reset").with(csrf()).with(TestAccounts.fromOwnAddress()).param("email", nobody))
                .hasStatusOk().bodyText().contains("Check your e-mail");
        assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = :email").param("email", nobody)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aResetRequestNeedsAValidAddress() {
        assertThat(mvc.post().uri("/password-reset").with(csrf()).with(TestAccounts.fromOwnAddress()).param("email", "nonsense"))
                .hasStatusOk().bodyText().contains("Enter a valid e-mail address");
        assertThat(mvc.post().uri("/password-reset").with(csrf()).with(TestAccounts.fromOwnAddress()).param("email", ""))
                .hasStatusOk().bodyText().contains("Enter your e-mail address.");
    }

    @Test
    void anExpiredOrTamperedResetLinkIsRefused() {
        CurrentUser user = accounts.source();
        String link = requestResetLink(user.email());
        String token = link.substring(link.indexOf("token=") + 6);

        assertThat(mvc.get().uri("/password-reset/new?token=" + token.replace('.', '-'))).bodyText()
                .contains("This reset link is not valid");
        assertThat(mvc.get().uri("/password-reset/new")).bodyText().contains("This reset link is not valid");
        clock.advance(Duration.ofMinutes(61));
        assertThat(mvc.get().uri(link)).bodyText().contains("This reset link has expired");
        assertThat(mvc.post().uri("/password-reset/new").with(csrf()).param("token", token)
                .param("password", "a brand new secret").param("confirmation", "a brand new secret"))
                .bodyText().contains("This reset link has expired");
        clock.reset();
        assertThat(logIn(user.email(), TestAccounts.PASSWORD)).hasRedirectedUrl("/dashboard");
    }

    @Test
    void aWeakOrMismatchedNewPasswordIsRefusedBesideTheField() {
        CurrentUser user = accounts.source();
        String link = requestResetLink(user.email());
        String token = link.substring(link.indexOf("token=") + 6);

        assertThat(mvc.post().uri("/password-reset/new").with(csrf()).param("token", token)
                .param("password", "short").param("confirmation", "short"))
                .hasStatusOk().bodyText().contains("Use at least 10 characters.");
        assertThat(mvc.post().uri("/password-reset/new").with(csrf()).param("token", token)
                .param("password", "a brand new secret").param("confirmation", "another secret!"))
                .hasStatusOk().bodyText().contains("The two passwords are not the same.");
        assertThat(mvc.post().uri("/password-reset/new").with(csrf()).param("token", token))
                .hasStatusOk().bodyText().contains("Enter a password.");
        assertThat(logIn(user.email(), TestAccounts.PASSWORD)).hasRedirectedUrl("/dashboard");
    }

    @Test
    void changingThePasswordNeedsTheCurrentOne() {
        CurrentUser user = accounts.journalist();

        assertThat(mvc.post().uri("/account/password").with(csrf()).with(as(user)).param("currentPassword", "wrong one")
                .param("password", "a brand new secret").param("confirmation", "a brand new secret"))
                .hasStatusOk().bodyText().contains("That is not your current password.");
        assertThat(mvc.post().uri("/account/password").with(csrf()).with(as(user)).param("currentPassword", "")
                .param("password", "tiny").param("confirmation", "tiny"))
                .hasStatusOk().bodyText().contains("Enter your current password.").contains("Use at least 10 characters.");
        assertThat(logIn(user.email(), TestAccounts.PASSWORD)).hasRedirectedUrl("/dashboard");

        assertThat(mvc.post().uri("/account/password").with(csrf()).with(as(user)).param("currentPassword", TestAccounts.PASSWORD)
                .param("password", "a brand new secret").param("confirmation", "a brand new secret"))
                .hasRedirectedUrl("/account");
        assertThat(logIn(user.email(), "a brand new secret")).hasRedirectedUrl("/dashboard");
    }

    @Test
    void aPasswordResetEndsEverySessionOfTheAccount() {
        CurrentUser user = accounts.source();
        Cookie older = logInSession(user.email(), TestAccounts.PASSWORD);
        Cookie newer = logInSession(user.email(), TestAccounts.PASSWORD);
        assertThat(mvc.get().uri("/feed").cookie(older)).hasStatusOk();

        String link = requestResetLink(user.email());
        String token = link.substring(link.indexOf("token=") + 6);
        assertThat(mvc.post().uri("/password-reset/new").with(csrf()).param("token", token)
                .param("password", "a brand new secret").param("confirmation", "a brand new secret"))
                .hasRedirectedUrl("/login");

        assertThat(mvc.get().uri("/feed").cookie(older)).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
        assertThat(mvc.get().uri("/dashboard").cookie(newer)).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
    }

    @Test
    void changingThePasswordEndsTheOtherSessionsAndKeepsThisOneUnderANewId() {
        CurrentUser user = accounts.journalist();
        Cookie other = logInSession(user.email(), TestAccounts.PASSWORD);
        Cookie mine = logInSession(user.email(), TestAccounts.PASSWORD);

        MvcTestResult change = mvc.post().uri("/account/password").with(csrf()).cookie(mine)
                .param("currentPassword", TestAccounts.PASSWORD).param("password", "a brand new secret")
                .param("confirmation", "a brand new secret").exchange();
        assertThat(change).hasRedirectedUrl("/account");
        Cookie renewed = change.getResponse().getCookie("SESSION");

        assertThat(renewed).as("the changing session gets a new id").isNotNull();
        assertThat(renewed.getValue()).isNotEqualTo(mine.getValue());
        assertThat(mvc.get().uri("/account").cookie(renewed)).hasStatusOk().bodyText().contains("Your password was changed.");
        assertThat(mvc.get().uri("/dashboard").cookie(renewed)).hasStatusOk();
        assertThat(mvc.get().uri("/dashboard").cookie(other)).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
    }

    @Test
    void aPasswordResetOrChangeUnlocksAnAccountLockedByWrongGuesses() {
        // Anybody can lock an account with a few wrong passwords: the mailed reset always lets its owner back in.
        CurrentUser user = accounts.source();
        lockOut(user);
        String link = requestResetLink(user.email());
        String token = link.substring(link.indexOf("token=") + 6);
        assertThat(mvc.post().uri("/password-reset/new").with(csrf()).param("token", token)
                .param("password", "a brand new secret").param("confirmation", "a brand new secret"))
                .hasRedirectedUrl("/login");
        assertThat(logIn(user.email(), "a brand new secret")).hasRedirectedUrl("/dashboard");

        CurrentUser loggedIn = accounts.journalist();
        Cookie session = logInSession(loggedIn.email(), TestAccounts.PASSWORD);
        lockOut(loggedIn);
        assertThat(mvc.post().uri("/account/password").with(csrf()).cookie(session)
                .param("currentPassword", TestAccounts.PASSWORD).param("password", "a brand new secret")
                .param("confirmation", "a brand new secret")).hasRedirectedUrl("/account");
        assertThat(logIn(loggedIn.email(), "a brand new secret")).hasRedirectedUrl("/dashboard");
    }

    private void lockOut(CurrentUser user) {
        for (int i = 0; i < 5; i++) {
            assertThat(logIn(user.email(), "guess " + i)).hasRedirectedUrl("/login?error=bad");
        }
        assertThat(logIn(user.email(), TestAccounts.PASSWORD)).hasRedirectedUrl("/login?error=throttled&wait=15");
    }

    private Cookie logInSession(String email, String password) {
        MvcTestResult login = logIn(email, password);
        assertThat(login).hasRedirectedUrl("/dashboard");
        return login.getResponse().getCookie("SESSION");
    }

    private String requestResetLink(String email) {
        assertThat(mvc.post().uri("/password-reset").with(csrf()).with(TestAccounts.fromOwnAddress()).param("email", email))
                .hasStatusOk().bodyText().contains("Check your e-mail");
        mailbox.deliver();
        var received = mailbox.receivedBy(email);
        assertThat(received).isNotEmpty();
        return Mailbox.link(received.get(received.size() - 1), "/password-reset/new");
    }

    private MvcTestResult logIn(String email, String password) {
        return mvc.post().uri("/login").with(csrf()).with(TestAccounts.fromOwnAddress())
                .param("email", email).param("password", password).exchange();
    }
}
