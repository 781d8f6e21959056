package org.sourcewire.accounts;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sourcewire.IntegrationTest;
import org.sourcewire.mail.Mailbox;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

class SignUpTests extends IntegrationTest {

    @Test
    void journalistSignsUpConfirmsTheMailedLinkAndLogsIn() throws Exception {
        String email = TestAccounts.uniqueEmail("maria");

        MvcTestResult signUp = signUp("JOURNALIST", "Maria Lopez", email, "a long enough secret", "The Daily Ledger",
                "https://ledger.example");
        assertThat(signUp).hasRedirectedUrl("/signup/check-email");
        Cookie session = signUp.getResponse().getCookie("SESSION");
        assertThat(mvc.get().uri("/signup/check-email").cookie(session)).hasStatusOk().bodyText()
                .contains("Check your e-mail").contains("We sent a link to <strong>" + email + "</strong>");
        assertThat(mvc.get().uri("/dashboard").cookie(session)).as("sign-up does not log in")
                .hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
        assertThat(isVerified(email)).isFalse();

        mailbox.deliver();
        List<MimeMessage> received = mailbox.receivedBy(email);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject()).isEqualTo("Confirm your e-mail address for Sourcewire");
        String link = Mailbox.link(received.get(0), "/verify-email");

        assertThat(mvc.get().uri(link)).hasStatusOk().bodyText().contains("Your e-mail address is confirmed")
                .contains("Log in with the password you chose").contains("value=\"" + email + "\"");
        assertThat(isVerified(email)).isTrue();
        assertThat(mvc.get().uri(link)).hasStatusOk().bodyText().contains("Already confirmed");

        assertThat(mvc.post().uri("/login").with(csrf()).with(TestAccounts.fromOwnAddress())
                .param("email", email.toUpperCase()).param("password", "a long enough secret"))
                .hasRedirectedUrl("/dashboard");
        assertThat(mvc.post().uri("/login").with(csrf()).with(TestAccounts.fromOwnAddress())
                .param("email", email).param("password", "a wrong secret!"))
                .hasRedirectedUrl("/login?error=bad");
    }

    @Test
    void sourceNeedsNoOutlet() {
        String email = TestAccounts.uniqueEmail("source");

        assertThat(signUp("SOURCE", "Priya Nair", email, "a long enough secret", "", "")).hasRedirectedUrl("/signup/check-email");

        assertThat(jdbc.sql("select role, outlet_name from account where email = :email").param("email", email)
                .query((rs, n) -> rs.getString(1) + "/" + rs.getString(2)).single()).isEqualTo("SOURCE/null");
    }

    @Test
    void aTakenAddressGetsTheSameAnswerAndItsOwnerAMail() throws Exception {
        CurrentUser member = accounts.source();
        clock.advance(Duration.ofMinutes(2));
        String newcomer = TestAccounts.uniqueEmail("newcomer");
        String memberTyped = member.email().toUpperCase();

        MvcTestResult forNewcomer = signUp("SOURCE", "New Person", newcomer, "a long enough secret", "", "");
        MvcTestResult forMember = signUp("SOURCE", "New Person", memberTyped, "a long enough secret", "", "");

        assertThat(forMember.getResponse().getStatus()).isEqualTo(forNewcomer.getResponse().getStatus());
        assertThat(forMember.getResponse().getRedirectedUrl()).isEqualTo(forNewcomer.getResponse().getRedirectedUrl());
        assertThat(cookieNames(forMember)).isEqualTo(cookieNames(forNewcomer));
        assertThat(forMember.getMvcResult().getFlashMap().keySet()).isEqualTo(forNewcomer.getMvcResult().getFlashMap().keySet());
        MvcTestResult pageForNewcomer = mvc.get().uri("/signup/check-email").cookie(session(forNewcomer)).exchange();
        MvcTestResult pageForMember = mvc.get().uri("/signup/check-email").cookie(session(forMember)).exchange();
        assertThat(MailRateLimitTests.comparable(pageForMember, memberTyped))
                .isEqualTo(MailRateLimitTests.comparable(pageForNewcomer, newcomer));
        assertThat(mvc.get().uri("/dashboard").cookie(session(forMember))).hasStatus3xxRedirection();

        // The member's account is untouched, and its owner hears of the attempt.
        assertThat(jdbc.sql("select count(*) from account where email = :email").param("email", member.email())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(mvc.post().uri("/login").with(csrf()).with(TestAccounts.fromOwnAddress())
                .param("email", member.email()).param("password", TestAccounts.PASSWORD)).hasRedirectedUrl("/dashboard");
        mailbox.deliver();
        List<MimeMessage> toMember = mailbox.receivedBy(member.email());
        assertThat(toMember).hasSize(1);
        assertThat(toMember.get(0).getSubject()).isEqualTo("Someone tried to sign up to Sourcewire with your address");
        assertThat(Mailbox.text(toMember.get(0))).contains("If it was you");
        assertThat(Mailbox.link(toMember.get(0), "/login")).isEqualTo("/login");
        assertThat(Mailbox.link(toMember.get(0), "/password-reset")).isEqualTo("/password-reset");
        assertThat(mailbox.receivedBy(newcomer)).extracting(MimeMessage::getSubject)
                .containsExactly("Confirm your e-mail address for Sourcewire");
    }

    @Test
    void loggingInAfterSigningUpDoesNotTellWhetherTheAddressWasTaken() {
        CurrentUser member = accounts.source();
        clock.advance(Duration.ofMinutes(2));
        String newcomer = TestAccounts.uniqueEmail("newcomer");
        signUp("SOURCE", "Prober", newcomer, "a prober's own secret", "", "");
        signUp("SOURCE", "Prober", member.email(), "a prober's own secret", "", "");

        assertThat(mvc.post().uri("/login").with(csrf()).with(TestAccounts.fromOwnAddress())
                .param("email", newcomer).param("password", "a prober's own secret")).hasRedirectedUrl("/login?error=bad");
        assertThat(mvc.post().uri("/login").with(csrf()).with(TestAccounts.fromOwnAddress())
                .param("email", member.email()).param("password", "a prober's own secret")).hasRedirectedUrl("/login?error=bad");
    }

    static Stream<Arguments> badSignUps() {
        String ok = "a long enough secret";
        return Stream.of(
                Arguments.of("empty name", "SOURCE", "", "x@example.com", ok, "", "", "Enter your name."),
                Arguments.of("too long name", "SOURCE", "n".repeat(101), "x@example.com", ok, "", "", "Use at most 100 characters."),
                Arguments.of("empty e-mail", "SOURCE", "Name", "", ok, "", "", "Enter your e-mail address."),
                Arguments.of("malformed e-mail", "SOURCE", "Name", "not-an-address", ok, "", "", "Enter a valid e-mail address"),
                Arguments.of("e-mail without domain dot", "SOURCE", "Name", "someone@localhost", ok, "", "", "Enter a valid e-mail address"),
                Arguments.of("too long e-mail", "SOURCE", "Name", "x".repeat(250) + "@example.com", ok, "", "", "Use at most 254 characters."),
                Arguments.of("empty password", "SOURCE", "Name", "x@example.com", "", "", "", "Enter a password."),
                Arguments.of("short password", "SOURCE", "Name", "x@example.com", "short", "", "", "Use at least 10 characters."),
                Arguments.of("common password", "SOURCE", "Name", "x@example.com", "password123", "", "", "too easy to guess"),
                Arguments.of("too long password", "SOURCE", "Name", "x@example.com", "p".repeat(20) + "q".repeat(50), "", "", "Use at most 64 characters."),
                Arguments.of("password is the e-mail", "SOURCE", "Name", "harriet@example.com", "harriet@example.com", "", "", "use your e-mail address in your password"),
                Arguments.of("no role", "", "Name", "x@example.com", ok, "", "", "Choose whether you are a journalist or a source."),
                Arguments.of("unknown role", "EDITOR", "Name", "x@example.com", ok, "", "", "Choose whether you are a journalist or a source."),
                Arguments.of("admin role", "ADMIN", "Name", "x@example.com", ok, "", "", "Choose whether you are a journalist or a source."),
                Arguments.of("journalist without outlet", "JOURNALIST", "Name", "x@example.com", ok, "", "https://ledger.example", "Enter the outlet you write for"),
                Arguments.of("journalist without outlet URL", "JOURNALIST", "Name", "x@example.com", ok, "Ledger", "", "Enter your outlet&#39;s web address"),
                Arguments.of("outlet URL not a URL", "JOURNALIST", "Name", "x@example.com", ok, "Ledger", "ledger", "Enter a full web address"),
                Arguments.of("outlet URL with other scheme", "JOURNALIST", "Name", "x@example.com", ok, "Ledger", "javascript:alert(1)", "Enter a full web address"),
                Arguments.of("too long outlet", "JOURNALIST", "Name", "x@example.com", ok, "o".repeat(121), "https://ledger.example", "Use at most 120 characters."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSignUps")
    void badInputGetsAFieldMessageAndSavesNothing(String label, String role, String name, String email, String password,
            String outletName, String outletUrl, String message) {
        String address = email.replace("x@", TestAccounts.uniqueEmail("bad").replace("@example.com", "") + "@");

        assertThat(signUp(role, name, address, password, outletName, outletUrl))
                .hasStatusOk()
                .bodyText().contains("invalid-feedback").contains(message).doesNotContain("Exception");
        assertThat(jdbc.sql("select count(*) from account where email = :email").param("email", address)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aDoubleClickedSubmitMakesOneAccount() throws Exception {
        String email = TestAccounts.uniqueEmail("double");
        Thread[] clicks = new Thread[2];
        for (int i = 0; i < clicks.length; i++) {
            clicks[i] = new Thread(() -> signUp("SOURCE", "Double", email, "a long enough secret", "", ""));
            clicks[i].start();
        }
        for (Thread click : clicks) {
            click.join();
        }

        assertThat(jdbc.sql("select count(*) from account where email = :email").param("email", email)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = :email").param("email", email)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anEmptyEmailAddressGetsOneMessage() throws Exception {
        for (String empty : new String[] { "", "   " }) {
            Document page = Jsoup.parse(signUp("SOURCE", "Name", empty, "a long enough secret", "", "").getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(page.select("#email-help .invalid-feedback").eachText()).as("[" + empty + "]")
                    .containsExactly("Enter your e-mail address.");
        }
        Document reset = Jsoup.parse(mvc.post().uri("/password-reset").with(csrf()).with(TestAccounts.fromOwnAddress())
                .param("email", "").exchange().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(reset.select("#email-help .invalid-feedback").eachText()).containsExactly("Enter your e-mail address.");
    }

    @Test
    void anUnknownRoleDoesNotHideTheOtherFieldsMessages() {
        assertThat(signUp("EDITOR", "", "not-an-address", "short", "", "")).hasStatusOk().bodyText()
                .contains("Choose whether you are a journalist or a source.").contains("Enter your name.")
                .contains("Enter a valid e-mail address").contains("Use at least 10 characters.");
    }

    /** The app speaks one language: a browser asking for Arabic or German still reads "10", not "١٠". */
    @Test
    void aBrowserInAnotherLanguageReadsTheSameEnglishAndDigits() {
        for (String language : new String[] { "ar-EG", "de-DE,de;q=0.9", "fa" }) {
            assertThat(mvc.post().uri("/signup").with(csrf()).with(TestAccounts.fromOwnAddress())
                    .header("Accept-Language", language).param("role", "SOURCE").param("displayName", "Name")
                    .param("email", TestAccounts.uniqueEmail("language")).param("password", "short").exchange())
                    .as(language).hasStatusOk().bodyText().contains("Use at least 10 characters.");
        }
    }

    @Test
    void signUpWithoutCsrfTokenIsRejected() {
        assertThat(mvc.post().uri("/signup").with(TestAccounts.fromOwnAddress()).param("role", "SOURCE").param("displayName", "X")
                .param("email", TestAccounts.uniqueEmail("csrf")).param("password", "a long enough secret"))
                .hasStatus(403);
    }

    private MvcTestResult signUp(String role, String name, String email, String password, String outletName,
            String outletUrl) {
        return mvc.post().uri("/signup").with(csrf()).with(TestAccounts.fromOwnAddress())
                .param("role", role).param("displayName", name).param("email", email).param("password", password)
                .param("outletName", outletName).param("outletUrl", outletUrl)
                .exchange();
    }

    private static Cookie session(MvcTestResult result) {
        return result.getResponse().getCookie("SESSION");
    }

    private static List<String> cookieNames(MvcTestResult result) {
        return java.util.Arrays.stream(result.getResponse().getCookies()).map(Cookie::getName).sorted().toList();
    }

    private boolean isVerified(String email) {
        return jdbc.sql("select email_verified_at is not null from account where email = :email").param("email", email)
                .query(Boolean.class).single();
    }
}
