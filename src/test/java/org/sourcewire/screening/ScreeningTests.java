package org.sourcewire.screening;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.pitches.TestScreening;
import org.sourcewire.accounts.CurrentUser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

class ScreeningTests extends IntegrationTest {

    static final List<String> GOOD = List.of(
            "At the Riverside Sleep Clinic we see it weekly: nurses coming off a 12-hour night go straight to bed at 8 am "
                    + "and wake at noon, then lie awake. Of the 214 night workers we assessed in 2025, 61% slept under five "
                    + "hours after nights; the ones who split sleep (four hours after the shift, a 90-minute nap before the "
                    + "next) averaged 6.4.",
            "Yes, if the timing is right. In our clinic a 0.5 mg dose taken about three hours before the daytime sleep "
                    + "helped; 5 mg at bedtime, the dose sold at Walgreens, mostly left people groggy on shift.",
            "Rotate forward (mornings, then evenings, then nights) and ban quick returns under 11 hours. When St Mary's "
                    + "Hospital in Leeds did both in 2024, sick days on its night rota fell by a fifth within six months.");

    /** Other good answers in other words, so one test's pitch is never another test's "copy". */
    static final List<String> GOOD_TOO = List.of(
            "I ran the fatigue programme for the Port of Felixstowe crane crews for six years. The worst habit was staying "
                    + "up after a night shift to run errands and sleeping at 1 pm, in full daylight. Crews who went to bed "
                    + "within an hour of clocking off, with blackout blinds, reported 90 minutes more sleep in our 2023 survey.",
            "For night workers melatonin is a timing signal, not a sleeping pill: 0.5 mg about three hours before the day "
                    + "sleep moved our crews' sleep onset by roughly 40 minutes; large doses at bedtime did nothing extra.",
            "Cap runs of nights at three, rotate clockwise, and publish rosters four weeks ahead. After Felixstowe moved "
                    + "from two to four weeks' notice, swaps between crews dropped from 30 to 9 a month.");

    static final List<String> GOOD_THREE = List.of(
            "Caffeine after 3 am. In a study I ran with 48 paramedics in Bristol, those who drank coffee in the last third of "
                    + "a night shift slept 70 minutes less that morning than those who stopped by 2 am.",
            "It can help some people fall asleep in daylight, at 0.5 to 1 mg and the same time every day. It does nothing "
                    + "for a bright, noisy bedroom, and I tell anyone on warfarin to check with their GP first.",
            "Give a protected 20-minute nap on shifts over ten hours. Great Western Ambulance started it in 2022 and "
                    + "its night-shift road incidents fell from 11 to 4 the next year.");

    /** A fourth expert, only in the cluster test. */
    static final List<String> GOOD_FOUR = List.of(
            "I manage rosters for 140 security guards across Manchester. Guards who drive home after a night shift and "
                    + "then sleep with the phone on lose the most: in our 2024 rota review they logged 5.1 hours on average.",
            "Two of our guards use it on their doctor's advice, a low dose an hour before the day sleep; I would never "
                    + "recommend it myself, and their GP asks them to stop for a week every two months.",
            "Fixed teams. Since March 2023 each guard keeps the same three colleagues and the same pattern for a whole "
                    + "quarter, and our sickness absence went from 7.9% to 5.2%.");

    /** A fifth expert, only in the copy test. */
    static final List<String> GOOD_FIVE = List.of(
            "I am a pharmacist on the overnight counter at a 24-hour Boots in Glasgow. The customers I worry about buy "
                    + "two energy drinks at 4 am and then ask me for sleeping tablets at 9: I see that pattern most weeks.",
            "Only with a prescription here, so I point people to their GP. The ones who got 2 mg slow-release from their "
                    + "doctor tell me it helps them stay asleep past noon, which is when the street gets loud.",
            "Let staff choose a fixed pattern. Our store switched in 2023 and the overnight team went from six leavers a "
                    + "year to one.");

    /** A sixth expert, only in the copy test. */
    static final List<String> GOOD_SIX = List.of(
            "I drive a night bus in Cardiff, route 56, and have done for eleven years. After a run of four nights I sleep "
                    + "in two blocks, 9 till 1 and 5 till 7, because one long sleep never comes.",
            "Never tried it. My wife works days, so our rule is the bedroom is mine until 2 pm with the phone in the "
                    + "kitchen, and that did more for me than anything from the chemist.",
            "Let us swap shifts between ourselves without a manager signing. Our depot allowed it in 2022 and the lads "
                    + "stopped calling in sick after a late finish.");

    /** A third of each, so it is no other test's copy either. */
    static final List<String> MIXED = List.of(GOOD_TOO.get(0), GOOD_THREE.get(1), GOOD.get(2));

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

    /** Fluent, on topic, no stock phrase, nothing a journalist could check or quote: today's machine-written pitch. */
    static final List<String> GENERIC = List.of(
            "Shift work disrupts the body's natural circadian rhythm, which can make restful sleep difficult. Many "
                    + "workers find that a consistent routine, limiting light exposure and prioritising sleep hygiene make "
                    + "a meaningful difference over time.",
            "Melatonin can help some people adjust their sleep timing, but its effectiveness varies from person to "
                    + "person. It is generally best to consult a healthcare professional before starting any supplement.",
            "Employers can support their teams by designing schedules thoughtfully, encouraging adequate rest between "
                    + "shifts and fostering a culture where wellbeing is taken seriously.");

    @Autowired
    IncompleteEventPublications incompleteEvents;

    /**
     * Each test starts and ends with screening having seen no earlier pitch: the tests share texts (a good answer here
     * is part of a mixed pitch there), and one test's pitch would read as a copy in the next, or in another class's
     * test on the same database (the source journey's pitch is a rewording of {@link #GOOD}).
     */
    @BeforeEach
    @AfterEach
    void screeningRemembersNoEarlierPitch() {
        for (String memory : List.of("pitch_meaning_band", "pitch_meaning", "pitch_band", "pitch_signature")) {
            jdbc.sql("delete from " + memory).update();
        }
    }

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
        assertThat(score(filler)).isLessThan(score(good) - 25);
        assertThat(flagged(filler)).isTrue();
        // The few signals that moved each score most, in words (and their effect in points).
        assertThat(reasons(offTopic)).contains("the answers are about something else");
        for (String pitch : List.of(good, offTopic, filler)) {
            assertThat(jdbc.sql("select jsonb_array_length(reasons) from pitch where public_id = cast(:id as uuid)")
                    .param("id", id(pitch)).query(Integer.class).single()).isGreaterThanOrEqualTo(2);
        }
        // However low the score, the weighed reasons each say how many points they are worth (a score of 0 that several
        // signals reach on their own once showed every reason at 0 points, and the inbox "no strong signals").
        for (String pitch : List.of(offTopic, filler)) {
            assertThat(jdbc.sql("select count(*) from pitch, jsonb_array_elements(reasons) r where public_id = cast(:id as "
                    + "uuid) and (r ->> 'warning')::boolean and (r ->> 'effect')::int < 0").param("id", id(pitch))
                    .query(Integer.class).single()).as(pitch).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void theSameTextSentToOtherQueriesIsATemplateAndAnotherSourcesTextIsACopy() {
        CurrentUser journalist = accounts.journalist();
        long first = queries.by(journalist).publish();
        long second = queries.by(journalist).publish();
        long third = queries.by(journalist).publish();
        CurrentUser templater = accounts.source();
        String original = send(templater, first, GOOD_THREE);
        String secondSend = send(templater, second, GOOD_THREE);
        assertThat(flagged(original)).isFalse();
        assertThat(flagged(secondSend)).isFalse();

        // The third query with the same text: a mass mailing, and its first sends were part of it.
        String again = send(templater, third, GOOD_THREE);
        assertThat(flagged(again)).isTrue();
        assertThat(reasons(again)).contains("near-identical to 2 pitches this source sent to other queries");
        assertThat(flagged(original)).isTrue();
        assertThat(reasons(original)).contains("this source sent the same text to several queries (a mass mailing)");
        assertThat(flagged(secondSend)).isTrue();

        // Another source's words are a copy. The earlier pitch may be the original someone took: it joins the copy's
        // cluster, unflagged. A third source with the same words means one hand wrote them all.
        long fourth = queries.by(journalist).publish();
        String firstOfOther = send(accounts.source(), fourth, GOOD_FIVE);
        String copy = send(accounts.source(), fourth, GOOD_FIVE);
        assertThat(flagged(copy)).isTrue();
        assertThat(reasons(copy)).contains("the same text as another source's pitch");
        assertThat(flagged(firstOfOther)).isFalse();
        assertThat(cluster(firstOfOther)).isEqualTo(cluster(copy)).isNotNull();

        String thirdCopy = send(accounts.source(), fourth, GOOD_FIVE);
        assertThat(flagged(thirdCopy)).isTrue();
        assertThat(flagged(firstOfOther)).isTrue();
        assertThat(reasons(firstOfOther)).contains("the same text came later from another source");

        // One expert's answer reused on two queries, then one copier: still one copier, and the expert is not flagged.
        long fifth = queries.by(journalist).publish();
        long sixth = queries.by(journalist).publish();
        CurrentUser expert = accounts.source();
        String onFifth = send(expert, fifth, GOOD_SIX);
        String onSixth = send(expert, sixth, GOOD_SIX);
        String copier = send(accounts.source(), sixth, GOOD_SIX);
        assertThat(flagged(copier)).isTrue();
        assertThat(flagged(onFifth)).isFalse();
        assertThat(flagged(onSixth)).isFalse();
    }

    /** One agency's template, lightly reworded per expert: the same pitch with other names and a few other words. */
    static final List<List<String>> REWORDED = List.of(
            List.of("I'm reaching out on behalf of Dr. Anna Weiss, a sleep physician and a nationally recognised voice on "
                            + "shift work, who would bring real value to your story.",
                    "Dr. Weiss can speak to why healthy sleep matters more than ever for night workers, the trends reshaping "
                            + "sleep medicine, and what employers should keep in mind.",
                    "She is available for a phone or Zoom conversation before your deadline, and I'm happy to send over her "
                            + "bio and headshot right away."),
            List.of("I'm writing on behalf of Dr. Paul Grant, a sleep physician and a nationally recognised voice on "
                            + "shift work, who would bring real value to your article.",
                    "Dr. Grant can speak to why healthy sleep matters more than ever for night workers, the trends changing "
                            + "sleep medicine, and what employers should keep in mind.",
                    "He is available for a phone or video conversation before your deadline, and I'm glad to send over his "
                            + "bio and headshot right away."),
            List.of("I'm reaching out on behalf of Dr. Maria Costa, a sleep doctor and a nationally recognised voice on "
                            + "shift work, who would bring real value to your piece.",
                    "Dr. Costa can talk about why healthy sleep matters more than ever for night workers, the trends "
                            + "reshaping sleep medicine, and what employers should keep in mind.",
                    "She is available for a phone or Zoom call before your deadline, and I'm happy to send over her bio and "
                            + "headshot straight away."));

    @Test
    void rewordedCopiesFromOtherSourcesFormOneClusterThatTheInboxShowsAsOneEntry() throws Exception {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        String good = send(accounts.source(), query, GOOD_FOUR);
        List<String> template = REWORDED.stream().map(answers -> send(accounts.source(), query, answers)).toList();
        String copy = send(accounts.source(), query, REWORDED.get(0));

        // One cluster: the three rewordings and the verbatim copy, and not the expert's own pitch.
        List<String> members = new java.util.ArrayList<>(template);
        members.add(copy);

        for (String member : members) {
            assertThat(cluster(member)).as(member).isEqualTo(cluster(template.get(0))).isNotNull();
        }
        assertThat(cluster(good)).isNull();
        assertThat(members).allMatch(this::flagged);
        assertThat(flagged(good)).isFalse();

        String inbox = mvc.get().uri("/queries/" + query + "/pitches").with(as(journalist)).exchange().getResponse()
                .getContentAsString();
        assertThat(inbox.split("data-pitch-row", -1)).hasSize(3); // two entries: the expert and the template
        assertThat(inbox).contains("+3 similar").contains(id(template.get(0))).doesNotContain(id(template.get(1)))
                .doesNotContain(id(copy)).contains(id(good));
        String opened = mvc.get().uri("/queries/" + query + "/pitches?similar=" + id(template.get(0))).with(as(journalist))
                .exchange().getResponse().getContentAsString();
        assertThat(opened).contains("These 4 pitches from different sources say nearly the same thing")
                .contains(id(template.get(1))).contains(id(template.get(2))).contains(id(copy)).doesNotContain(id(good))
                .doesNotContain("+3 similar");
        // Another journalist's pitch opens nothing here; a malformed one is a bad request, not an error.
        long other = queries.by(accounts.journalist()).publish();
        String foreign = send(accounts.source(), other, GOOD_FOUR);
        assertThat(mvc.get().uri("/queries/" + query + "/pitches?similar=" + id(foreign)).with(as(journalist)))
                .hasStatusOk().bodyText().contains("No pitches");
        assertThat(mvc.get().uri("/queries/" + query + "/pitches?similar=nope").with(as(journalist))).hasStatus(400);
    }

    @Test
    void aPitchThatLeavesMostQuestionsUnansweredIsFlagged() {
        long query = queries.by(accounts.journalist()).publish();
        String partial = send(accounts.source(), query, List.of(GOOD.get(0), "See above.", "Happy to discuss."));

        assertThat(flagged(partial)).isTrue();
        assertThat(score(partial)).isLessThan(50);
        assertThat(reasons(partial)).containsAnyOf("most of the questions are not answered",
                "half or fewer of the questions are answered", "points elsewhere (a call, a website) instead of answering",
                "half or more of the questions get a few words at most");
    }

    @Test
    void aPitchWithOneRealAnswerAndAFewWordsForTheRestIsFlaggedAndTheSourceIsToldInGeneralTerms() throws Exception {
        long query = queries.by(accounts.journalist()).publish();
        CurrentUser source = accounts.source();
        // Every question "answered" (three words or more), but only the first with anything in it.
        List<String> thin = List.of(GOOD.get(0), "Depends on the dose.", "Weekly rotas mostly.");

        assertThat(preflight(source, query, thin)).contains("Question 2 is answered in a few words")
                .doesNotContain("not answered yet");
        String partial = send(source, query, thin);
        assertThat(flagged(partial)).isTrue();
        assertThat(reasons(partial)).contains("half or more of the questions get a few words at most");
    }

    @Test
    void aOneQuestionQueryAnsweredInAFewWordsIsToldSoWithoutAQuestionNumber() throws Exception {
        long query = queries.by(accounts.journalist()).about("Shift work and sleep: one question",
                List.of("What is the biggest mistake shift workers make about sleep?"), "Sleep doctors.", "General").publish();

        assertThat(preflight(accounts.source(), query, List.of("Too little sleep, mostly.")))
                .contains("The answer is a few words").doesNotContain("Question 1");
    }

    @Test
    void theInboxSortsBestFirstAndSaysHowManyItsFiltersHide() throws Exception {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        String offTopic = send(accounts.source(), query, OFF_TOPIC);
        String good = send(accounts.source(), query, GOOD_TOO);

        String body = mvc.get().uri("/queries/" + query + "/pitches").with(as(journalist)).exchange().getResponse()
                .getContentAsString();
        assertThat(body.indexOf("row-" + id(good))).isPositive().isLessThan(body.indexOf("row-" + id(offTopic)));
        assertThat(body).contains("score ").contains("the answers are about something else");
        assertThat(mvc.get().uri("/queries/" + query + "/pitches?hideFlagged=true").with(as(journalist))).hasStatusOk()
                .bodyText().contains("1 pitch is hidden by your filters.").doesNotContain("row-" + id(offTopic));
        assertThat(mvc.get().uri("/queries/" + query + "/pitches?minScore=50&sort=bogus").with(as(journalist))).hasStatusOk()
                .bodyText().contains("1 pitch is hidden by your filters.").doesNotContain("row-" + id(offTopic));
        assertThat(mvc.get().uri("/queries/" + query + "/pitches?minScore=abc").with(as(journalist))).hasStatusOk();
    }

    @Test
    void aPitchIsScreenedJustAfterItIsStoredAndShowsAsBeingScreenedUntilThen() throws Exception {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        String pitch = send(accounts.source(), query, MIXED);
        assertThat(screened(pitch)).isTrue();

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
        String pitch = send(accounts.source(), query, List.of(GOOD_THREE.get(0), GOOD.get(1), GOOD_TOO.get(2)));
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
        assertThat(screened(pitch)).isTrue();
        assertThat(reasons(pitch)).contains("source: new");
    }

    @Test
    void aFluentGenericPitchIsFlaggedAndItsSourceIsCoachedWithoutBeingToldWhatGaveItAway() throws Exception {
        long query = queries.by(accounts.journalist()).publish();
        CurrentUser source = accounts.source();

        assertThat(preflight(source, query, GENERIC)).contains("would be flagged").contains("Add a number")
                .doesNotContain("machine-written").doesNotContain("worded like");
        // One figure in it is still fewer specifics than usual: the tip stays.
        assertThat(preflight(source, query, List.of(GENERIC.get(0) + " I have seen this with the 40 nurses on my ward.",
                GENERIC.get(1), GENERIC.get(2)))).contains("Add a number");
        String generic = send(source, query, GENERIC);
        assertThat(flagged(generic)).isTrue();
        // Where the wording alone is sure (stock phrases and sales talk), the source is told to write as themselves.
        assertThat(preflight(source, query, FILLER)).contains("Write as yourself").doesNotContain("worded like");
    }

    @Test
    void thePitchFormCoachesInGeneralTermsBeforeSending() throws Exception {
        long query = queries.by(accounts.journalist()).publish();
        CurrentUser source = accounts.source();

        String weak = preflight(source, query, List.of(FILLER.get(0), "", ""));
        assertThat(weak).contains("Before you send").contains("would be flagged").contains("Question 2 is not answered yet.")
                .contains("Question 3 is not answered yet.").doesNotContain("<html");
        // Never the phrases screening looks for, nor the journalists' reasons word for word.
        assertThat(weak).doesNotContain("fast-paced").doesNotContain("stock phrases").doesNotContain("filler");
        // (A mix of the good answers, so it is no other test's pitch: that one would read as a copy.)
        assertThat(preflight(source, query, List.of(GOOD.get(0), GOOD_THREE.get(1), GOOD_TOO.get(2))))
                .contains("Looks good").doesNotContain("would be flagged");
        assertThat(jdbc.sql("select count(*) from pitch where query_id = :q").param("q", query).query(Integer.class).single()).isZero();
    }

    @Test
    void anOversizedDraftIsNotScreenedSoItCannotCostSecondsPerKeystroke() throws Exception {
        long query = queries.by(accounts.journalist()).publish();
        CurrentUser source = accounts.source();
        // One "word" of 60,000 characters: within the word limit, but thousands of word pieces for the model.
        String hyphenated = "sleep-".repeat(10_000);
        String tooManyWords = "Night shifts change how nurses sleep. ".repeat(80);

        for (List<String> oversized : List.of(List.of(hyphenated, "", ""), List.of(tooManyWords, "", ""))) {
            assertThat(preflight(source, query, oversized)).contains("within the word limit")
                    .doesNotContain("would be flagged").doesNotContain("Looks good");
        }
        assertThat(post(source, query, List.of(hyphenated, "", ""))).hasStatusOk().bodyText()
                .contains("Keep each answer under 4,000 characters.").contains("within the word limit");
    }

    @Test
    void thePitchFormNeverTellsASourceThatAnotherSourceSentSimilarText() throws Exception {
        long query = queries.by(accounts.journalist()).publish();
        List<String> answers = List.of(
                "Sleeping straight after a night shift in a bright room. On the ward I manage at Leicester Royal "
                        + "Infirmary, 19 of our 26 night nurses said in March they sleep under five hours after nights.",
                "At 0.5 mg three hours before the day sleep it helped four of the six nurses who tried it with our "
                        + "occupational health team; none needed more.",
                "Stop scheduling a day shift straight after nights. We changed our rota in 2024 and sickness absence on "
                        + "nights fell from 6.1% to 4.3% in a year.");
        send(accounts.source(), query, answers);

        String coaching = preflight(accounts.source(), query, answers);
        assertThat(coaching).doesNotContainIgnoringCase("another source").doesNotContainIgnoringCase("other sources")
                .doesNotContainIgnoringCase("copied").doesNotContain("own words").doesNotContain("The tips below");
    }

    @Test
    void anExpertAnsweringWhatAnotherSourceAnsweredIsNeitherCalledATemplateNorCoachedAboutIt() throws Exception {
        // One sleep expert, then, on another journalist's query, a second one on the same two points.
        send(accounts.source(), queries.by(accounts.journalist()).publish(), GOOD);
        long query = queries.by(accounts.journalist()).about("Night shifts and sleep: what clinicians see",
                List.of("What do night workers get wrong about sleep?", "Does melatonin help day sleepers?"), "", "General")
                .publish();
        List<String> answers = List.of(
                "I run the sleep lab at St Anne's in Leeds; of 212 night nurses we tested in 2024, 61% slept under 5 hours "
                        + "after a run of three nights, mostly because they napped late and then fought daylight at 8am.",
                "It helps a little if taken at the right time: 0.5 mg about three hours before the planned daytime sleep "
                        + "shifted our nurses' sleep onset by roughly 40 minutes; the 10 mg gummies people buy mostly cause "
                        + "grogginess.");

        // Its meaning is nearer another source's pitch than most pitches are to theirs (the same questions, the
        // same subject) but far from a rewording, and neither the journalist nor the source is told otherwise.
        String coaching = preflight(accounts.source(), query, answers);
        String pitch = send(accounts.source(), query, answers);
        assertThat(signal(pitch, Signal.PARAPHRASE)).isGreaterThan(0.6).isLessThan(ScreeningService.PARAPHRASE);
        assertThat(coaching).doesNotContain("own words");
        assertThat(reasons(pitch)).doesNotContain("reworded");
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
        // The list is cached for the screening of every pitch; a change here counts for the next pitch at once (as one
        // of its signals, never shown to sources).
        CurrentUser journalist = accounts.journalist();
        List<String> filler = List.of(GOOD.get(0) + " Let us " + phrase + " on this.", GOOD.get(1), GOOD.get(2));
        String with = send(accounts.source(), queries.by(journalist).publish(), filler);
        assertThat(fillerSignal(with)).isPositive();
        assertThat(preflight(accounts.source(), queries.by(journalist).publish(), filler)).doesNotContain(phrase);
        assertThat(mvc.post().uri("/admin/boilerplate/" + id + "/delete").with(csrf()).with(as(admin))).hasRedirectedUrl("/admin/boilerplate");
        String without = send(accounts.source(), queries.by(journalist).publish(), filler);
        assertThat(fillerSignal(without)).isZero();
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
        MockMvcRequestBuilder post = mvc.post().uri("/queries/" + query + "/pitch/preflight").with(csrf())
                .with(as(source)).header("HX-Request", "true");
        for (int i = 0; i < answers.size(); i++) {
            post.param("answers[" + i + "]", answers.get(i));
        }
        return post.exchange().getResponse().getContentAsString();
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

    private Long cluster(String path) {
        return jdbc.sql("select cluster_id from pitch where public_id = cast(:id as uuid)").param("id", id(path))
                .query(Long.class).optional().orElse(null);
    }

    private boolean screened(String path) {
        return jdbc.sql("select score is not null from pitch where public_id = cast(:id as uuid)").param("id", id(path))
                .query(Boolean.class).single();
    }

    private double fillerSignal(String path) {
        return signal(path, Signal.FILLER);
    }

    private double signal(String path, Signal signal) {
        return jdbc.sql("select cast(signals->>:key as float8) from pitch where public_id = cast(:id as uuid)")
                .param("key", signal.key()).param("id", id(path)).query(Double.class).single();
    }

    private static String id(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
