package org.sourcewire.web;

import org.junit.jupiter.api.Test;
import org.sourcewire.RealBrowserlessClient;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.TestAccounts;
import org.sourcewire.mail.Mailbox;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

class PagesAndAccessTests extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void anonymousVisitorsSeeTheLandingAndAccountPagesOnly() {
        assertThat(mvc.get().uri("/")).hasStatusOk().bodyText().contains("For journalists").contains("For experts")
                .contains("Sign up");
        assertThat(mvc.get().uri("/login")).hasStatusOk();
        assertThat(mvc.get().uri("/signup")).hasStatusOk();
        assertThat(mvc.get().uri("/signup?as=source")).hasStatusOk().bodyText()
                .containsPattern("value=\"SOURCE\" id=\"role-source\" name=\"role\" checked");
        assertThat(mvc.get().uri("/password-reset")).hasStatusOk();
        assertThat(mvc.get().uri("/dashboard")).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
        assertThat(mvc.get().uri("/admin/outbox")).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
    }

    @Test
    void ourAssetsAndTheWebjarsAreServedToAnyoneAndPagesLinkToThem() {
        // Linked by versioned URLs (BehindHttpsTests); the plain ones are served too.
        assertThat(mvc.get().uri("/")).bodyText().containsPattern("href=\"/assets/css/app-[0-9a-f]+\\.css\"")
                .containsPattern("src=\"/assets/js/app-[0-9a-f]+\\.js\"").contains("/webjars/bootstrap/");
        assertThat(mvc.get().uri("/assets/css/app.css")).hasStatusOk();
        assertThat(mvc.get().uri("/assets/js/app.js")).hasStatusOk();
        assertThat(mvc.get().uri("/assets/images/logo.svg")).hasStatusOk();
        assertThat(mvc.get().uri("/webjars/htmx.org/dist/htmx.min.js")).hasStatusOk();
        // Only /assets/ maps to the static folder: a page's links are not looked up on the class path (see application.yml).
        assertThat(mvc.get().uri("/css/app.css").exchange().getResponse().getStatus()).isNotEqualTo(200);
    }

    @Test
    void theNavigationShowsEachRoleItsOwnEntriesOnly() {
        assertThat(mvc.get().uri("/dashboard").with(as(accounts.journalist()))).bodyText()
                .contains("href=\"/queries\"").doesNotContain("href=\"/feed\"").doesNotContain("href=\"/admin/review\"")
                .contains("navbar-expand-lg").contains("Log out").doesNotContain(">Sign up<");
        assertThat(mvc.get().uri("/dashboard").with(as(accounts.source()))).bodyText()
                .contains("href=\"/feed\"").contains("href=\"/standing\"").doesNotContain("href=\"/queries\"")
                .doesNotContain("href=\"/admin/review\"");
        assertThat(mvc.get().uri("/dashboard").with(as(accounts.admin()))).bodyText()
                .contains("href=\"/admin/review\"").contains("href=\"/admin/outbox\"").contains("navbar-expand-xl")
                .doesNotContain("href=\"/feed\"").doesNotContain("href=\"/queries\"");
        assertThat(mvc.get().uri("/")).bodyText().contains(">Sign up<").doesNotContain("href=\"/dashboard\"")
                .doesNotContain("Log out");
    }

    @Test
    void theNavigationMarksThePageYouAreOnAndCountsUnseenInvitations() {
        CurrentUser source = accounts.source();
        assertThat(mvc.get().uri("/feed").with(as(source))).bodyText()
                .containsPattern("<a class=\"nav-link active\" href=\"/feed\">\\s*Feed\\s*</a>")
                .containsPattern("<a class=\"nav-link\" href=\"/profile\">\\s*Your profile\\s*</a>")
                .contains("hx-get=\"/invitations/unseen\"");
        assertThat(mvc.get().uri("/admin/outbox").with(as(accounts.admin()))).bodyText()
                .containsPattern("<a class=\"nav-link active\" href=\"/admin/outbox\">\\s*Outbox\\s*</a>");
    }

    @Test
    void eachRoleSeesItsOwnDashboard() {
        assertThat(mvc.get().uri("/dashboard").with(as(accounts.journalist()))).hasStatusOk().bodyText()
                .contains("Your outlet").doesNotContain("Administration");
        assertThat(mvc.get().uri("/dashboard").with(as(accounts.source()))).hasStatusOk().bodyText()
                .contains("Your expert profile").doesNotContain("Your outlet");
        assertThat(mvc.get().uri("/dashboard").with(as(accounts.admin()))).hasStatusOk().bodyText()
                .contains("Administration");
    }

    @Test
    void onlyAdminsReadTheOutbox() {
        CurrentUser source = accounts.unverifiedSource();

        assertThat(mvc.get().uri("/admin/outbox").with(as(accounts.journalist()))).hasStatus(403);
        assertThat(mvc.get().uri("/admin/outbox/1").with(as(source))).hasStatus(403);

        CurrentUser admin = accounts.admin();
        assertThat(mvc.get().uri("/admin/outbox?to=" + source.email()).with(as(admin))).hasStatusOk().bodyText()
                .contains(source.email()).contains("Confirm your e-mail address for Sourcewire");
        assertThat(mvc.get().uri("/admin/outbox?to=%25_nobody_%25").with(as(admin))).hasStatusOk().bodyText()
                .contains("No e-mails");
        assertThat(mvc.get().uri("/admin/outbox/999999999").with(as(admin)).accept(MediaType.TEXT_HTML)).hasStatus(404);
    }

    @Test
    void anAdminReadsAQueuedMailAndItsLinks() throws Exception {
        CurrentUser source = accounts.unverifiedSource();
        CurrentUser admin = accounts.admin();
        String list = mvc.get().uri("/admin/outbox?to=" + source.email()).with(as(admin)).exchange().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        String id = list.replaceAll("(?s).*href=\"/admin/outbox/(\\d+)\".*", "$1");

        assertThat(mvc.get().uri("/admin/outbox/" + id).with(as(admin))).hasStatusOk().bodyText()
                .contains("Links in this e-mail").contains("/verify-email?token=");
    }

    @Test
    void anAdminReadsASentMailWithoutTheTokensOfItsLinks() {
        // Another admin's password reset: its link, read here, would let this admin take over that account.
        CurrentUser other = accounts.admin();
        CurrentUser admin = accounts.admin();
        assertThat(mvc.post().uri("/password-reset").with(csrf()).with(TestAccounts.fromOwnAddress())
                .param("email", other.email())).hasStatusOk();
        mailbox.deliver();
        var received = mailbox.receivedBy(other.email());
        String link = Mailbox.link(received.get(received.size() - 1), "/password-reset/new");
        String token = link.substring(link.indexOf("token=") + "token=".length());
        long id = jdbc.sql("select max(id) from mail_outbox where recipient = :to and status = 'SENT'")
                .param("to", other.email()).query(Long.class).single();

        assertThat(mvc.get().uri("/admin/outbox/" + id).with(as(admin))).hasStatusOk().bodyText()
                .contains("Links in this e-mail").contains("/password-reset/new?token=…").doesNotContain(token);
        assertThat(token).as("the mail itself keeps its link").hasSizeGreaterThan(20);
    }

    @Test
    void errorsGetFriendlyPagesInTheLayout() {
        RealBrowserlessClient journalist = new RealBrowserlessClient(port);
        assertThat(journalist.logIn(accounts.journalist().email(), TestAccounts.PASSWORD).headers()
                .firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/dashboard"));

        var notFound = journalist.get("/no/such/page");
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.body()).contains("We can&#39;t find that page").contains("Log out").doesNotContain("Exception");
        // The layout's account (me) reaches error pages too: the name and the role badge, not the e-mail fallback.
        assertThat(notFound.body()).contains("Jane Journalist").contains("role-badge");

        var forbidden = journalist.get("/admin/outbox");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("You don&#39;t have access to this page");

        var badRequest = journalist.get("/admin/outbox/not-a-number");
        assertThat(badRequest.statusCode()).isEqualTo(403);
    }

    @Test
    void aMalformedIdGetsAPageNotAStackTrace() {
        RealBrowserlessClient admin = new RealBrowserlessClient(port);
        admin.logIn(accounts.admin().email(), TestAccounts.PASSWORD);

        var response = admin.get("/admin/outbox/not-a-number");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("That request didn&#39;t work").doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void pagesCarrySecurityHeaders() {
        assertThat(mvc.get().uri("/")).hasHeader("X-Frame-Options", "DENY")
                .headers().containsHeader("Content-Security-Policy");
    }
}
