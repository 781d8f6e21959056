package org.sourcewire.pitches;

import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.CurrentUser;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** Pitch templates: a source's saved snippets, kept on a page of their own and inserted on the pitch form. */
class PitchSnippetTests extends IntegrationTest {

    static final String BIO = "Dr. Ana Ruiz runs the sleep clinic at Mercy Hospital and has treated night-shift nurses for 12 years.";

    @Test
    void sourceSavesSnippetsAndInsertsThemFromThePitchForm() {
        CurrentUser source = accounts.source();
        assertThat(mvc.get().uri("/pitches/snippets").with(as(source))).hasStatusOk().bodyText()
                .contains("Screening still treats text sent again and again as a template");
        assertThat(save(source, "Bio", BIO)).hasStatus3xxRedirection().hasRedirectedUrl("/pitches/snippets");
        assertThat(save(source, "Disclosure", "I consult for a maker of blackout blinds.")).hasStatus3xxRedirection();

        assertThat(mvc.get().uri("/pitches/snippets").with(as(source))).hasStatusOk().bodyText().contains(BIO)
                .contains("I consult for a maker of blackout blinds.");
        long query = queries.by(accounts.journalist()).publish();
        assertThat(mvc.get().uri("/queries/" + query + "/pitch").with(as(source))).hasStatusOk().bodyText()
                .contains("data-snippet-text=\"" + BIO + "\"").contains("Insert: Bio").contains("Insert: Disclosure")
                .contains("Screening still treats text sent again and again as a template")
                .contains("/assets/js/snippets-");
    }

    @Test
    void aSourceWithoutSnippetsIsToldWhereToSaveThem() {
        long query = queries.by(accounts.journalist()).publish();
        assertThat(mvc.get().uri("/queries/" + query + "/pitch").with(as(accounts.source()))).hasStatusOk().bodyText()
                .contains("href=\"/pitches/snippets\"").doesNotContain("data-snippet-text");
    }

    @Test
    void sourceChangesAndDeletesASnippet() {
        CurrentUser source = accounts.source();
        save(source, "Bio", BIO);
        long id = only(source);
        assertThat(mvc.post().uri("/pitches/snippets/" + id).with(csrf()).with(as(source)).param("label", "Short bio")
                .param("body", "Sleep physician, Mercy Hospital.")).hasStatus3xxRedirection();
        assertThat(mvc.get().uri("/pitches/snippets").with(as(source))).hasStatusOk().bodyText()
                .contains("Short bio").contains("Sleep physician, Mercy Hospital.").doesNotContain(BIO);
        assertThat(mvc.post().uri("/pitches/snippets/" + id + "/delete").with(csrf()).with(as(source)))
                .hasStatus3xxRedirection();
        assertThat(count(source)).isZero();
    }

    @Test
    void badSnippetInputIsAMessageBesideTheFieldAndNothingIsSaved() {
        CurrentUser source = accounts.source();
        assertThat(save(source, "", BIO)).hasStatusOk().bodyText().contains("Name the snippet, e.g. Bio.");
        assertThat(save(source, "Bio", "  ")).hasStatusOk().bodyText().contains("Write the text of the snippet.");
        assertThat(save(source, "x".repeat(61), BIO)).hasStatusOk().bodyText().contains("Keep the name under 60 characters.");
        assertThat(save(source, "Bio", "x".repeat(1501))).hasStatusOk().bodyText()
                .contains("Keep a snippet under 1,500 characters.");
        assertThat(count(source)).isZero();

        save(source, "Bio", BIO);
        long id = only(source);
        assertThat(mvc.post().uri("/pitches/snippets/" + id).with(csrf()).with(as(source)).param("label", "")
                .param("body", BIO)).hasStatusOk().bodyText().contains("Name the snippet, e.g. Bio.");
    }

    @Test
    void aSourceKeepsAtMostTheConfiguredNumberOfSnippets() {
        CurrentUser source = accounts.source();
        for (int i = 0; i < 3; i++) {
            assertThat(save(source, "Snippet " + i, BIO)).hasStatus3xxRedirection();
        }
        assertThat(save(source, "One more", BIO)).hasStatusOk().bodyText()
                .contains("You have 3 snippets, the most one source may keep.");
        assertThat(count(source)).isEqualTo(3);
    }

    @Test
    void otherSourceGets404ForMySnippetAndJournalistsHaveNone() {
        CurrentUser source = accounts.source();
        save(source, "Bio", BIO);
        long id = only(source);
        CurrentUser other = accounts.source();
        assertThat(mvc.post().uri("/pitches/snippets/" + id).with(csrf()).with(as(other)).param("label", "Mine")
                .param("body", "Mine now")).hasStatus(404);
        assertThat(mvc.post().uri("/pitches/snippets/" + id + "/delete").with(csrf()).with(as(other))).hasStatus(404);
        assertThat(mvc.get().uri("/pitches/snippets").with(as(accounts.journalist()))).hasStatus(403);
        assertThat(count(source)).isEqualTo(1);
        assertThat(mvc.get().uri("/pitches/snippets").with(as(source))).hasStatusOk().bodyText().contains(BIO);
    }

    private MvcTestResult save(CurrentUser source, String label, String body) {
        return mvc.post().uri("/pitches/snippets").with(csrf()).with(as(source)).param("label", label)
                .param("body", body).exchange();
    }

    private long count(CurrentUser source) {
        return jdbc.sql("""
                select count(*) from pitch_snippet s join source_profile p on p.id = s.source_id
                where p.account_id = :account""").param("account", source.id()).query(Long.class).single();
    }

    private long only(CurrentUser source) {
        return jdbc.sql("""
                select s.id from pitch_snippet s join source_profile p on p.id = s.source_id
                where p.account_id = :account""").param("account", source.id()).query(Long.class).single();
    }
}
