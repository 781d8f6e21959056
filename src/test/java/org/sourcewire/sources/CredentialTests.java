package org.sourcewire.sources;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.VerificationKind;
import org.sourcewire.accounts.Verifications;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** Credentials an expert states, confirmed (or not) by an admin with a note, shown and marked up once confirmed. */
class CredentialTests extends IntegrationTest {

    @Autowired
    SourceManagement sourceManagement;

    @Autowired
    Verifications verifications;

    @Autowired
    JsonMapper json;

    @Test
    void anAdminConfirmsAStatedCredentialWithANoteAndItShowsOnThePublicProfileAndInItsJsonLd() throws Exception {
        CurrentUser expert = accounts.source();
        CurrentUser admin = accounts.admin();
        String licence = "GMC " + expert.id();
        assertThat(state(expert, licence, "https://www.gmc-uk.example/register/" + expert.id()))
                .hasRedirectedUrl("/profile/verification");
        long profile = sourceManagement.findByAccount(expert.id()).orElseThrow().id();
        assertThat(publicJsonLd(expert).has("hasCredential")).isFalse();

        assertThat(waitingPages(admin)).contains(licence);
        MvcTestResult noNote = decide(admin, profile, "confirm", " ");
        assertThat(noNote).hasStatusOk();
        assertThat(Jsoup.parse(noNote.getResponse().getContentAsString()).select("#note-" + profile + "-error").text())
                .isEqualTo("Write a note: what you checked, and where.");
        assertThat(verifications.passed(expert.id())).isEmpty();

        assertThat(decide(admin, profile, "confirm", "Found in the GMC register, licence active"))
                .hasRedirectedUrl("/admin/credentials");

        assertThat(verifications.passed(expert.id())).singleElement().satisfies(check -> {
            assertThat(check.kind()).isEqualTo(VerificationKind.CREDENTIAL_CONFIRMED);
            assertThat(check.subject()).isEqualTo(licence);
            assertThat(check.by()).isEqualTo("Ada Admin");
        });
        assertThat(verifications.history(expert.id())).first().extracting(Verifications.Recorded::note)
                .isEqualTo("Found in the GMC register, licence active");
        assertThat(jdbc.sql("select action from audit_entry where subject = :s").param("s", "expert " + handle(expert))
                .query(String.class).list()).containsExactly("credential.confirm");
        assertThat(sourceManagement.findByAccount(expert.id()).orElseThrow().level()).isEqualTo(ExpertLevel.CREDENTIAL);
        assertThat(waitingPages(admin)).doesNotContain(licence);

        JsonNode credential = publicJsonLd(expert).get("hasCredential").get(0);
        assertThat(credential.get("@type").asString()).isEqualTo("EducationalOccupationalCredential");
        assertThat(credential.get("name").asString()).isEqualTo(licence);
        assertThat(credential.get("url").asString()).isEqualTo("https://www.gmc-uk.example/register/" + expert.id());
        assertThat(mvc.get().uri("/experts/" + handle(expert))).bodyText().contains("Credential confirmed")
                .doesNotContain("Found in the GMC register");

        // A changed credential is no longer the one confirmed: back to the admins.
        state(expert, licence + "0", null);
        assertThat(verifications.passed(expert.id())).isEmpty();
        assertThat(publicJsonLd(expert).has("hasCredential")).isFalse();
        assertThat(waitingPages(admin)).contains(licence + "0");
    }

    @Test
    void aCredentialNotConfirmedGivesNoCheckAndTheExpertIsToldSo() throws Exception {
        CurrentUser expert = accounts.source();
        CurrentUser admin = accounts.admin();
        state(expert, "Bar " + expert.id(), null);
        long profile = sourceManagement.findByAccount(expert.id()).orElseThrow().id();

        assertThat(decide(admin, profile, "reject", "No such number in the state bar's register"))
                .hasRedirectedUrl("/admin/credentials");

        assertThat(verifications.passed(expert.id())).isEmpty();
        assertThat(verifications.history(expert.id())).singleElement()
                .satisfies(recorded -> assertThat(recorded.check().passed()).isFalse());
        assertThat(mvc.get().uri("/profile/verification").with(as(expert))).bodyText()
                .contains("could not confirm it");
        assertThat(decide(admin, profile, "confirm", "Second thoughts")).hasStatusOk().bodyText()
                .contains("That credential is no longer waiting");
    }

    @Test
    void aRegistryLinkThatIsNotAWebAddressIsRefusedBesideTheField() throws Exception {
        CurrentUser expert = accounts.source();

        MvcTestResult result = state(expert, "GMC 1", "gmc register");

        assertThat(result).hasStatusOk();
        Document page = Jsoup.parse(result.getResponse().getContentAsString());
        assertThat(page.select("#registryUrl-help .invalid-feedback").text())
                .isEqualTo("Enter the registry entry's full address, starting with https://.");
        assertThat(jdbc.sql("select count(*) from expert_credential c join source_profile p on p.id = c.profile_id "
                + "where p.account_id = :id").param("id", expert.id()).query(Integer.class).single()).isZero();
    }

    @Test
    void onlyAdminsSeeTheQueueAndDecideAndOnlyWithTheCsrfToken() throws Exception {
        CurrentUser expert = accounts.source();
        CurrentUser journalist = accounts.journalist();
        CurrentUser admin = accounts.admin();
        state(expert, "GMC " + expert.id(), null);
        long profile = sourceManagement.findByAccount(expert.id()).orElseThrow().id();

        for (CurrentUser someone : List.of(expert, journalist)) {
            assertThat(mvc.get().uri("/admin/credentials").with(as(someone))).hasStatus(403);
            assertThat(decide(someone, profile, "confirm", "I am sure")).hasStatus(403);
        }
        assertThat(mvc.post().uri("/admin/credentials/" + profile).with(as(admin)).param("decision", "confirm")
                .param("note", "no token")).hasStatus(403);
        assertThat(verifications.history(expert.id())).isEmpty();
    }

    private MvcTestResult state(CurrentUser expert, String licence, String registryUrl) {
        mvc.get().uri("/profile/verification").with(as(expert)).exchange();
        var request = mvc.post().uri("/profile/verification/credentials").with(csrf()).with(as(expert))
                .param("licence", licence);
        if (registryUrl != null) {
            request = request.param("registryUrl", registryUrl);
        }
        return request.exchange();
    }

    private MvcTestResult decide(CurrentUser admin, long profile, String decision, String note) {
        return mvc.post().uri("/admin/credentials/" + profile).with(csrf()).with(as(admin))
                .param("decision", decision).param("note", note).exchange();
    }

    /** Every page of the queue (other tests' credentials wait there too). */
    private String waitingPages(CurrentUser admin) throws Exception {
        StringBuilder all = new StringBuilder();
        for (int page = 0; page < 50; page++) {
            String body = mvc.get().uri("/admin/credentials?page=" + page).with(as(admin)).exchange().getResponse()
                    .getContentAsString();
            all.append(body);
            if (!body.contains("rel=\"next\"")) {
                break;
            }
        }
        return all.toString();
    }

    private String handle(CurrentUser expert) {
        return sourceManagement.findByAccount(expert.id()).orElseThrow().handle();
    }

    private JsonNode publicJsonLd(CurrentUser expert) throws Exception {
        Document page = Jsoup.parse(mvc.get().uri("/experts/" + handle(expert)).exchange().getResponse().getContentAsString());
        return json.readTree(page.select("script[type=application/ld+json]").first().data());
    }
}
