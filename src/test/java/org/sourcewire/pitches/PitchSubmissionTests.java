package org.sourcewire.pitches;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.SqlStatements;
import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.sourcewire.pitches.PitchMother.pitch;
import static org.sourcewire.pitches.PitchMother.sentPath;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

class PitchSubmissionTests extends IntegrationTest {

    @Autowired
    PitchManagement pitches;

    @Autowired
    AccountManagement accountManagement;

    @Test
    void anySourcePitchesAnOpenQueryAndSeesItInTheirList() {
        long query = queries.by(accounts.journalist()).publish();
        CurrentUser source = accounts.source();

        assertThat(mvc.get().uri("/queries/" + query + "/pitch").with(as(source))).hasStatusOk().bodyText()
                .contains("150–200 words works best").contains("Does melatonin help, and when?")
                .contains("Sent with your pitch");
        MvcTestResult sent = pitch(mvc, source, query).exchange();
        assertThat(sent).hasStatus3xxRedirection();
        String pitchPath = sent.getResponse().getRedirectedUrl();
        assertThat(pitchPath).matches("/pitches/[0-9a-f-]{36}\\?sent=true");
        // The confirmation travels in the address, not in the session: sending a pitch writes no session.
        assertThat(sent.getMvcResult().getFlashMap().isEmpty()).isTrue();

        assertThat(mvc.get().uri(pitchPath).with(as(source))).hasStatusOk().bodyText()
                .contains("Your pitch is sent.").contains("Split sleep works better").contains("Submitted")
                .contains("Edit pitch");
        assertThat(mvc.get().uri(PitchMother.withoutConfirmation(pitchPath)).with(as(source))).hasStatusOk().bodyText()
                .doesNotContain("Your pitch is sent.");
        assertThat(mvc.get().uri(PitchMother.withoutConfirmation(pitchPath) + "?sent=maybe").with(as(source)))
                .hasStatusOk().bodyText().doesNotContain("Your pitch is sent.");
        assertThat(mvc.get().uri("/pitches").with(as(source))).hasStatusOk().bodyText()
                .contains("Sleep doctors: what helps shift workers sleep?").contains("Submitted");
        assertThat(mvc.get().uri("/pitches?status=used").with(as(source))).hasStatusOk().bodyText()
                .contains("No pitches with this status.");
        assertThat(words(query)).isEqualTo(88);
    }

    @Test
    void sendingAPitchIsOneTransactionOfAFewStatements() {
        long query = queries.by(accounts.journalist()).publish();
        CurrentUser source = accounts.source();
        assertThat(mvc.get().uri("/queries/" + query + "/pitch").with(as(source))).hasStatusOk();

        // The account and the query are read without a transaction; the checks, the pitch, its answers and its
        // screening are one. (The session is not counted here: these requests are authenticated without one.)
        SqlStatements.reset();
        assertThat(pitch(mvc, source, query)).hasStatus3xxRedirection();
        assertThat(SqlStatements.transactions()).isEqualTo(1);
        assertThat(SqlStatements.count()).isLessThanOrEqualTo(14);
    }

    @Test
    void aDoubleClickedOrResentSubmitMakesOnePitch() throws Exception {
        long query = queries.by(accounts.journalist()).publish();
        CurrentUser source = accounts.source();
        String key = UUID.randomUUID().toString();

        String first = sentPath(mvc, source, query, "submissionKey", key);
        String again = sentPath(mvc, source, query, "submissionKey", key);
        assertThat(again).isEqualTo(first);
        assertThat(pitch(mvc, source, query)).hasStatusOk().bodyText().contains("You have already pitched this query.");

        CurrentUser racer = accounts.source();
        String racerKey = UUID.randomUUID().toString();
        List<Callable<String>> clicks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clicks.add(() -> sentPath(mvc, racer, query, "submissionKey", racerKey));
        }
        List<String> landed = new ArrayList<>();
        var pool = Executors.newFixedThreadPool(4);
        try {
            for (Future<String> result : pool.invokeAll(clicks)) {
                landed.add(result.get());
            }
        }
        finally {
            pool.shutdown();
        }
        assertThat(landed).hasSize(4).allMatch(url -> url.equals(landed.get(0)));
        assertThat(jdbc.sql("select count(*) from pitch where query_id = :q").param("q", query).query(Integer.class).single())
                .isEqualTo(2);
    }

    @Test
    void pitchesAfterTheDeadlineOrToAClosedQueryAreRefused() {
        CurrentUser journalist = accounts.journalist();
        long soon = queries.by(journalist).deadlineIn(Duration.ofHours(2)).publish();
        long closed = queries.by(journalist).publish();
        mvc.post().uri("/queries/" + closed + "/close").with(csrf()).with(as(journalist)).exchange();
        CurrentUser source = accounts.source();

        clock.advance(Duration.ofHours(3));
        assertThat(pitch(mvc, source, soon)).hasRedirectedUrl("/queries/" + soon);
        assertThat(mvc.get().uri("/queries/" + soon + "/pitch").with(as(source))).hasRedirectedUrl("/queries/" + soon)
                .flash().containsEntry("error", "The deadline of this query has passed.");
        assertThat(mvc.get().uri("/queries/" + closed + "/pitch").with(as(source))).hasRedirectedUrl("/queries/" + closed)
                .flash().containsEntry("error", "This query is closed and takes no more pitches.");
        assertThat(pitch(mvc, source, closed)).hasRedirectedUrl("/queries/" + closed);
        assertThat(count(soon) + count(closed)).isZero();
    }

    @Test
    void theCapClosesTheQueryTellsTheJournalistAndRefusesMore() {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).cap(2).publish();

        assertThat(pitch(mvc, accounts.source(), query)).hasStatus3xxRedirection();
        assertThat(pitch(mvc, accounts.source(), query)).hasStatus3xxRedirection();
        assertThat(pitch(mvc, accounts.source(), query)).hasRedirectedUrl("/queries/" + query);
        assertThat(count(query)).isEqualTo(2);
        assertThat(jdbc.sql("select status from journalist_query where id = :q").param("q", query).query(String.class).single())
                .isEqualTo("CLOSED");
        assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = :to and subject like 'Your query reached its pitch cap%'")
                .param("to", journalist.email()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void unverifiedAndSuspendedSourcesAndJournalistsCannotPitch() {
        long query = queries.by(accounts.journalist()).publish();
        CurrentUser unverified = accounts.unverifiedSource();
        CurrentUser suspended = accounts.source();
        accounts.suspend(suspended);

        assertThat(pitch(mvc, unverified, query)).hasRedirectedUrl("/queries/" + query).flash()
                .containsEntry("error", "Confirm your e-mail address before you pitch. We sent you a link.");
        assertThat(pitch(mvc, suspended, query)).hasRedirectedUrl("/queries/" + query).flash()
                .containsEntry("error", "Your account is suspended, so you cannot pitch.");
        assertThat(pitch(mvc, accounts.journalist(), query)).hasStatus(403);
        assertThat(pitch(mvc, accounts.admin(), query)).hasStatus(403);
        assertThat(count(query)).isZero();
    }

    @Test
    void aPitchWrittenByAnAgencySaysWhoWroteItToTheJournalistOnly() {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        CurrentUser source = accounts.source("Dr. Xena Expert", TestAccounts.uniqueEmail("xena"));

        assertThat(pitch(mvc, source, query, "writtenForMe", "true", "writtenByName", " ", "writtenByOrganisation", ""))
                .hasStatusOk().bodyText().contains("Say who wrote the pitch for you.")
                .contains("Say which organisation they work for");
        assertThat(pitch(mvc, source, query, "writtenForMe", "true", "writtenByName", "J".repeat(101),
                "writtenByOrganisation", "A".repeat(121))).hasStatusOk().bodyText()
                .contains("Keep the name under 100 characters.").contains("Keep the organisation under 120 characters.");
        assertThat(count(query)).isZero();

        MvcTestResult sent = pitch(mvc, source, query, "writtenForMe", "true", "writtenByName", " Jane  Roe ",
                "writtenByOrganisation", "Acme PR").exchange();
        assertThat(sent).hasStatus3xxRedirection();
        String pitchPath = PitchMother.withoutConfirmation(sent.getResponse().getRedirectedUrl());
        assertThat(mvc.get().uri(pitchPath + "/edit").with(as(source))).hasStatusOk().bodyText()
                .contains("value=\"Jane Roe\"").contains("value=\"Acme PR\"");

        assertThat(mvc.get().uri(pitchPath).with(as(journalist))).hasStatusOk().bodyText()
                .contains("Written by Jane Roe of Acme PR for Dr. Xena Expert");
        assertThat(mvc.get().uri("/queries/" + query + "/pitches?open=" + pitchPath.substring("/pitches/".length()))
                .with(as(journalist))).hasStatusOk().bodyText()
                .contains("Written by Jane Roe of Acme PR for Dr. Xena Expert");
        assertThat(mvc.get().uri(pitchPath).with(as(accounts.source()))).hasStatus(404);

        // Shortlisted, it says so in the comparison and in both exports.
        assertThat(mvc.post().uri(pitchPath + "/shortlist").with(csrf()).with(as(journalist)).param("back", "detail"))
                .hasStatus3xxRedirection();
        for (String export : List.of("/pitches/compare", "/shortlist.md", "/shortlist.csv")) {
            String path = "/queries/" + query + export;
            assertThat(mvc.get().uri(path).with(as(journalist))).as(export).hasStatusOk().bodyText()
                    .contains("Written by Jane Roe of Acme PR for Dr. Xena Expert");
        }
    }

    @Test
    void badPitchesGetAMessageAndSaveNothing() {
        long query = queries.by(accounts.journalist()).requiring("licensed psychologist").publish();
        CurrentUser source = accounts.source();

        assertThat(pitch(mvc, source, query, "answers[0]", " ", "answers[1]", "", "answers[2]", "", "confirmsRequirements", "true"))
                .hasStatusOk().bodyText().contains("Answer at least one question.");
        assertThat(pitch(mvc, source, query, "answers[0]", "word ".repeat(401), "confirmsRequirements", "true"))
                .hasStatusOk().bodyText().contains("the limit is 400");
        assertThat(pitch(mvc, source, query, "answers[1]", "x".repeat(4001), "confirmsRequirements", "true"))
                .hasStatusOk().bodyText().contains("Keep each answer under 4,000 characters.");
        assertThat(pitch(mvc, source, query)).hasStatusOk().bodyText()
                .contains("Confirm that you meet the journalist&#39;s requirements");
        assertThat(pitch(mvc, source, query, "whyMe", "w".repeat(201), "confirmsRequirements", "true"))
                .hasStatusOk().bodyText().contains("Keep it to one line");
        assertThat(count(query)).isZero();
        assertThat(pitch(mvc, source, query, "answers[2]", "", "confirmsRequirements", "true")).hasStatus3xxRedirection();
        assertThat(mvc.get().uri("/queries/999999/pitch").with(as(source))).hasStatus(404);
    }

    @Test
    void aPitchCanBeChangedOrWithdrawnOnlyUntilTheJournalistOpensIt() {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        CurrentUser source = accounts.source();
        String path = sentPath(mvc, source, query);

        assertThat(mvc.get().uri(path + "/edit").with(as(source))).hasStatusOk().bodyText().contains("Edit your pitch");
        assertThat(pitch(mvc, source, query).uri(path).param("answers[0]", "Changed answer about split sleep."))
                .hasRedirectedUrl(path);
        assertThat(mvc.get().uri(path).with(as(source))).bodyText().contains("Changed answer about split sleep.");

        assertThat(mvc.get().uri(path).with(as(journalist))).hasStatusOk();
        assertThat(mvc.get().uri(path + "/edit").with(as(source))).hasRedirectedUrl(path);
        assertThat(pitch(mvc, source, query).uri(path).param("answers[0]", "Too late")).hasStatusOk().bodyText()
                .contains("The journalist has opened this pitch, so it can no longer be changed.");
        assertThat(mvc.post().uri(path + "/withdraw").with(csrf()).with(as(source))).hasRedirectedUrl(path);
        assertThat(mvc.get().uri(path).with(as(source))).bodyText().contains("Changed answer about split sleep.")
                .contains("Viewed");

        assertThat(pitch(mvc, accounts.source(), query)).hasStatus3xxRedirection();
        assertThat(count(query)).isEqualTo(2);
    }

    @Test
    void aSourceWithdrawsAnUnopenedPitchAndMayPitchAgain() {
        long query = queries.by(accounts.journalist()).publish();
        CurrentUser source = accounts.source();
        String path = sentPath(mvc, source, query);
        long id = jdbc.sql("select id from pitch where public_id = cast(:id as uuid)")
                .param("id", path.substring("/pitches/".length())).query(Long.class).single();
        assertThat(bands(id)).isEqualTo(24);

        assertThat(mvc.post().uri(path + "/withdraw").with(csrf()).with(as(source))).hasRedirectedUrl("/pitches");
        assertThat(count(query)).isZero();
        // Its screening fingerprint goes with it (the band rows by a trigger, the signature by its foreign key).
        assertThat(bands(id)).isZero();
        assertThat(jdbc.sql("select count(*) from pitch_signature where pitch_id = :id").param("id", id)
                .query(Integer.class).single()).isZero();
        assertThat(mvc.get().uri(path).with(as(source))).hasStatus(404);
        assertThat(pitch(mvc, source, query)).hasStatus3xxRedirection();
    }

    private int bands(long pitchId) {
        return jdbc.sql("select count(*) from pitch_band where pitch_id = :id").param("id", pitchId).query(Integer.class)
                .single();
    }

    @Test
    void aSourceCannotTouchAnotherSourcesPitch() {
        long query = queries.by(accounts.journalist()).publish();
        String path = sentPath(mvc, accounts.source(), query);
        CurrentUser other = accounts.source();

        assertThat(mvc.get().uri(path).with(as(other))).hasStatus(404);
        assertThat(mvc.get().uri(path + "/edit").with(as(other))).hasStatus(404);
        assertThat(pitch(mvc, other, query).uri(path)).hasStatus(404);
        assertThat(mvc.post().uri(path + "/withdraw").with(csrf()).with(as(other))).hasStatus(404);
        assertThat(mvc.post().uri(path + "/messages").with(csrf()).with(as(other)).param("body", "hi")).hasStatus(404);
        assertThat(mvc.get().uri("/pitches/" + UUID.randomUUID()).with(as(other))).hasStatus(404);
        assertThat(count(query)).isEqualTo(1);
    }

    private int count(long query) {
        return jdbc.sql("select count(*) from pitch where query_id = :q").param("q", query).query(Integer.class).single();
    }

    private int words(long query) {
        return jdbc.sql("select word_count from pitch where query_id = :q").param("q", query).query(Integer.class).single();
    }
}
