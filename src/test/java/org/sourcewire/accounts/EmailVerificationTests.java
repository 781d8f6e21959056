package org.sourcewire.accounts;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.mail.Mailbox;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

class EmailVerificationTests extends IntegrationTest {

    @Test
    void anExpiredLinkSaysSoAndVerifiesNothing() {
        CurrentUser user = accounts.unverifiedSource();
        String link = latestLink(user);

        clock.advance(Duration.ofHours(49));

        assertThat(mvc.get().uri(link)).hasStatusOk().bodyText().contains("This link has expired");
        assertThat(isVerified(user)).isFalse();
    }

    @Test
    void aTamperedLinkIsNotValid() {
        CurrentUser user = accounts.unverifiedSource();
        String link = latestLink(user);
        String token = link.substring(link.indexOf("token=") + 6);
        String otherSignature = token.substring(0, token.indexOf('.') + 1) + "A".repeat(43);

        assertThat(mvc.get().uri("/verify-email?token=" + otherSignature)).hasStatusOk().bodyText().contains("This link is not valid");
        assertThat(mvc.get().uri("/verify-email?token=garbage")).hasStatusOk().bodyText().contains("This link is not valid");
        assertThat(mvc.get().uri("/verify-email?token=" + "x".repeat(5000))).hasStatusOk().bodyText().contains("This link is not valid");
        assertThat(mvc.get().uri("/verify-email")).hasStatusOk().bodyText().contains("This link is not valid");
        assertThat(isVerified(user)).isFalse();
    }

    @Test
    void aResetLinkCannotBeUsedToVerify() {
        CurrentUser user = accounts.unverifiedSource();
        assertThat(mvc.post().uri("/password-reset").with(csrf()).with(TestAccounts.fromOwnAddress()).param("email", user.email())).hasStatusOk();
        mailbox.deliver();
        String resetLink = Mailbox.link(mailbox.receivedBy(user.email()).get(1), "/password-reset/new");
        String token = resetLink.substring(resetLink.indexOf("token=") + 6);

        assertThat(mvc.get().uri("/verify-email?token=" + token)).bodyText().contains("This link is not valid");
        assertThat(isVerified(user)).isFalse();
    }

    @Test
    void anUnverifiedUserCanAskForANewLinkWhichWorks() {
        CurrentUser user = accounts.unverifiedSource();
        clock.advance(Duration.ofHours(49));

        assertThat(mvc.post().uri("/verify-email/resend").with(csrf()).with(as(user))
                .with(TestAccounts.fromOwnAddress())).hasRedirectedUrl("/dashboard");
        assertThat(mvc.post().uri("/verify-email/resend").with(csrf()).with(as(user))
                .with(TestAccounts.fromOwnAddress()).header("HX-Request", "true"))
                .hasStatusOk().bodyText().contains("We sent a new link to " + user.email());
        mailbox.deliver();

        assertThat(mailbox.receivedBy(user.email())).hasSize(3);
        assertThat(mvc.get().uri(Mailbox.link(mailbox.receivedBy(user.email()).get(2), "/verify-email")))
                .bodyText().contains("Your e-mail address is confirmed");
        assertThat(isVerified(user)).isTrue();
    }

    @Test
    void aVerifiedUserIsToldThereIsNothingToResend() {
        CurrentUser user = accounts.source();

        assertThat(mvc.post().uri("/verify-email/resend").with(csrf()).with(as(user))
                .with(TestAccounts.fromOwnAddress()).header("HX-Request", "true"))
                .hasStatusOk().bodyText().contains("already confirmed");
        assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = :email").param("email", user.email())
                .query(Long.class).single()).isZero();
    }

    @Test
    void anyoneCanAskForANewLinkByAddressAndTheAnswerSaysNothingAboutWhoHasAnAccount() {
        CurrentUser unconfirmed = accounts.unverifiedSource();
        CurrentUser confirmed = accounts.source();
        String stranger = TestAccounts.uniqueEmail("stranger");
        clock.advance(Duration.ofHours(49));

        assertThat(mvc.get().uri("/verify-email/new-link")).hasStatusOk().bodyText().contains("Get a new confirmation link");
        MvcTestResult forUnconfirmed = newLink(unconfirmed.email());
        assertThat(forUnconfirmed).hasStatusOk().bodyText().contains("Check your e-mail");
        for (String other : List.of(confirmed.email(), stranger)) {
            assertThat(MailRateLimitTests.comparable(newLink(other), other))
                    .isEqualTo(MailRateLimitTests.comparable(forUnconfirmed, unconfirmed.email()));
        }

        mailbox.deliver();
        assertThat(mailbox.receivedBy(unconfirmed.email())).hasSize(2);
        assertThat(mailbox.receivedBy(confirmed.email())).isEmpty();
        assertThat(mailbox.receivedBy(stranger)).isEmpty();
        assertThat(mvc.get().uri(Mailbox.link(mailbox.receivedBy(unconfirmed.email()).get(1), "/verify-email")))
                .bodyText().contains("Your e-mail address is confirmed");
        assertThat(isVerified(unconfirmed)).isTrue();
    }

    @Test
    void aNewLinkRequestNeedsAValidAddress() {
        assertThat(mvc.post().uri("/verify-email/new-link").with(csrf()).with(TestAccounts.fromOwnAddress())
                .param("email", "nonsense")).hasStatusOk().bodyText().contains("Enter a valid e-mail address");
    }

    private MvcTestResult newLink(String email) {
        return mvc.post().uri("/verify-email/new-link").with(csrf()).with(TestAccounts.fromOwnAddress())
                .param("email", email).exchange();
    }

    @Test
    void resendingNeedsALogIn() {
        assertThat(mvc.post().uri("/verify-email/resend").with(csrf())).hasStatus3xxRedirection()
                .redirectedUrl().endsWith("/login");
    }

    private String latestLink(CurrentUser user) {
        mailbox.deliver();
        var received = mailbox.receivedBy(user.email());
        return Mailbox.link(received.get(received.size() - 1), "/verify-email");
    }

    private boolean isVerified(CurrentUser user) {
        return jdbc.sql("select email_verified_at is not null from account where id = :id").param("id", user.id())
                .query(Boolean.class).single();
    }
}
