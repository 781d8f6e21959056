package org.sourcewire.pitches;

import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.sourcewire.Concurrently;
import org.sourcewire.IntegrationTest;
import org.sourcewire.SqlStatements;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.TestJournalists;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.sourcewire.pitches.PitchMother.pitch;
import static org.sourcewire.pitches.PitchMother.sentPath;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

class InboxTests extends IntegrationTest {

    @Autowired
    TestJournalists journalists;

    @Autowired
    StatusChanges statusChanges;

    @Autowired
    EventSerializer events;

    @Test
    void anUnknownPitchStatusIsABadRequestAndAKnownOneIsReadInAnyCase() {
        CurrentUser source = accounts.source();

        assertThat(mvc.get().uri("/pitches?status=bogus").with(as(source))).hasStatus(400).bodyText()
                .doesNotContain("Exception");
        assertThat(mvc.get().uri("/pitches?status=used").with(as(source))).hasStatusOk();
        assertThat(mvc.get().uri("/pitches?status=USED").with(as(source))).hasStatusOk();
        assertThat(mvc.get().uri("/pitches?status=").with(as(source))).hasStatusOk();
    }

    @Test
    void theJournalistTriagesPitchesAndTheSourceSeesEveryStepByMailAndInTheirList() throws Exception {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        CurrentUser source = accounts.source();
        String path = sent(source, query);

        assertThat(mvc.get().uri("/queries/" + query + "/pitches").with(as(journalist))).hasStatusOk().bodyText()
                .contains("Sam Source").contains("answered 3 of 3").contains("Submitted (1)");
        assertThat(mvc.get().uri(path).with(as(journalist))).hasStatusOk().bodyText()
                .contains("Does melatonin help, and when?").contains("Split sleep works better");
        assertThat(status(path)).isEqualTo("VIEWED");

        assertThat(mvc.post().uri(path + "/shortlist").with(csrf()).with(as(journalist)))
                .hasRedirectedUrl("/queries/" + query + "/pitches?open=" + id(path));
        assertThat(status(path)).isEqualTo("SHORTLISTED");
        assertThat(mvc.post().uri(path + "/use").with(csrf()).with(as(journalist)).param("articleUrl", "not a url"))
                .hasRedirectedUrl("/queries/" + query + "/pitches?open=" + id(path)).flash().containsKey("error");
        assertThat(mvc.post().uri(path + "/use").with(csrf()).with(as(journalist))
                .param("articleUrl", "https://ledger.example/sleep").param("back", "detail")).hasRedirectedUrl(path);
        assertThat(status(path)).isEqualTo("USED");
        assertThat(mvc.get().uri("/pitches?status=used").with(as(source))).hasStatusOk().bodyText()
                .contains("Sleep doctors: what helps shift workers sleep?");
        assertThat(mvc.get().uri(path).with(as(source))).bodyText().contains("https://ledger.example/sleep");

        // The shortlist's mail waits out the undo window (and a moment more); the used one goes at once.
        clock.advance(Duration.ofSeconds(16));
        try {
            mailbox.deliver();
        }
        finally {
            clock.reset();
        }
        List<String> subjects = mailbox.receivedBy(source.email()).stream().map(InboxTests::subject).toList();
        assertThat(subjects).contains("Your pitch was shortlisted: Sleep doctors: what helps shift workers sleep?",
                "Your pitch was used: Sleep doctors: what helps shift workers sleep?");
    }

    @Test
    void declineWithAReasonTellsTheSourceAndWithoutOneDoesNot() {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        CurrentUser told = accounts.source();
        CurrentUser silent = accounts.source();
        String toldPath = sent(told, query);
        String silentPath = sent(silent, query);

        assertThat(mvc.post().uri(toldPath + "/decline").with(csrf()).with(as(journalist))
                .param("reason", "NOT_A_FIT")).hasStatus3xxRedirection();
        assertThat(mvc.post().uri(silentPath + "/decline").with(csrf()).with(as(journalist))
                .param("reason", "<script>made up</script>")).hasStatus3xxRedirection();
        assertThat(status(toldPath)).isEqualTo("DECLINED");
        assertThat(status(silentPath)).isEqualTo("DECLINED");
        assertThat(outboxFor(told.email(), "Your pitch was declined%")).isEqualTo(1);
        assertThat(outboxFor(silent.email(), "Your pitch was declined%")).isZero();
        // The source reads the decline once the journalist can no longer take it back.
        clock.advance(Duration.ofSeconds(11));
        try {
            assertThat(mvc.get().uri(toldPath).with(as(told))).bodyText().contains("Declined:").contains("Not a fit for this story");
        }
        finally {
            clock.reset();
        }
    }

    @Test
    void aDeclineStoresItsReasonsCodeAndTheSourceReadsItsWords() {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        CurrentUser source = accounts.source();
        String path = sent(source, query);

        assertThat(mvc.get().uri("/queries/" + query + "/pitches").with(as(journalist))).bodyText()
                .contains("<option value=\"OUTSIDE_REQUIREMENTS\">Outside the requirements</option>");
        assertThat(mvc.post().uri(path + "/decline").with(csrf()).with(as(journalist))
                .param("reason", "OUTSIDE_REQUIREMENTS")).hasStatus3xxRedirection();
        assertThat(jdbc.sql("""
                select p.decline_reason || ' ' || c.reason from pitch p join pitch_status_change c on c.pitch_id = p.id
                where p.public_id = cast(:id as uuid) and c.status = 'DECLINED'""").param("id", id(path))
                .query(String.class).single()).isEqualTo("OUTSIDE_REQUIREMENTS OUTSIDE_REQUIREMENTS");
        String mail = jdbc.sql("select text_body || html_body from mail_outbox where recipient = :to order by id desc limit 1")
                .param("to", source.email()).query(String.class).single();
        assertThat(mail).contains("The reason given:").contains("Outside the requirements").doesNotContain("OUTSIDE_");
        assertThat(mvc.get().uri("/queries/" + query + "/pitches").with(as(journalist))).bodyText()
                .contains("Declined: Outside the requirements");
        clock.advance(Duration.ofSeconds(11));
        try {
            assertThat(mvc.get().uri(path).with(as(source))).bodyText()
                    .contains("Declined: <span>Outside the requirements</span>")
                    .contains("Reason: Outside the requirements").doesNotContain("OUTSIDE_");
        }
        finally {
            clock.reset();
        }
    }

    @Test
    void aReasonInTheEnglishOfBeforeTheCodesIsStillReadAndAnyOtherTextIsNoReason() throws Exception {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        String path = sent(accounts.source(), query);

        // A form rendered before the upgrade, sent after it.
        mvc.post().uri(path + "/decline").with(csrf()).with(as(journalist)).param("reason", "The deadline had passed for us")
                .exchange();
        assertThat(jdbc.sql("select decline_reason from pitch where public_id = cast(:id as uuid)").param("id", id(path))
                .query(String.class).single()).isEqualTo("DEADLINE_PASSED");
        // An event stored in the publication registry before the upgrade.
        String stored = "{\"pitchId\":1,\"sourceId\":2,\"status\":\"DECLINED\",\"reason\":\"%s\",\"at\":\"2026-12-01T10:00:00Z\"}";
        assertThat(events.deserialize(stored.formatted("Did not answer the questions"), PitchStatusChanged.class).reason())
                .isEqualTo(DeclineReason.QUESTIONS_UNANSWERED);
        assertThat(events.deserialize(stored.formatted("NOT_A_FIT"), PitchStatusChanged.class).reason())
                .isEqualTo(DeclineReason.NOT_A_FIT);
        assertThat(events.deserialize(stored.formatted("Sorry, we went with someone else"), PitchStatusChanged.class)
                .reason()).isNull();
        PitchStatusChanged changed = new PitchStatusChanged(1, 2, PitchStatus.DECLINED, DeclineReason.ENOUGH_SOURCES,
                java.time.Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(events.deserialize(events.serialize(changed), PitchStatusChanged.class)).isEqualTo(changed);
    }

    @Test
    void htmxActionsAnswerWithTheCardAlone() {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        String path = sent(accounts.source(), query);

        assertThat(mvc.post().uri(path + "/shortlist").with(csrf()).with(as(journalist)).header("HX-Request", "true"))
                .hasStatusOk().bodyText().contains("Shortlisted. The source is told.").contains("data-pane")
                .contains("hx-swap-oob").contains("Undo").doesNotContain("<html");
        assertThat(mvc.post().uri(path + "/report").with(csrf()).with(as(journalist)).header("HX-Request", "true")
                .param("reason", "SPAM").param("note", "Same text on five queries")).hasStatusOk().bodyText()
                .contains("Reported. A moderator will look at it.");
        assertThat(mvc.post().uri(path + "/report").with(csrf()).with(as(journalist)).header("HX-Request", "true")
                .param("reason", "SPAM")).hasStatusOk().bodyText().contains("You have already reported this pitch.");
        assertThat(mvc.post().uri(path + "/report").with(csrf()).with(as(journalist)).header("HX-Request", "true")
                .param("reason", "BOGUS")).hasStatusOk().bodyText().contains("Choose why you report this pitch.");

        CurrentUser admin = accounts.admin();
        assertThat(mvc.get().uri("/admin/reports").with(as(admin))).hasStatusOk().bodyText()
                .contains("Same text on five queries").contains("Spam");
        assertThat(mvc.get().uri("/admin/reports").with(as(journalist))).hasStatus(403);
        assertThat(mvc.get().uri(path).with(as(admin))).hasStatusOk();
    }

    @Test
    void bulkDeclineTouchesOnlyTheTickedPitchesOfThatQuery() {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        String a = sent(accounts.source(), query);
        String b = sent(accounts.source(), query);
        String keep = sent(accounts.source(), query);
        long otherQuery = queries.by(accounts.journalist()).publish();
        String foreign = sent(accounts.source(), otherQuery);

        assertThat(mvc.post().uri("/queries/" + query + "/pitches/decline").with(csrf()).with(as(journalist))
                .param("selected", id(a), id(b), id(foreign), "garbage").param("reason", "ENOUGH_SOURCES"))
                .hasRedirectedUrl("/queries/" + query + "/pitches").flash().containsEntry("toast", "Declined 2 pitches.");
        assertThat(List.of(status(a), status(b), status(keep), status(foreign)))
                .containsExactly("DECLINED", "DECLINED", "SUBMITTED", "SUBMITTED");
        assertThat(mvc.post().uri("/queries/" + query + "/pitches/decline").with(csrf()).with(as(journalist)))
                .flash().containsEntry("error", "Tick the pitches you want to decline first.");
    }

    @Test
    void bulkDeclineLeavesATickedUsedPitchAsItIs() {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        String used = sent(accounts.source(), query);
        String open = sent(accounts.source(), query);
        mvc.post().uri(used + "/use").with(csrf()).with(as(journalist)).exchange();

        assertThat(mvc.post().uri("/queries/" + query + "/pitches/decline").with(csrf()).with(as(journalist))
                .param("selected", id(used), id(open)).param("reason", "NOT_A_FIT"))
                .hasRedirectedUrl("/queries/" + query + "/pitches").flash().containsEntry("toast", "Declined 1 pitch.");
        assertThat(List.of(status(used), status(open))).containsExactly("USED", "DECLINED");
    }

    @Test
    void otherJournalistsSourcesAndStrangersGet404ForPitchesAndInboxes() {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        String path = sent(accounts.source(), query);
        CurrentUser other = accounts.journalist();
        CurrentUser source = accounts.source();

        for (CurrentUser stranger : new CurrentUser[] { other, source }) {
            assertThat(mvc.get().uri("/queries/" + query + "/pitches").with(as(stranger))).hasStatus(404);
            assertThat(mvc.get().uri(path).with(as(stranger))).hasStatus(404);
            assertThat(mvc.post().uri(path + "/shortlist").with(csrf()).with(as(stranger))).hasStatus(404);
            assertThat(mvc.post().uri(path + "/decline").with(csrf()).with(as(stranger))).hasStatus(404);
            assertThat(mvc.post().uri(path + "/use").with(csrf()).with(as(stranger))).hasStatus(404);
            assertThat(mvc.post().uri(path + "/report").with(csrf()).with(as(stranger)).param("reason", "SPAM")).hasStatus(404);
            assertThat(mvc.post().uri("/queries/" + query + "/pitches/decline").with(csrf()).with(as(stranger))
                    .param("selected", id(path))).hasStatus(404);
        }
        assertThat(mvc.get().uri(path)).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
        assertThat(mvc.post().uri(path + "/shortlist").with(as(journalist))).hasStatus(403);
        assertThat(status(path)).isEqualTo("SUBMITTED");
        assertThat(mvc.get().uri("/queries/" + query + "/pitches").with(as(accounts.admin()))).hasStatusOk();
    }

    @Test
    void adminCannotBulkDeclinePitchesOnAJournalistsQuery() {
        refusedBulkDecline(accounts.admin());
    }

    @Test
    void otherJournalistCannotBulkDeclinePitchesOnAJournalistsQuery() {
        refusedBulkDecline(accounts.journalist());
    }

    /** Only the query's journalist decides on its pitches: anyone else gets the 404 of the single-pitch actions. */
    private void refusedBulkDecline(CurrentUser actor) {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        CurrentUser source = accounts.source();
        String path = sent(source, query);

        assertThat(mvc.post().uri("/queries/" + query + "/pitches/decline").with(csrf()).with(as(actor))
                .param("selected", id(path)).param("reason", "NOT_A_FIT")).hasStatus(404);
        assertThat(mvc.post().uri("/queries/" + query + "/pitches/decline").with(csrf()).with(as(actor))).hasStatus(404);
        assertThat(status(path)).isEqualTo("SUBMITTED");
        assertThat(outboxFor(source.email(), "Your pitch was%")).isZero();
        assertThat(statusChanges.of(pitchId(path))).isEmpty();
    }

    @Test
    void tenConcurrentShortlistClicksSendTheSourceOneMailAndEachGetsAnAnswer() throws Exception {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        CurrentUser source = accounts.source();
        String path = sent(source, query);

        // Half of them as htmx clicks on the inbox card, half as plain form posts.
        List<MvcTestResult> clicks = Concurrently.run(10, n -> {
            var post = mvc.post().uri(path + "/shortlist").with(csrf()).with(as(journalist));
            return (n % 2 == 0 ? post.header("HX-Request", "true") : post).exchange();
        });

        assertThat(clicks.stream().map(Concurrently::outcome)).containsOnly("200", "302");
        assertThat(status(path)).isEqualTo("SHORTLISTED");
        assertThat(outboxFor(source.email(), "Your pitch was shortlisted%")).isEqualTo(1);
        assertThat(statusChanges.of(pitchId(path))).containsExactly(PitchStatus.SHORTLISTED);
    }

    @Test
    void markingAPitchUsedTwiceSendsTheSourceOneMail() {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        CurrentUser source = accounts.source();
        String path = sent(source, query);

        for (int click = 0; click < 2; click++) {
            assertThat(mvc.post().uri(path + "/use").with(csrf()).with(as(journalist))
                    .param("articleUrl", "https://ledger.example/sleep"))
                    .hasRedirectedUrl("/queries/" + query + "/pitches?open=" + id(path)).flash().containsKey("toast");
        }
        assertThat(status(path)).isEqualTo("USED");
        assertThat(outboxFor(source.email(), "Your pitch was used%")).isEqualTo(1);
        assertThat(statusChanges.of(pitchId(path))).containsExactly(PitchStatus.USED);
    }

    @Test
    void concurrentDeclinesOneByOneAndInBulkSendTheSourceOneMail() throws Exception {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        CurrentUser source = accounts.source();
        String path = sent(source, query);

        List<MvcTestResult> clicks = Concurrently.run(6, n -> (n % 2 == 0
                ? mvc.post().uri(path + "/decline").with(csrf()).with(as(journalist))
                : mvc.post().uri("/queries/" + query + "/pitches/decline").with(csrf()).with(as(journalist))
                        .param("selected", id(path)))
                .param("reason", "NOT_A_FIT").exchange());

        assertThat(clicks.stream().map(Concurrently::outcome)).containsOnly("302");
        assertThat(status(path)).isEqualTo("DECLINED");
        assertThat(outboxFor(source.email(), "Your pitch was declined%")).isEqualTo(1);
        assertThat(statusChanges.of(pitchId(path))).containsExactly(PitchStatus.DECLINED);
    }

    @Test
    void sourcesEditingWhileTheJournalistOpensTheirPitchesGetAnAnswerNotAnError() throws Exception {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        List<CurrentUser> sources = List.of(accounts.source(), accounts.source(), accounts.source(), accounts.source(),
                accounts.source());
        List<String> paths = sources.stream().map(source -> sent(source, query)).toList();

        // Each pitch is opened by the journalist (which marks it viewed) and changed by its source at the same moment.
        List<MvcTestResult> requests = Concurrently.run(10, n -> {
            String path = paths.get(n / 2);
            if (n % 2 == 0) {
                return mvc.get().uri(path).with(as(journalist)).exchange();
            }
            var edit = mvc.post().uri(path).with(csrf()).with(as(sources.get(n / 2)))
                    .param("answers[0]", PitchMother.ANSWER + " Changed.").param("answers[1]", "Taken early, yes.")
                    .param("answers[2]", "Forward-rotating rosters.");
            return edit.exchange();
        });

        assertThat(requests.stream().map(Concurrently::outcome)).isSubsetOf("200", "302");
        // An edit that came second is refused with the form's message, never half-stored.
        assertThat(requests.stream().filter(request -> request.getMvcResult().getRequest().getMethod().equals("POST"))
                .filter(edit -> edit.getResponse().getStatus() == 200))
                .allSatisfy(edit -> assertThat(edit).bodyText().contains("it can no longer be changed"));
        assertThat(paths).allSatisfy(path -> assertThat(status(path)).isEqualTo("VIEWED"));
    }

    @Test
    void anInboxWithTwoThousandPitchesShowsItsFirstPageInAFixedNumberOfStatements() {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        jdbc.sql("""
                with account_rows as (
                    insert into account (email, password_hash, display_name, role, email_verified_at, password_changed_at, created_at)
                    select 'bulk-' || :query || '-' || n || '@example.com', 'x', 'Bulk Source ' || n, 'SOURCE', now(), now(), now()
                    from generate_series(1, 2000) n returning id, display_name),
                profiles as (
                    insert into source_profile (account_id, handle, name, title, company, created_at, updated_at)
                    select id, 'bulk-' || :query || '-' || id, display_name, 'Sleep physician', 'Clinic', now(), now()
                    from account_rows returning id),
                pitches as (
                    insert into pitch (public_id, query_id, source_id, status, word_count, submission_key, submitted_at, updated_at)
                    select gen_random_uuid(), :query, id, 'SUBMITTED', 170, gen_random_uuid(), now() - (id % 1000) * interval '1 second', now()
                    from profiles returning id)
                insert into pitch_answer (pitch_id, position, answer)
                select id, q, 'An answer with substance about shift work and sleep.' from pitches, generate_series(0, 2) q""")
                .param("query", query).update();

        SqlStatements.reset();
        assertThat(mvc.get().uri("/queries/" + query + "/pitches").with(as(journalist))).hasStatusOk().bodyText()
                .contains("Bulk Source").contains("Submitted (2000)").contains("Page 1 of 40");
        long firstPage = SqlStatements.count();
        SqlStatements.reset();
        assertThat(mvc.get().uri("/queries/" + query + "/pitches?page=20&sort=oldest").with(as(journalist))).hasStatusOk();
        assertThat(SqlStatements.count()).isEqualTo(firstPage);
        assertThat(firstPage).isLessThan(20);
    }

    private String sent(CurrentUser source, long query) {
        return sentPath(mvc, source, query);
    }

    private String status(String path) {
        return jdbc.sql("select status from pitch where public_id = cast(:id as uuid)").param("id", id(path))
                .query(String.class).single();
    }

    private long pitchId(String path) {
        return jdbc.sql("select id from pitch where public_id = cast(:id as uuid)").param("id", id(path))
                .query(Long.class).single();
    }

    private int outboxFor(String recipient, String subject) {
        return jdbc.sql("select count(*) from mail_outbox where recipient = :to and subject like :subject")
                .param("to", recipient).param("subject", subject).query(Integer.class).single();
    }

    private static String id(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
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
