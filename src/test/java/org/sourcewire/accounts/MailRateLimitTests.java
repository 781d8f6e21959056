package org.sourcewire.accounts;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.sourcewire.accounts.TestAccounts.fromOwnAddress;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** Sign-ups, verification re-sends and password resets cannot be used to flood someone's mailbox. */
class MailRateLimitTests extends IntegrationTest {

    static final String TOO_MANY_FOR_EMAIL = "Too many e-mails were sent to this address recently.";
    static final String TOO_MANY_FROM_ADDRESS = "Too many requests came from your network recently.";

    @Autowired
    AccountsProperties properties;

    @Test
    void resetMailsToOneAddressStopAtTheLimitWhetherOrNotItHasAnAccount() {
        CurrentUser member = accounts.source();
        String stranger = TestAccounts.uniqueEmail("stranger");
        for (int i = 0; i < perEmail(); i++) {
            // Each from another address: the per-e-mail limit must hold anyway.
            assertThat(reset(member.email(), fromOwnAddress())).hasStatusOk().bodyText().contains("Check your e-mail");
            assertThat(reset(stranger, fromOwnAddress())).hasStatusOk().bodyText().contains("Check your e-mail");
        }

        MvcTestResult refusedMember = reset(member.email(), fromOwnAddress());
        MvcTestResult refusedStranger = reset(stranger, fromOwnAddress());

        assertThat(refusedMember).hasStatus(429).bodyText().contains(TOO_MANY_FOR_EMAIL).contains("Try again in");
        assertThat(comparable(refusedMember, member.email())).isEqualTo(comparable(refusedStranger, stranger));
        assertThat(mailsTo(member.email())).isEqualTo(perEmail());
        assertThat(mailsTo(stranger)).isZero();
    }

    @Test
    void oneAddressCannotMailManyPeople() {
        RequestPostProcessor address = fromOwnAddress();
        for (int i = 0; i < perAddress(); i++) {
            assertThat(reset(TestAccounts.uniqueEmail("victim"), address)).hasStatusOk();
        }

        assertThat(reset(TestAccounts.uniqueEmail("victim"), address)).hasStatus(429).bodyText()
                .contains(TOO_MANY_FROM_ADDRESS).contains("Try again in");
        String email = TestAccounts.uniqueEmail("victim");
        assertThat(signUp(email, address)).hasStatus(429).bodyText().contains(TOO_MANY_FROM_ADDRESS);
        assertThat(jdbc.sql("select count(*) from account where email = :email").param("email", email)
                .query(Long.class).single()).isZero();
        assertThat(reset(TestAccounts.uniqueEmail("victim"), fromOwnAddress())).as("another address").hasStatusOk();
    }

    @Test
    void theAllowanceComesBackGraduallyOverThePeriod() {
        String stranger = TestAccounts.uniqueEmail("stranger");
        for (int i = 0; i < perEmail(); i++) {
            assertThat(reset(stranger, fromOwnAddress())).hasStatusOk();
        }
        assertThat(reset(stranger, fromOwnAddress())).hasStatus(429);

        clock.advance(properties.mailLimits().period().dividedBy(perEmail()).plusSeconds(1));

        assertThat(reset(stranger, fromOwnAddress())).hasStatusOk();
        assertThat(reset(stranger, fromOwnAddress())).hasStatus(429);
    }

    @Test
    void signUpsForOneAddressStopAtTheLimitWhetherOrNotItIsTaken() {
        CurrentUser member = accounts.source();
        String newcomer = TestAccounts.uniqueEmail("newcomer");
        for (int i = 0; i < perEmail(); i++) {
            assertThat(signUp(member.email(), fromOwnAddress()).getResponse().getStatus()).isNotEqualTo(429);
            assertThat(signUp(newcomer, fromOwnAddress()).getResponse().getStatus()).isNotEqualTo(429);
        }

        MvcTestResult refusedMember = signUp(member.email(), fromOwnAddress());
        MvcTestResult refusedNewcomer = signUp(newcomer, fromOwnAddress());

        assertThat(refusedMember).hasStatus(429).bodyText().contains("invalid-feedback").contains(TOO_MANY_FOR_EMAIL);
        assertThat(comparable(refusedMember, member.email())).isEqualTo(comparable(refusedNewcomer, newcomer));
    }

    @Test
    void verificationResendsStopAtTheLimit() {
        CurrentUser user = accounts.unverifiedSource();
        for (int i = 0; i < perEmail(); i++) {
            assertThat(mvc.post().uri("/verify-email/resend").with(csrf()).with(as(user)).with(fromOwnAddress()))
                    .hasRedirectedUrl("/dashboard").flash().containsKey("success");
        }

        assertThat(mvc.post().uri("/verify-email/resend").with(csrf()).with(as(user)).with(fromOwnAddress()))
                .hasRedirectedUrl("/dashboard").flash().hasEntrySatisfying("error",
                        message -> assertThat((String) message).contains(TOO_MANY_FOR_EMAIL));
        assertThat(mvc.post().uri("/verify-email/resend").with(csrf()).with(as(user)).with(fromOwnAddress())
                .header("HX-Request", "true")).hasStatusOk().bodyText().contains(TOO_MANY_FOR_EMAIL);
        // The sign-up's own mail and the re-sends the limit allowed.
        assertThat(mailsTo(user.email())).isEqualTo(1 + perEmail());
    }

    private int perEmail() {
        return properties.mailLimits().perEmail();
    }

    private int perAddress() {
        return properties.mailLimits().perAddress();
    }

    private MvcTestResult reset(String email, RequestPostProcessor address) {
        return mvc.post().uri("/password-reset").with(csrf()).with(address).param("email", email).exchange();
    }

    private MvcTestResult signUp(String email, RequestPostProcessor address) {
        return mvc.post().uri("/signup").with(csrf()).with(address).param("role", "SOURCE").param("displayName", "Someone")
                .param("email", email).param("password", "a long enough secret").exchange();
    }

    private long mailsTo(String email) {
        return jdbc.sql("select count(*) from mail_outbox where recipient = :email").param("email", email)
                .query(Long.class).single();
    }

    /** The page without what differs by nature: the address typed in and the CSRF token. */
    static String comparable(MvcTestResult result, String email) {
        try {
            return result.getResponse().getContentAsString().replace(email, "ADDRESS")
                    .replaceAll("(name=\"_csrf\"[^>]*value=\"|content=\")[^\"]*\"", "$1TOKEN\"");
        }
        catch (java.io.UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
