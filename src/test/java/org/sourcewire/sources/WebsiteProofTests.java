package org.sourcewire.sources;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.Role;
import org.sourcewire.accounts.VerificationKind;
import org.sourcewire.accounts.Verifications;
import org.sourcewire.placements.ArticleServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * An expert proves their website with their token, in a meta tag or a /.well-known file, fetched from a local web
 * server. That the safe fetcher refuses private addresses outside tests (where loopback is not allowed either) is
 * covered by {@code SafeFetcherTests.loopbackPrivateAndMetadataAddressesAreRefusedWithoutTheTestSetting}.
 */
class WebsiteProofTests extends IntegrationTest {

    static ArticleServer server;

    @Autowired
    SourceManagement sourceManagement;

    @Autowired
    Verifications verifications;

    @Autowired
    tools.jackson.databind.json.JsonMapper json;

    @BeforeAll
    static void startServer() throws IOException {
        server = new ArticleServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void theTokenInAMetaTagOnTheHomePageProvesTheWebsite() throws Exception {
        CurrentUser expert = accounts.source();
        String site = website(expert, "/meta-" + expert.id() + "/about");
        String token = token(expert);
        server.put("/", html("<meta name=\"sourcewire-verification\" content=\"" + token + "\">"));
        assertThat(sameAs(expert)).doesNotContain(site);

        assertThat(check(expert)).hasRedirectedUrl("/profile/verification").flash().containsEntry("success",
                "Your website is proven.");

        assertThat(passed(expert)).contains(VerificationKind.WEBSITE_OWNERSHIP);
        assertThat(verifications.passed(expert.id())).first().extracting(Verifications.Check::subject)
                .isEqualTo(site.substring("http://".length()));
        ProfileView profile = sourceManagement.findByAccount(expert.id()).orElseThrow();
        assertThat(profile.level()).isEqualTo(ExpertLevel.WEBSITE);
        assertThat(profile.websiteProven()).isTrue();
        assertThat(page(expert)).contains("✓ Proven.").contains("Found your token in the meta tag");
        // The public profile's JSON-LD names the website as the expert's only once it is proven.
        assertThat(sameAs(expert)).contains(site + "/meta-" + expert.id() + "/about");
        assertThat(mvc.get().uri(profile.publicPath())).bodyText().contains("Website proven");
    }

    private String sameAs(CurrentUser expert) throws Exception {
        String handle = sourceManagement.findByAccount(expert.id()).orElseThrow().handle();
        String html = mvc.get().uri("/experts/" + handle).exchange().getResponse().getContentAsString();
        return String.valueOf(json.readTree(Jsoup.parse(html).select("script[type=application/ld+json]").first().data())
                .get("sameAs"));
    }

    @Test
    void theTokenInTheWellKnownFileProvesTheWebsite() throws Exception {
        CurrentUser expert = accounts.source();
        try (ArticleServer own = new ArticleServer()) {
            setWebsite(expert, own.article() + "/");
            own.put("/.well-known/sourcewire-verification.txt",
                    new ArticleServer.Fixture(200, "text/plain", token(expert) + "\n", 0, null));

            check(expert);

            assertThat(passed(expert)).contains(VerificationKind.WEBSITE_OWNERSHIP);
            assertThat(page(expert)).contains("Found your token in " + own.article() + "/.well-known/sourcewire-verification.txt");
        }
    }

    @Test
    void anotherTokenIsNotFoundAndTheReasonShowsBesideTheButton() throws Exception {
        CurrentUser expert = accounts.source();
        try (ArticleServer own = new ArticleServer()) {
            setWebsite(expert, own.article());
            own.put("/", html("<meta name=\"sourcewire-verification\" content=\"sw-someone-elses\">"));

            assertThat(check(expert)).flash().containsKey("error");

            assertThat(passed(expert)).isEmpty();
            assertThat(verifications.history(expert.id())).first().satisfies(recorded -> {
                assertThat(recorded.check().kind()).isEqualTo(VerificationKind.WEBSITE_OWNERSHIP);
                assertThat(recorded.check().passed()).isFalse();
            });
            assertThat(Jsoup.parse(page(expert)).select("#check-result").text()).contains("✗ Not proven.")
                    .contains("holds a different token (\"sw-someone-elses\")");
        }
    }

    @Test
    void anotherExpertCannotProveASiteWithSomeoneElsesToken() throws Exception {
        CurrentUser owner = accounts.source();
        CurrentUser other = accounts.source();
        try (ArticleServer own = new ArticleServer()) {
            setWebsite(owner, own.article());
            setWebsite(other, own.article());
            own.put("/", html("<meta name=\"sourcewire-verification\" content=\"" + token(owner) + "\">"));

            check(other);
            check(owner);

            assertThat(passed(other)).isEmpty();
            assertThat(passed(owner)).containsExactly(VerificationKind.WEBSITE_OWNERSHIP);
            assertThat(token(owner)).isNotEqualTo(token(other));
        }
    }

    @Test
    void anUnreachableSiteFailsWithTheReason() throws Exception {
        CurrentUser expert = accounts.source();
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        setWebsite(expert, "http://127.0.0.1:" + closed + "/");

        check(expert);

        assertThat(passed(expert)).isEmpty();
        assertThat(page(expert)).contains("Your website could not be checked. The site could not be reached");
    }

    @Test
    void aPrivateAddressIsRefusedWithTheReason() throws Exception {
        CurrentUser expert = accounts.source();
        setWebsite(expert, "http://10.1.2.3/");

        check(expert);

        assertThat(passed(expert)).isEmpty();
        assertThat(page(expert)).contains("points inside a private network, which Sourcewire does not fetch");
    }

    @Test
    void aHomePageThatIsNotHtmlAndNoFileFailsWithBothReasons() throws Exception {
        CurrentUser expert = accounts.source();
        try (ArticleServer own = new ArticleServer()) {
            setWebsite(expert, own.article());
            own.put("/", new ArticleServer.Fixture(200, "application/pdf", "%PDF-1.7 " + token(expert), 0, null));
            own.put("/.well-known/sourcewire-verification.txt", new ArticleServer.Fixture(404, "text/plain", "nope", 0, null));

            check(expert);

            assertThat(passed(expert)).isEmpty();
            assertThat(page(expert)).contains("Token not found").contains("not a web page (application/pdf)")
                    .contains("no file at " + own.article() + "/.well-known/sourcewire-verification.txt (status 404)");
        }
    }

    @Test
    void aSecondCheckWithinTheIntervalIsRefusedBesideTheButton() throws Exception {
        CurrentUser expert = accounts.source();
        try (ArticleServer own = new ArticleServer()) {
            setWebsite(expert, own.article());
            check(expert);

            MvcTestResult again = check(expert);

            assertThat(again).hasStatusOk();
            assertThat(Jsoup.parse(again.getResponse().getContentAsString()).select("#check-result").text())
                    .contains("You checked a moment ago");
            assertThat(verifications.history(expert.id())).hasSize(1);
        }
    }

    @Test
    void aChangedWebsiteSupersedesTheProofAndItsEmailMatch() throws Exception {
        CurrentUser expert = accounts.source();
        website(expert, "/changed-" + expert.id());
        server.put("/", html("<meta name=\"sourcewire-verification\" content=\"" + token(expert) + "\">"));
        check(expert);
        assertThat(passed(expert)).contains(VerificationKind.WEBSITE_OWNERSHIP);

        assertThat(mvc.post().uri("/profile").with(csrf()).with(as(expert)).param("name", "Sam Source")
                .param("website", "https://elsewhere.example").param("timeZone", "UTC")).hasRedirectedUrl("/profile");

        assertThat(passed(expert)).isEmpty();
        assertThat(verifications.history(expert.id())).first().extracting(recorded -> recorded.check().detail())
                .isEqualTo("Superseded: the profile's website changed");
        assertThat(page(expert)).contains("Your website changed: place your token on the new site and check again.");
    }

    @Test
    void theEmailMatchesTheWebsiteOnlyWhenConfirmedAndAtItsRegistrableDomain() {
        Instant now = Instant.now();
        AccountView confirmed = new AccountView(1, "ann@acme.example", "Ann", Role.SOURCE, null, null, true, false, now, false);
        AccountView unconfirmed = new AccountView(1, "ann@acme.example", "Ann", Role.SOURCE, null, null, false, false, now, false);
        AccountView elsewhere = new AccountView(1, "ann@mail.example", "Ann", Role.SOURCE, null, null, true, false, now, false);

        assertThat(WebsiteProof.emailMatches(confirmed, "https://www.acme.example/about")).isTrue();
        assertThat(WebsiteProof.emailMatches(unconfirmed, "https://www.acme.example/about")).isFalse();
        assertThat(WebsiteProof.emailMatches(elsewhere, "https://www.acme.example/about")).isFalse();
    }

    @Test
    void onlyTheSignedInSourceUsesTheirOwnVerificationPageAndPostsNeedTheCsrfToken() {
        CurrentUser journalist = accounts.journalist();
        CurrentUser expert = accounts.source();

        assertThat(mvc.get().uri("/profile/verification").with(as(journalist))).hasStatus(403);
        assertThat(mvc.post().uri("/profile/verification/check").with(csrf()).with(as(journalist))).hasStatus(403);
        assertThat(mvc.get().uri("/profile/verification")).hasStatus3xxRedirection();
        assertThat(mvc.post().uri("/profile/verification/check").with(as(expert))).hasStatus(403);
        assertThat(verifications.history(expert.id())).isEmpty();
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private String website(CurrentUser expert, String path) {
        setWebsite(expert, server.article() + path);
        return server.article();
    }

    private void setWebsite(CurrentUser expert, String website) {
        mvc.get().uri("/profile").with(as(expert)).exchange();
        jdbc.sql("update source_profile set website = :site where account_id = :id").param("site", website)
                .param("id", expert.id()).update();
    }

    private String token(CurrentUser expert) throws Exception {
        return Jsoup.parse(page(expert)).select("#token").val();
    }

    private String page(CurrentUser expert) throws Exception {
        MvcTestResult result = mvc.get().uri("/profile/verification").with(as(expert)).exchange();
        assertThat(result).hasStatusOk();
        return result.getResponse().getContentAsString();
    }

    private MvcTestResult check(CurrentUser expert) {
        return mvc.post().uri("/profile/verification/check").with(csrf()).with(as(expert)).exchange();
    }

    private List<VerificationKind> passed(CurrentUser expert) {
        return verifications.passed(expert.id()).stream().map(Verifications.Check::kind).toList();
    }

    private static ArticleServer.Fixture html(String head) {
        return new ArticleServer.Fixture(200, "text/html; charset=utf-8",
                "<html><head><title>Home</title>" + head + "</head><body>Welcome</body></html>", 0, null);
    }
}
