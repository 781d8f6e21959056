package org.sourcewire.pitches;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.CurrentUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.sourcewire.pitches.PitchMother.sentPath;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The source's view of a pitch: each step with its time, the messages in place, and what happens next. */
class SourceTimelineTests extends IntegrationTest {

    /** How the pages write a time (in the viewer's zone; the zone is named once per page, not here). */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    @Test
    void aUsedPitchShowsEveryStepWithItsTimeAndTheMessagesInPlace() throws Exception {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        CurrentUser source = accounts.source();
        String path = sentPath(mvc, source, query);
        try {
            clock.advance(Duration.ofHours(1));
            assertThat(mvc.get().uri(path).with(as(journalist))).hasStatusOk();
            clock.advance(Duration.ofHours(1));
            journalistDoes(journalist, path + "/messages", "body", "Which study shows the split-sleep effect?");
            clock.advance(Duration.ofHours(1));
            assertThat(mvc.post().uri(path + "/messages").with(csrf()).with(as(source))
                    .param("body", "Our 2023 roster trial; I can send the paper.")).hasStatus3xxRedirection();
            clock.advance(Duration.ofHours(1));
            journalistDoes(journalist, path + "/shortlist");
            clock.advance(Duration.ofHours(1));
            journalistDoes(journalist, path + "/use", "articleUrl", "https://ledger.example/split-sleep");
        }
        finally {
            clock.reset();
        }

        Document page = page(source, path);
        List<String> steps = page.select("ol.timeline > li").eachText();
        assertThat(steps).hasSize(6);
        assertThat(steps.get(0)).startsWith("Sent").contains(time(source, "select submitted_at from pitch where public_id = cast(:id as uuid)", path));
        assertThat(steps.get(1)).startsWith("Opened by the journalist").contains(time(source, "select viewed_at from pitch where public_id = cast(:id as uuid)", path));
        assertThat(steps.get(2)).contains("Which study shows the split-sleep effect?")
                .contains(time(source, message(false), path));
        assertThat(steps.get(3)).contains("Our 2023 roster trial").contains(time(source, message(true), path));
        assertThat(steps.get(4)).startsWith("Shortlisted").contains(time(source, change("SHORTLISTED"), path));
        assertThat(steps.get(5)).startsWith("Used").contains("https://ledger.example/split-sleep")
                .contains(time(source, change("USED"), path));

        String next = page.selectFirst("#next").text();
        assertThat(next).contains("used your pitch").contains("https://ledger.example/split-sleep")
                .doesNotContain("opened your pitch").doesNotContain("can still change");
        assertThat(page.selectFirst("#messages").text()).as("the reply rule stays below the timeline")
                .contains("you can write again when the journalist replies");
    }

    @Test
    void aDeclinedPitchSaysSoWithTheReasonInTheTimelineAndInWhatHappensNext() throws Exception {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        CurrentUser source = accounts.source();
        String path = sentPath(mvc, source, query);
        assertThat(mvc.get().uri(path).with(as(journalist))).hasStatusOk();
        journalistDoes(journalist, path + "/decline", "reason", "NOT_A_FIT");
        undoWindowPasses();

        Document page = page(source, path);
        List<String> steps = page.select("ol.timeline > li").eachText();
        assertThat(steps).hasSize(3);
        assertThat(steps.get(2)).startsWith("Declined").contains("Not a fit for this story");
        assertThat(page.selectFirst("#next").text()).contains("declined").contains("Not a fit for this story")
                .doesNotContain("opened your pitch");
    }

    @Test
    void eachStageSaysWhatHappensNext() throws Exception {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        CurrentUser source = accounts.source();
        String path = sentPath(mvc, source, query);

        Document sent = page(source, path);
        assertThat(sent.select("ol.timeline > li").eachText()).hasSize(1);
        assertThat(sent.selectFirst("#next").text()).contains("has not opened your pitch yet").contains("change or withdraw");
        assertThat(sent.select("ol.timeline-upcoming > li").eachText()).as("the steps still to come")
                .containsExactly("Opened by the journalist", "Shortlisted or declined", "Used in an article");

        assertThat(mvc.get().uri(path).with(as(journalist))).hasStatusOk();
        Document viewed = page(source, path);
        assertThat(viewed.selectFirst("#next").text()).contains("read your pitch").contains("can no longer be changed");
        assertThat(viewed.select("ol.timeline-upcoming > li").eachText())
                .containsExactly("Shortlisted or declined", "Used in an article");

        journalistDoes(journalist, path + "/shortlist");
        undoWindowPasses();
        Document shortlisted = page(source, path);
        assertThat(shortlisted.selectFirst("#next").text()).contains("shortlist").doesNotContain("opened your pitch");
        assertThat(shortlisted.select("ol.timeline-upcoming > li").eachText()).containsExactly("Used in an article");
    }

    @Test
    void everyStatusChangeIsRecordedWithItsTimeAndReasonOneByOneAndInBulk() {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        String one = sentPath(mvc, accounts.source(), query);
        String bulk = sentPath(mvc, accounts.source(), query);
        Instant before = Instant.now();

        assertThat(mvc.get().uri(one).with(as(journalist))).hasStatusOk();
        journalistDoes(journalist, one + "/shortlist");
        journalistDoes(journalist, one + "/shortlist");
        journalistDoes(journalist, one + "/decline", "reason", "NOT_A_FIT");
        assertThat(mvc.post().uri("/queries/" + query + "/pitches/decline").with(csrf()).with(as(journalist))
                .param("selected", id(bulk)).param("reason", "ENOUGH_SOURCES")).hasStatus3xxRedirection();

        assertThat(changes(one)).as("a repeated click records nothing")
                .containsExactly("VIEWED", "SHORTLISTED", "DECLINED NOT_A_FIT");
        assertThat(changes(bulk)).containsExactly("DECLINED ENOUGH_SOURCES");
        assertThat(jdbc.sql("""
                select bool_and(c.changed_at >= :before) from pitch_status_change c join pitch p on p.id = c.pitch_id
                where p.public_id in (cast(:one as uuid), cast(:bulk as uuid))""")
                .param("before", Timestamp.from(before.minusSeconds(1))).param("one", id(one)).param("bulk", id(bulk))
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void theJournalistSeesTheSameHistoryCompactlyWithoutTheMessagesTwice() throws Exception {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        String path = sentPath(mvc, accounts.source(), query);
        assertThat(mvc.get().uri(path).with(as(journalist))).hasStatusOk();
        journalistDoes(journalist, path + "/messages", "body", "Could you share the study?");
        journalistDoes(journalist, path + "/shortlist");

        Document page = page(journalist, path);
        assertThat(page.select("#history li").eachText()).hasSize(3).satisfies(steps -> {
            assertThat(steps.get(0)).startsWith("Sent");
            assertThat(steps.get(1)).startsWith("Opened");
            assertThat(steps.get(2)).startsWith("Shortlisted");
        });
        assertThat(page.select("#history").text()).doesNotContain("Could you share the study?");
    }

    private Document page(CurrentUser viewer, String path) throws Exception {
        var response = mvc.get().uri(path).with(as(viewer)).exchange().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    /** The journalist's decisions reach the source once they can no longer be taken back. */
    private void undoWindowPasses() {
        clock.advance(Duration.ofSeconds(11));
    }

    @org.junit.jupiter.api.AfterEach
    void resetClock() {
        clock.reset();
    }

    private void journalistDoes(CurrentUser journalist, String action, String... params) {
        var post = mvc.post().uri(action).with(csrf()).with(as(journalist)).param("back", "detail");
        for (int i = 0; i + 1 < params.length; i += 2) {
            post.param(params[i], params[i + 1]);
        }
        assertThat(post).hasStatus3xxRedirection();
    }

    /** An instant the database holds for the pitch, as the source's pages write it (in the profile's zone). */
    private String time(CurrentUser source, String sql, String path) {
        Instant at = jdbc.sql(sql).param("id", id(path)).query(Timestamp.class).single().toInstant();
        String zone = jdbc.sql("select time_zone from source_profile where account_id = :account")
                .param("account", source.id()).query(String.class).single();
        return TIME.format(at.atZone(ZoneId.of(zone)));
    }

    private static String message(boolean fromSource) {
        return "select m.created_at from pitch_message m join pitch p on p.id = m.pitch_id "
                + "where p.public_id = cast(:id as uuid) and m.from_source = " + fromSource;
    }

    private static String change(String status) {
        return "select c.changed_at from pitch_status_change c join pitch p on p.id = c.pitch_id "
                + "where p.public_id = cast(:id as uuid) and c.status = '" + status + "'";
    }

    private List<String> changes(String path) {
        return jdbc.sql("""
                select c.status || coalesce(' ' || c.reason, '') from pitch_status_change c join pitch p on p.id = c.pitch_id
                where p.public_id = cast(:id as uuid) order by c.changed_at, c.id""")
                .param("id", id(path)).query(String.class).list();
    }

    private static String id(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
