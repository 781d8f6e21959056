package org.sourcewire.screening;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sourcewire.SourcewireIntegrationTest;
import org.sourcewire.pitches.TestScreening;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.TestAccounts;
import org.sourcewire.queries.TestQueries;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@SourcewireIntegrationTest
class ScreeningTests {

    static final List<String> GOOD = List.of(
            "The biggest mistake shift workers make is trying to sleep in one long block right after a night shift. "
                    + "Their body clock fights them. Split sleep works better: four hours straight after the shift in a dark, "
                    + "cool room, then a ninety minute nap before the next one.",
            "Melatonin helps a little when the timing is right: a low dose of half a milligram taken a few hours before "
                    + "the planned sleep, not at bedtime. Higher doses mostly cause grogginess.",
            "Employers should use forward-rotating rosters (morning, then evening, then night shifts), avoid quick returns "
                    + "under eleven hours between shifts and give two full days off after a run of nights.");

    /** Other good answers in other words, so one test's pitch is never another test's "copy". */
    static final List<String> GOOD_TOO = List.of(
            "Night nurses often stay awake after handover to run errands, then try to sleep at noon when the light and "
                    + "noise are at their worst. Going to bed within an hour of getting home, with blackout blinds and "
                    + "earplugs, protects the main sleep period.",
            "For a night worker melatonin is mainly a timing signal. Half a milligram about three hours before the "
                    + "daytime sleep can shift the clock slightly; large doses taken at bedtime leave people groggy on shift.",
            "Rosters should rotate clockwise, cap runs of night shifts at three or four, and never schedule a morning "
                    + "shift after a late one. Predictable schedules published weeks ahead help staff plan their sleep.");

    static final List<String> GOOD_THREE = List.of(
            "A common error is relying on caffeine late in the shift. Coffee after about 3 am lingers for hours and wrecks "
                    + "the morning sleep, so the crash comes at the wrong time and people end up sleeping only four broken hours.",
            "Melatonin can help some shift workers fall asleep in daylight, but only in small doses and at a consistent "
                    + "time. It does nothing for poor sleep habits, and people on blood thinners should ask a doctor first.",
            "Managers can give a protected nap of twenty minutes on long night shifts, keep bright light in break rooms "
                    + "during the night and let staff choose fixed shift patterns instead of constantly changing ones.");

    static final List<String> OFF_TOPIC = List.of(
            "Our blockchain platform helps retailers tokenize loyalty points and unlock new revenue streams across "
                    + "every channel, with instant settlement and a beautiful dashboard for marketing teams.",
            "We have been featured in many publications and our founder is available for podcasts about crypto "
                    + "adoption, web3 marketing and the future of digital payments in emerging markets.",
            "Visit our website to book a demo and learn how our platform can grow your brand today.");

    static final List<String> FILLER = List.of(
            "I hope this email finds you well. In today's fast-paced world, it is important to note that sleep is a "
                    + "game-changer. As a seasoned expert with a proven track record, I would be thrilled to delve into this.",
            "In the ever-evolving landscape of wellness, melatonin can unlock the full potential of rest. It is "
                    + "important to note that we must navigate the complexities of sleep together.",
            "Employers should leverage synergies and foster innovation with a holistic approach. Feel free to reach out, "
                    + "I would be thrilled to contribute my insights as a thought leader.");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestQueries queries;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IncompleteEventPublications incompleteEvents;

    @Test
    void aGoodOnTopicPitchOutscoresOffTopicAndFillerOnesAndEveryScoreExplainsItself() {
        long query = queries.by(accounts.journalist()).publish();
        String good = send(accounts.source(), query, GOOD);
        String offTopic = send(accounts.source(), query, OFF_TOPIC);
        String filler = send(accounts.source(), query, FILLER);

        assertThat(score(good)).isGreaterThanOrEqualTo(70);
        assertThat(flagged(good)).isFalse();
        assertThat(score(offTopic)).isLessThan(score(good) - 25);
        assertThat(flagged(offTopic)).isTrue();
        assertThat(flagged(filler)).isTrue();
        assertThat(reasons(good)).contains("answers 3 of 3 questions with substance", "relevant to the query (high)");
        assertThat(reasons(offTopic)).contains("relevant to the query (low)");
        assertThat(reasons(filler)).contains("generic filler phrases");
    }

    @Test
    void theSameTextSentToOtherQueriesIsATemplateAndAnotherSourcesTextIsACopy() {
        CurrentUser journalist = accounts.journalist();
        long first = queries.by(journalist).publish();
        long second = queries.by(journalist).publish();
        long third = queries.by(journalist).publish();
        CurrentUser templater = accounts.source();
        String original = send(templater, first, GOOD_THREE);
        send(templater, second, GOOD_THREE);
        String again = send(templater, third, GOOD_THREE);
        String copy = send(accounts.source(), first, GOOD_THREE);

        assertThat(flagged(original)).isFalse();
        assertThat(flagged(again)).isTrue();
        assertThat(reasons(again)).contains("near-identical to 2 pitches this source sent to other queries");
        assertThat(flagged(copy)).isTrue();
        assertThat(reasons(copy)).contains("copied from another source's pitch");
    }

    @Test
    void unansweredAndPaddedPitchesLoseCompletenessPoints() {
        long query = queries.by(accounts.journalist()).publish();
        String padded = send(accounts.source(), query, List.of(GOOD.get(0), "See above.", "Happy to discuss."));

        assertThat(reasons(padded)).contains("answers 1 of 3 questions with substance")
                .contains("empty phrases or repetition");
        assertThat(score(padded)).isLessThan(60);
    }

    @Test
    void theInboxSortsBestFirstAndSaysHowManyItsFiltersHide() throws Exception {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        send(accounts.source(), query, OFF_TOPIC);
        send(accounts.source(), query, GOOD_TOO);

        String body = mvc.get().uri("/queries/" + query + "/pitches").with(as(journalist)).exchange().getResponse()
                .getContentAsString();
        assertThat(body.indexOf("Night nurses often stay awake")).isLessThan(body.indexOf("Our blockchain platform"));
        assertThat(body).contains("score ").contains("relevant to the query (low)");
        assertThat(mvc.get().uri("/queries/" + query + "/pitches?hideFlagged=true").with(as(journalist))).hasStatusOk()
                .bodyText().contains("1 pitch is hidden by your filters.").doesNotContain("Our blockchain platform");
        assertThat(mvc.get().uri("/queries/" + query + "/pitches?minScore=101&sort=bogus").with(as(journalist))).hasStatusOk()
                .bodyText().contains("2 pitches are hidden by your filters.");
        assertThat(mvc.get().uri("/queries/" + query + "/pitches?minScore=abc").with(as(journalist))).hasStatusOk();
    }

    @Test
    void aPitchIsScreenedJustAfterItIsStoredAndShowsAsBeingScreenedUntilThen() throws Exception {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        String pitch = send(accounts.source(), query, GOOD_TOO);
        assertThat(score(pitch)).isPositive();

        // As it looks in the moment between the source's answer and screening's verdict.
        jdbc.sql("update pitch set score = null, reasons = '[]'::jsonb where public_id = cast(:id as uuid)")
                .param("id", id(pitch)).update();
        assertThat(mvc.get().uri("/queries/" + query + "/pitches").with(as(journalist))).hasStatusOk().bodyText()
                .contains("being screened");
        assertThat(mvc.get().uri(pitch).with(as(journalist))).hasStatusOk().bodyText().contains("being screened");
    }

    @Test
    void aPitchLeftUnscreenedByACrashIsScreenedWhenItsEventIsPublishedAgain() {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        String pitch = send(accounts.source(), query, GOOD_TOO);
        long id = jdbc.sql("select id from pitch where public_id = cast(:id as uuid)").param("id", id(pitch))
                .query(Long.class).single();
        // A crash after the pitch was stored and before screening finished: no verdict, the event still open.
        jdbc.sql("update pitch set score = null, reasons = '[]'::jsonb where id = :id").param("id", id).update();
        assertThat(jdbc.sql("""
                update event_publication set completion_date = null, status = 'FAILED'
                where listener_id like '%PitchScreeningListener%' and serialized_event like :event""")
                .param("event", "%\"pitchId\":" + id + ",%").update()).isEqualTo(1);

        // What Spring Modulith does at start-up (republish-outstanding-events-on-restart).
        incompleteEvents.resubmitIncompletePublications(publication -> true);

        TestScreening.awaitScreened(pitch);
        assertThat(score(pitch)).isPositive();
        assertThat(reasons(pitch)).contains("answers 3 of 3 questions");
    }

    @Test
    void thePitchFormShowsTheSameChecksBeforeSending() {
        long query = queries.by(accounts.journalist()).publish();
        CurrentUser source = accounts.source();

        assertThat(mvc.post().uri("/queries/" + query + "/pitch/preflight").with(csrf()).with(as(source))
                .header("HX-Request", "true").param("answers[0]", FILLER.get(0)).param("answers[1]", "").param("answers[2]", ""))
                .hasStatusOk().bodyText().contains("Before you send").contains("generic filler phrases")
                .contains("answers 1 of 3 questions with substance").contains("would be flagged").doesNotContain("<html");
        assertThat(mvc.post().uri("/queries/" + query + "/pitch/preflight").with(csrf()).with(as(source))
                .header("HX-Request", "true").param("answers[0]", GOOD.get(0)).param("answers[1]", GOOD.get(1))
                .param("answers[2]", GOOD.get(2))).hasStatusOk().bodyText().contains("relevant to the query (high)")
                .contains("answers 3 of 3 questions with substance");
        assertThat(jdbc.sql("select count(*) from pitch where query_id = :q").param("q", query).query(Integer.class).single()).isZero();
    }

    @Test
    void adminsKeepTheFillerPhraseList() throws Exception {
        CurrentUser admin = accounts.admin();
        String phrase = "circle back " + System.nanoTime();

        assertThat(mvc.get().uri("/admin/boilerplate").with(as(admin))).hasStatusOk().bodyText().contains("in today&#39;s fast-paced world");
        assertThat(mvc.post().uri("/admin/boilerplate").with(csrf()).with(as(admin)).param("phrase", phrase).param("weight", "7"))
                .hasRedirectedUrl("/admin/boilerplate");
        assertThat(mvc.post().uri("/admin/boilerplate").with(csrf()).with(as(admin)).param("phrase", phrase.toUpperCase()).param("weight", "7"))
                .hasStatusOk().bodyText().contains("That phrase is already on the list.");
        assertThat(mvc.post().uri("/admin/boilerplate").with(csrf()).with(as(admin)).param("phrase", "ab").param("weight", "99"))
                .hasStatusOk().bodyText().contains("Use 3 to 80 characters.").contains("Enter a weight from 1 to 30.");
        assertThat(mvc.post().uri("/admin/boilerplate").with(csrf()).with(as(admin)).param("phrase", "okay phrase").param("weight", "x"))
                .hasStatusOk();
        // A weight that is no number does not hide the phrase's message.
        assertThat(mvc.post().uri("/admin/boilerplate").with(csrf()).with(as(admin)).param("phrase", "ab").param("weight", "x"))
                .hasStatusOk().bodyText().contains("Use 3 to 80 characters.").contains("Enter a weight from 1 to 30.");
        long id = jdbc.sql("select id from boilerplate_phrase where phrase = :p").param("p", phrase).query(Long.class).single();
        // The list is cached for the screening of every pitch; a change here counts for the next pitch at once.
        long query = queries.by(accounts.journalist()).publish();
        CurrentUser source = accounts.source();
        List<String> filler = List.of(GOOD.get(0) + " Let us " + phrase + " on this.", GOOD.get(1), GOOD.get(2));
        assertThat(preflight(source, query, filler)).contains("generic filler phrases").contains(phrase);
        assertThat(mvc.post().uri("/admin/boilerplate/" + id + "/delete").with(csrf()).with(as(admin))).hasRedirectedUrl("/admin/boilerplate");
        assertThat(preflight(source, query, filler)).doesNotContain("generic filler phrases");
        assertThat(jdbc.sql("select action from audit_entry where subject = :s order by id").param("s", "boilerplate " + id)
                .query(String.class).list()).containsExactly("boilerplate.added", "boilerplate.removed");
        for (CurrentUser other : new CurrentUser[] { accounts.journalist(), accounts.source() }) {
            assertThat(mvc.get().uri("/admin/boilerplate").with(as(other))).hasStatus(403);
            assertThat(mvc.post().uri("/admin/boilerplate").with(csrf()).with(as(other)).param("phrase", "x y z").param("weight", "5"))
                    .hasStatus(403);
        }
    }

    @Test
    void aSourceOnTheFreePlanIsStoppedAtTheDailyQuotaWithAClearMessage() {
        CurrentUser journalist = accounts.journalist();
        CurrentUser source = accounts.source();
        for (int i = 0; i < 10; i++) {
            assertThat(post(source, queries.by(journalist).publish(), GOOD)).hasStatus3xxRedirection();
        }
        long eleventh = queries.by(journalist).publish();
        assertThat(post(source, eleventh, GOOD)).hasStatusOk().bodyText()
                .contains("You have sent 10 pitches in the last 24 hours, the most the Free plan allows.");
        assertThat(jdbc.sql("select count(*) from pitch where query_id = :q").param("q", eleventh).query(Integer.class).single()).isZero();
    }

    private String preflight(CurrentUser source, long query, List<String> answers) throws Exception {
        return mvc.post().uri("/queries/" + query + "/pitch/preflight").with(csrf()).with(as(source))
                .header("HX-Request", "true").param("answers[0]", answers.get(0)).param("answers[1]", answers.get(1))
                .param("answers[2]", answers.get(2)).exchange().getResponse().getContentAsString();
    }

    private String send(CurrentUser source, long query, List<String> answers) {
        String location = post(source, query, answers).exchange().getResponse().getRedirectedUrl();
        String path = location == null ? null : location.replace("?sent=true", "");
        if (path != null && path.startsWith("/pitches/")) {
            TestScreening.awaitScreened(path);
        }
        return path;
    }

    private MockMvcRequestBuilder post(CurrentUser source, long query, List<String> answers) {
        MockMvcRequestBuilder post = mvc.post().uri("/queries/" + query + "/pitch").with(csrf()).with(as(source));
        for (int i = 0; i < answers.size(); i++) {
            post.param("answers[" + i + "]", answers.get(i));
        }
        return post;
    }

    private int score(String path) {
        return jdbc.sql("select score from pitch where public_id = cast(:id as uuid)").param("id", id(path)).query(Integer.class).single();
    }

    private boolean flagged(String path) {
        return jdbc.sql("select flagged from pitch where public_id = cast(:id as uuid)").param("id", id(path)).query(Boolean.class).single();
    }

    private String reasons(String path) {
        return jdbc.sql("select reasons::text from pitch where public_id = cast(:id as uuid)").param("id", id(path)).query(String.class).single();
    }

    private static String id(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
