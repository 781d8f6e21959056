package org.sourcewire.accounts;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.mail.Mailbox;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.fromOwnAddress;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** What sign-up and password reset share ({@link AccountMails}, {@link MailLimitAnswers}), seen from each side. */
class AccountMailsTests extends IntegrationTest {

    @Autowired
    AccountsProperties properties;

    @Test
    void newConfirmationLinkRequestsStopAtTheLimitBesideTheField() {
        CurrentUser user = accounts.unverifiedSource();
        for (int i = 0; i < properties.mailLimits().perEmail(); i++) {
            assertThat(mvc.post().uri("/verify-email/new-link").with(csrf()).with(fromOwnAddress())
                    .param("email", user.email())).hasStatusOk().bodyText().contains(user.email());
        }

        assertThat(mvc.post().uri("/verify-email/new-link").with(csrf()).with(fromOwnAddress())
                .param("email", user.email())).hasStatus(429).bodyText().contains("invalid-feedback")
                .contains(MailRateLimitTests.TOO_MANY_FOR_EMAIL);
    }

    @Test
    void passwordChangedMailGreetsByNameAndLinksToTheResetPage() {
        CurrentUser user = accounts.journalist();
        assertThat(mvc.post().uri("/password-reset").with(csrf()).with(fromOwnAddress()).param("email", user.email()))
                .hasStatusOk();
        mailbox.deliver();
        String link = Mailbox.link(mailbox.receivedBy(user.email()).get(0), "/password-reset/new");
        String token = link.substring(link.indexOf("token=") + 6);

        assertThat(mvc.post().uri("/password-reset/new").with(csrf()).param("token", token)
                .param("password", "a brand new secret").param("confirmation", "a brand new secret"))
                .hasRedirectedUrl("/login");

        mailbox.deliver();
        MimeMessage changed = mailbox.receivedBy(user.email()).stream()
                .filter(message -> subject(message).equals("Your Sourcewire password was changed")).findFirst()
                .orElseThrow();
        assertThat(Mailbox.link(changed, "/password-reset")).isEqualTo("/password-reset");
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(changed)).contains("Hello Jane Journalist,");
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        }
        catch (jakarta.mail.MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
