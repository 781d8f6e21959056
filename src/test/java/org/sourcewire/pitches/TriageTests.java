package org.sourcewire.pitches;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.queries.TestQueries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.sourcewire.pitches.PitchMother.sentPath;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The triage inbox: the reading pane, undo, bulk and cluster decisions, compare and export, and who may do them. */
class TriageTests extends IntegrationTest {

    @Test
    void theReadingPaneShowsTheWholePitchMarksItViewedAndRedrawsItsRow() {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        String path = distinct(accounts.source(), query, "pane");

        assertThat(mvc.get().uri("/queries/" + query + "/pitches").with(as(journalist))).hasStatusOk().bodyText()
                .contains("answered 3 of 3").contains("Unread: pitch from").contains("Choose a pitch to read it here.");
        assertThat(mvc.get().uri(path + "/pane").with(as(journalist)).header("HX-Request", "true")).hasStatusOk()
                .bodyText().contains("Why this score").contains("now rotate forward").contains("pane")
                .contains("hx-swap-oob").contains("Mark as used").doesNotContain("<html").doesNotContain("id=\"toast\"");
        assertThat(status(path)).isEqualTo("VIEWED");
        // Without htmx, the pane's address is the inbox with the pitch open in it.
        assertThat(mvc.get().uri(path + "/pane").with(as(journalist))).hasRedirectedUrl("/queries/" + query + "/pitches?open=" + id(path));
        assertThat(mvc.get().uri("/queries/" + query + "/pitches?open=" + id(path)).with(as(journalist))).hasStatusOk()
                .bodyText().contains("now rotate forward").contains("Why this score");
    }

    @Test
    void manyPitchesOpenedInThePaneAtOnceAllAnswerQuickly() throws Exception {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        List<String> paths = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            paths.add(distinct(accounts.source(), query, "crowd-" + i));
        }
        long started = System.nanoTime();
        // Each pitch opened twice at the same moment (two tabs, a double click): 24 requests, more than the pool holds.
        List<org.springframework.test.web.servlet.assertj.MvcTestResult> opened = org.sourcewire.Concurrently.run(24,
                n -> mvc.get().uri(paths.get(n / 2) + "/pane").with(as(journalist)).header("HX-Request", "true").exchange());
        assertThat(opened.stream().map(org.sourcewire.Concurrently::outcome)).containsOnly("200");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(paths).allSatisfy(path -> assertThat(status(path)).isEqualTo("VIEWED"));
    }

    @Test
    void nobodyButTheJournalistReadsThePaneAndAdminsOnlyRead() {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        CurrentUser source = accounts.source();
        String path = distinct(source, query, "access");
        long otherQuery = queries.by(accounts.journalist()).publish();

        for (CurrentUser stranger : List.of(accounts.journalist(), source, accounts.source())) {
            assertThat(mvc.get().uri(path + "/pane").with(as(stranger)).header("HX-Request", "true")).hasStatus(404);
            assertThat(mvc.get().uri(path + "/pane").with(as(stranger))).hasStatus(404);
        }
        // A pitch of another query is not opened in this query's inbox.
        assertThat(mvc.get().uri("/queries/" + otherQuery + "/pitches?open=" + id(path)).with(as(journalist))).hasStatus(404);
        assertThat(mvc.get().uri(path + "/pane").with(as(accounts.admin())).header("HX-Request", "true")).hasStatusOk()
                .bodyText().contains("Why this score").doesNotContain("Mark as used");
        assertThat(status(path)).isEqualTo("SUBMITTED");
    }

    @Test
    void aDeclineCanBeUndoneWithinTheWindowAndTheSourceIsNeverTold() {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        CurrentUser source = accounts.source();
        String path = distinct(source, query, "undo");
        mvc.get().uri(path).with(as(journalist)).exchange();

        assertThat(mvc.post().uri(path + "/decline").with(csrf()).with(as(journalist)).header("HX-Request", "true")
                .param("reason", "NOT_A_FIT")).hasStatusOk().bodyText().contains("Declined.").contains("Undo")
                .contains(">Declined (1)<").contains(">Viewed (0)<").contains("Compare the shortlist (0)");
        assertThat(status(path)).isEqualTo("DECLINED");
        assertThat(held(source.email())).isEqualTo(1);

        assertThat(mvc.post().uri("/queries/" + query + "/pitches/undo").with(csrf()).with(as(journalist))
                .header("HX-Request", "true").param("pitch", id(path))).hasStatusOk().bodyText()
                .contains("Undone: 1 pitch is as they were.").contains("row-" + id(path));
        assertThat(status(path)).isEqualTo("VIEWED");
        assertThat(reason(path)).isNull();
        assertThat(held(source.email())).isZero();
        // Undoing twice changes nothing more.
        assertThat(mvc.post().uri("/queries/" + query + "/pitches/undo").with(csrf()).with(as(journalist))
                .param("pitch", id(path))).flash().containsEntry("toast", "Too late to undo: the source may have been told. Change the decision instead.");
        assertThat(status(path)).isEqualTo("VIEWED");
    }

    @Test
    void whileADeclineCanStillBeUndoneItsSourceSeesThePitchAsItWas() {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        CurrentUser source = accounts.source();
        String path = distinct(source, query, "window");
        mvc.get().uri(path).with(as(journalist)).exchange();
        mvc.post().uri(path + "/decline").with(csrf()).with(as(journalist)).param("reason", "NOT_A_FIT")
                .exchange();
        assertThat(status(path)).isEqualTo("DECLINED");

        assertThat(mvc.get().uri(path).with(as(source))).hasStatusOk().bodyText()
                .contains("The journalist has read your pitch").doesNotContain("Not a fit for this story");
        assertThat(mvc.get().uri("/pitches").with(as(source))).bodyText().contains(id(path)).doesNotContain("pitch-declined");
        assertThat(mvc.get().uri("/pitches?status=declined").with(as(source))).bodyText().doesNotContain(id(path));

        clock.advance(Duration.ofSeconds(11));
        assertThat(mvc.get().uri(path).with(as(source))).bodyText().contains("Not a fit for this story");
        assertThat(mvc.get().uri("/pitches?status=declined").with(as(source))).bodyText().contains(id(path));
    }

    @Test
    void aDecisionCannotBeUndoneOnceTheWindowHasPassedOrByAnyoneElse() {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        CurrentUser source = accounts.source();
        String path = distinct(source, query, "late");
        mvc.post().uri(path + "/shortlist").with(csrf()).with(as(journalist)).exchange();

        CurrentUser other = accounts.journalist();
        assertThat(mvc.post().uri("/queries/" + query + "/pitches/undo").with(csrf()).with(as(other))
                .param("pitch", id(path))).hasStatus(404);
        assertThat(mvc.post().uri("/queries/" + query + "/pitches/undo").with(csrf()).with(as(accounts.admin()))
                .param("pitch", id(path))).hasStatus(404);
        assertThat(mvc.post().uri("/queries/" + query + "/pitches/undo").with(as(journalist))
                .param("pitch", id(path))).hasStatus(403);
        assertThat(status(path)).isEqualTo("SHORTLISTED");

        clock.advance(Duration.ofSeconds(11));
        assertThat(mvc.post().uri("/queries/" + query + "/pitches/undo").with(csrf()).with(as(journalist))
                .param("pitch", id(path), "not-a-uuid")).flash().containsEntry("toast",
                        "Too late to undo: the source may have been told. Change the decision instead.");
        assertThat(status(path)).isEqualTo("SHORTLISTED");
        assertThat(held(source.email())).isEqualTo(1);
    }

    @Test
    void undoAfterMarkingUsedLeavesTheUsedPitchAlone() {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        String path = distinct(accounts.source(), query, "used");
        mvc.post().uri(path + "/shortlist").with(csrf()).with(as(journalist)).exchange();
        mvc.post().uri(path + "/use").with(csrf()).with(as(journalist)).exchange();

        mvc.post().uri("/queries/" + query + "/pitches/undo").with(csrf()).with(as(journalist)).param("pitch", id(path))
                .exchange();
        assertThat(status(path)).isEqualTo("USED");
    }

    @Test
    void bulkShortlistAndItsUndoTouchOnlyTheTickedPitches() {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        String a = distinct(accounts.source(), query, "bulk-a");
        String b = distinct(accounts.source(), query, "bulk-b");
        String keep = distinct(accounts.source(), query, "bulk-keep");

        assertThat(mvc.post().uri("/queries/" + query + "/pitches/shortlist").with(csrf()).with(as(journalist))
                .param("selected", id(a), id(b), "garbage")).hasRedirectedUrl("/queries/" + query + "/pitches").flash()
                .containsEntry("toast", "Shortlisted 2 pitches.").containsKey("undo");
        assertThat(List.of(status(a), status(b), status(keep))).containsExactly("SHORTLISTED", "SHORTLISTED", "SUBMITTED");
        assertThat(mvc.get().uri("/queries/" + query + "/pitches").with(as(journalist))).bodyText()
                .contains("Compare the shortlist (2)");

        mvc.post().uri("/queries/" + query + "/pitches/undo").with(csrf()).with(as(journalist)).param("pitch", id(a), id(b))
                .exchange();
        assertThat(List.of(status(a), status(b))).containsExactly("SUBMITTED", "SUBMITTED");
        assertThat(mvc.post().uri("/queries/" + query + "/pitches/shortlist").with(csrf()).with(as(accounts.journalist()))
                .param("selected", id(a))).hasStatus(404);
    }

    @Test
    void aClusterOfCopiesIsOneRowAndIsDeclinedAtOnce() {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        // The same pitch from three sources: screening puts the copies in one cluster.
        List<String> copies = List.of(sentPath(mvc, accounts.source(), query), sentPath(mvc, accounts.source(), query),
                sentPath(mvc, accounts.source(), query));
        String own = sentPath(mvc, accounts.source(), query,
                "answers[0]", "Bus drivers on our depot's night routes told us the hard part is the drive home at 6am: "
                        + "they nap in the canteen first, 40 minutes, then sleep at home till noon.",
                "answers[1]", "Our occupational doctor, Dr. Hale, has drivers skip it; they use blackout blinds instead.",
                "answers[2]", "Since 2022 the Leeds depot runs early, late, night, never backwards.");

        assertThat(mvc.get().uri("/queries/" + query + "/pitches").with(as(journalist))).bodyText()
                .contains("+2 similar").contains("Decline all 3");
        assertThat(mvc.post().uri("/queries/" + query + "/pitches/clusters/" + id(copies.get(2)) + "/decline")
                .with(csrf()).with(as(accounts.journalist())).param("reason", "NOT_A_FIT")).hasStatus(404);
        assertThat(mvc.post().uri("/queries/" + query + "/pitches/clusters/" + id(copies.get(2)) + "/decline")
                .with(csrf()).with(as(journalist)).param("reason", "NOT_A_FIT"))
                .hasRedirectedUrl("/queries/" + query + "/pitches").flash().containsEntry("toast", "Declined 3 similar pitches.");
        assertThat(copies.stream().map(this::status)).containsOnly("DECLINED");
        assertThat(status(own)).isEqualTo("SUBMITTED");
        // A pitch outside any cluster declines only itself.
        assertThat(mvc.post().uri("/queries/" + query + "/pitches/clusters/" + id(own) + "/decline").with(csrf())
                .with(as(journalist))).flash().containsEntry("toast", "Declined 0 similar pitches.");
        assertThat(status(own)).isEqualTo("SUBMITTED");
    }

    @Test
    void theShortlistIsComparedSideBySideAndExportedAsQuotesThatCannotRunAsFormulasOrMarkup() {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        String a = distinct(accounts.source(), query, "compare-a");
        String b = sentPath(mvc, accounts.source(), query, "answers[0]",
                "=HYPERLINK(\"https://evil.example\") <script>alert(1)</script> and [a link](https://evil.example) "
                        + "about night shifts, split sleep and rosters.",
                "answers[1]", "", "answers[2]", "Forward rotation, compare-b.");
        String notShortlisted = distinct(accounts.source(), query, "compare-c");
        mvc.post().uri("/queries/" + query + "/pitches/shortlist").with(csrf()).with(as(journalist))
                .param("selected", id(a), id(b)).exchange();

        assertThat(mvc.get().uri("/queries/" + query + "/pitches/compare").with(as(journalist))).hasStatusOk().bodyText()
                .contains(TestQueries.QUESTIONS.get(0)).contains("compare-a").contains("Not answered.")
                .contains("&lt;script&gt;").doesNotContain("<script>alert");
        assertThat(mvc.get().uri("/queries/" + query + "/pitches/compare?pitch=" + id(a)).with(as(journalist))).bodyText()
                .contains("compare-a").doesNotContain("evil.example");

        var markdown = mvc.get().uri("/queries/" + query + "/shortlist.md").with(as(journalist)).exchange();
        assertThat(markdown).hasStatusOk().headers().hasValue("Content-Disposition", "attachment; filename=\"shortlist-" + query + ".md\"");
        assertThat(markdown).bodyText().contains("# Shortlist: ").contains("> ").contains("\\<script\\>")
                .contains("\\[a link\\](https://evil.example)").contains("*Not answered.*").doesNotContain("compare-c");

        var csv = mvc.get().uri("/queries/" + query + "/shortlist.csv").with(as(journalist)).exchange();
        assertThat(csv).hasStatusOk().bodyText().startsWith("Name,Title,Company,Website,Profile,Status,Score,")
                .contains("\"'=HYPERLINK(\"\"https://evil.example\"\")").doesNotContain(",=HYPERLINK").doesNotContain("compare-c");
        assertThat(status(notShortlisted)).isEqualTo("SUBMITTED");

        for (CurrentUser stranger : List.of(accounts.journalist(), accounts.source())) {
            assertThat(mvc.get().uri("/queries/" + query + "/pitches/compare").with(as(stranger))).hasStatus(404);
            assertThat(mvc.get().uri("/queries/" + query + "/shortlist.md").with(as(stranger))).hasStatus(404);
            assertThat(mvc.get().uri("/queries/" + query + "/shortlist.csv").with(as(stranger))).hasStatus(404);
        }
        assertThat(mvc.get().uri("/queries/" + query + "/shortlist.csv")).hasStatus3xxRedirection();
    }

    @Test
    void anEmptyShortlistSaysWhatToDo() {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        assertThat(mvc.get().uri("/queries/" + query + "/pitches/compare?pitch=nonsense").with(as(journalist)))
                .hasStatusOk().bodyText().contains("Nothing is shortlisted yet.");
        assertThat(mvc.get().uri("/queries/" + query + "/shortlist.md").with(as(journalist))).bodyText()
                .contains("No pitches are shortlisted yet.");
    }

    /** A pitch of its own words, so screening does not group it with other tests' pitches. */
    private String distinct(CurrentUser source, long query, String marker) {
        String[] topics = { "cardiology", "nursing", "aviation", "trucking", "policing", "bakeries", "ports", "mining" };
        String topic = topics[Math.floorMod(UUID.randomUUID().hashCode(), topics.length)];
        return sentPath(mvc, source, query,
                "answers[0]", "In " + topic + " at our " + marker + " site, " + UUID.randomUUID() + ", we found that "
                        + "people on rotating nights slept 5.1 hours on average until we moved shift changes to 7am.",
                "answers[1]", "We tried " + marker + " timing for melatonin: 0.5 mg four hours before the sleep window, "
                        + "in a 2024 pilot with 38 staff.",
                "answers[2]", "Rosters at " + marker + " now rotate forward and keep 11 hours between shifts.");
    }

    private String status(String path) {
        return jdbc.sql("select status from pitch where public_id = cast(:id as uuid)").param("id", id(path))
                .query(String.class).single();
    }

    private String reason(String path) {
        return jdbc.sql("select decline_reason from pitch where public_id = cast(:id as uuid)").param("id", id(path))
                .query(String.class).list().get(0);
    }

    /** Status mails to this address the outbox still holds back. */
    private int held(String recipient) {
        return jdbc.sql("select count(*) from mail_outbox where recipient = :to and subject like 'Your pitch was%' "
                + "and status = 'PENDING'").param("to", recipient).query(Integer.class).single();
    }

    private static String id(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
