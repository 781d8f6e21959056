package org.sourcewire.queries;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.sourcewire.Concurrently;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.CurrentUser;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

class QueryFormTests extends IntegrationTest {

    static Stream<Arguments> badQueries() {
        return Stream.of(
                Arguments.of("empty headline", "headline", "", "Enter a headline."),
                Arguments.of("too long headline", "headline", "h".repeat(201), "Use at most 200 characters."),
                Arguments.of("deadline in the past", "deadline", QueryMother.deadlineInHours(-2), "at least one hour from now"),
                Arguments.of("deadline too soon", "deadline", QueryMother.deadlineInHours(0), "at least one hour from now"),
                Arguments.of("deadline too far", "deadline", QueryMother.deadlineInHours(24 * 31), "at most 30 days away"),
                Arguments.of("deadline not a date", "deadline", "tomorrow", "Enter a date and time."),
                Arguments.of("no deadline", "deadline", "", "Choose a deadline."),
                Arguments.of("unknown time zone", "timeZone", "Mars/Olympus", "Choose a time zone from the list."),
                Arguments.of("bad outlet URL", "outletUrl", "ledger dot com", "Enter a full web address"),
                Arguments.of("no outlet", "outletName", "", "Enter the outlet this is for."),
                Arguments.of("no topic", "topicId", "", "Choose the topic of your query."),
                Arguments.of("topic not a number", "topicId", "x", "Choose the topic of your query."),
                Arguments.of("no media type", "mediaType", "", "Choose the media type."),
                Arguments.of("unknown media type", "mediaType", "TELEPATHY", "Choose the media type."),
                Arguments.of("no link policy", "linkPolicy", "", "Say whether you will link to the source."),
                Arguments.of("zero cap", "pitchCap", "0", "Enter a cap of at least 1"),
                Arguments.of("cap not a number", "pitchCap", "many", "Enter a whole number."),
                Arguments.of("too long requirements", "requirements", "r".repeat(1001), "Use at most 1,000 characters."),
                Arguments.of("too long question", "questions[0]", "q".repeat(501), "Use at most 500 characters per question."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badQueries")
    void badInputGetsAFieldMessageAndSavesNothing(String label, String field, String value, String message) {
        CurrentUser journalist = accounts.journalist();
        var post = QueryMother.complete(mvc.post().uri("/queries").with(csrf()).with(as(journalist)), topic(), field, value)
                .param("action", "submit");

        assertThat(post).hasStatusOk().bodyText().contains(message).doesNotContain("Exception");
        assertThat(count(journalist)).isZero();
    }

    @Test
    void noQuestionsOrSixQuestionsAreRefused() {
        CurrentUser journalist = accounts.journalist();
        var none = mvc.post().uri("/queries").with(csrf()).with(as(journalist)).param("action", "submit")
                .param("headline", "H").param("topicId", String.valueOf(topic())).param("outletName", "L")
                .param("outletUrl", "https://l.example").param("mediaType", "ONLINE").param("linkPolicy", "NO_LINK")
                .param("deadline", QueryMother.deadlineInHours(30)).param("timeZone", "Europe/Berlin")
                .param("questions[0]", "  ");
        assertThat(none).hasStatusOk().bodyText().contains("Ask at least one question.");

        var six = QueryMother.complete(mvc.post().uri("/queries").with(csrf()).with(as(journalist)), topic(),
                "questions[3]", "Four?", "questions[4]", "Five?", "questions[5]", "Six?").param("action", "submit");
        assertThat(six).hasStatusOk().bodyText().contains("Ask at most 5 questions.");
        assertThat(count(journalist)).isZero();
    }

    @Test
    void aDraftNeedsOnlyAHeadline() {
        CurrentUser journalist = accounts.journalist();

        assertThat(mvc.post().uri("/queries").with(csrf()).with(as(journalist)).param("action", "draft")
                .param("headline", "Idea: remote work burnout").param("timeZone", "Europe/London"))
                .hasStatus3xxRedirection();
        assertThat(count(journalist)).isEqualTo(1);
    }

    @Test
    void aDraftWithADeadlineNoCalendarHoldsIsRefusedBesideTheField() {
        CurrentUser journalist = accounts.journalist();
        for (String deadline : new String[] { "+999999999-12-31T23:59", "-999999999-01-01T00:00", "0001-01-01T00:00" }) {
            assertThat(mvc.post().uri("/queries").with(csrf()).with(as(journalist)).param("action", "draft")
                    .param("headline", "Idea: remote work burnout").param("timeZone", "Europe/London")
                    .param("deadline", deadline)).as(deadline).hasStatusOk().bodyText().contains("Enter a real date.");
        }
        assertThat(count(journalist)).isZero();
    }

    @Test
    void theDeadlineIsTakenInTheChosenTimeZone() {
        CurrentUser journalist = accounts.journalist();
        var result = QueryMother.complete(mvc.post().uri("/queries").with(csrf()).with(as(journalist)), topic(),
                "deadline", "2099-01-15T09:30", "timeZone", "Asia/Tokyo").param("action", "draft").exchange();
        long id = QueryLifecycleTests.idFrom(result);

        assertThat(jdbc.sql("select to_char(deadline at time zone 'UTC', 'YYYY-MM-DD HH24:MI') from journalist_query where id = :id")
                .param("id", id).query(String.class).single()).isEqualTo("2099-01-15 00:30");
        assertThat(mvc.get().uri("/queries/" + id).with(as(journalist))).bodyText().contains("Thu 15 Jan 2099, 09:30 (Asia/Tokyo)");
    }

    @Test
    void theNewQueryFormOffersCanonicalZonesByRegionAndStartsInTheBrowsersZone() throws Exception {
        CurrentUser journalist = accounts.journalist();
        Document form = Jsoup.parse(mvc.get().uri("/queries/new").with(as(journalist))
                .cookie(new Cookie("tz", "Asia%2FTokyo")).exchange().getResponse().getContentAsString());

        Element zones = form.selectFirst("select#timeZone");
        assertThat(zones.select("optgroup").eachAttr("label")).containsExactly("Africa", "America", "Asia", "Atlantic",
                "Australia", "Europe", "Indian", "Pacific", "UTC");
        assertThat(zones.select("option").eachAttr("value")).contains("Africa/Asmara", "America/New_York", "UTC")
                .doesNotContain("Africa/Asmera", "Asia/Calcutta", "US/Eastern", "GMT")
                .noneMatch(zone -> zone.startsWith("Etc/") || zone.startsWith("SystemV/"))
                .doesNotHaveDuplicates().hasSizeBetween(300, 450);
        assertThat(zones.select("option[selected]").eachAttr("value")).as("the browser's zone").containsExactly("Asia/Tokyo");
        assertThat(zones.selectFirst("option[value=Asia/Tokyo]").text()).isEqualTo("Tokyo, Japan (UTC+09:00)");
        assertThat(zones.selectFirst("option[value=America/Argentina/Buenos_Aires]").text())
                .startsWith("Buenos Aires, Argentina (UTC-03:00)");
        assertThat(form.selectFirst("input#deadline").attr("value")).as("two working days ahead at 17:00")
                .isEqualTo(twoWorkingDaysAhead(ZoneId.of("Asia/Tokyo")) + "T17:00");
    }

    @Test
    void aBrowserReportingAnOldZoneNameGetsTheListedZoneOfTheSameRules() throws Exception {
        CurrentUser journalist = accounts.journalist();
        Document form = Jsoup.parse(mvc.get().uri("/queries/new").with(as(journalist))
                .cookie(new Cookie("tz", "Asia%2FCalcutta")).exchange().getResponse().getContentAsString());

        assertThat(form.select("select#timeZone option[selected]").eachAttr("value")).containsExactly("Asia/Kolkata");
    }

    private static LocalDate twoWorkingDaysAhead(ZoneId zone) {
        LocalDate day = LocalDate.now(zone);
        for (int working = 0; working < 2; ) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                working++;
            }
        }
        return day;
    }

    @Test
    void questionRowsAreAddedAndRemovedWithHtmxAndWithoutJavaScript() {
        CurrentUser journalist = accounts.journalist();

        assertThat(mvc.post().uri("/queries/form/questions").with(csrf()).with(as(journalist)).header("HX-Request", "true")
                .param("questions[0]", "First?").param("addQuestion", "1"))
                .hasStatusOk().bodyText().contains("Question 2").doesNotContain("<html");
        assertThat(mvc.post().uri("/queries/form/questions").with(csrf()).with(as(journalist)).header("HX-Request", "true")
                .param("questions[0]", "First?").param("questions[1]", "Second?").param("removeQuestion", "0"))
                .hasStatusOk().bodyText().contains("Second?").doesNotContain("First?");
        assertThat(mvc.post().uri("/queries").with(csrf()).with(as(journalist)).param("headline", "H")
                .param("timeZone", "Europe/London").param("questions[0]", "First?").param("addQuestion", "1"))
                .hasStatusOk().bodyText().contains("Question 2").contains("Post a query");
        assertThat(count(journalist)).isZero();
    }

    @Test
    void anonymityNeedsAVerifiedOutlet() {
        CurrentUser journalist = accounts.journalist();

        assertThat(QueryMother.complete(mvc.post().uri("/queries").with(csrf()).with(as(journalist)), topic(),
                "anonymous", "true").param("action", "submit"))
                .hasStatusOk().bodyText().contains("Only journalists with a verified outlet may post anonymously");
        assertThat(count(journalist)).isZero();
    }

    @Test
    void aRetiredTopicCannotBeChosen() {
        CurrentUser journalist = accounts.journalist();
        long retired = jdbc.sql("insert into topic (name, retired_at) values (:n, now()) returning id")
                .param("n", "Retired " + System.nanoTime()).query(Long.class).single();

        assertThat(QueryMother.complete(mvc.post().uri("/queries").with(csrf()).with(as(journalist)), retired)
                .param("action", "submit")).hasStatusOk().bodyText().contains("This topic is retired.");
        assertThat(mvc.get().uri("/queries/new").with(as(journalist))).bodyText().doesNotContain("Retired ");
    }

    @Test
    void aTwiceSentNewQueryFormMakesOneQuery() {
        CurrentUser journalist = accounts.journalist();
        String key = UUID.randomUUID().toString();
        var first = QueryMother.complete(mvc.post().uri("/queries").with(csrf()).with(as(journalist)), topic(),
                "submissionKey", key).param("action", "submit").exchange();
        var second = QueryMother.complete(mvc.post().uri("/queries").with(csrf()).with(as(journalist)), topic(),
                "submissionKey", key).param("action", "submit").exchange();

        assertThat(count(journalist)).isEqualTo(1);
        assertThat(second).hasStatus3xxRedirection().hasRedirectedUrl(first.getResponse().getRedirectedUrl());
        assertThat(second.getMvcResult().getFlashMap().get("error")).as("the second answer is no error").isNull();
    }

    @Test
    void aNewQueryFormSentManyTimesAtOnceMakesOneQuery() throws Exception {
        CurrentUser journalist = accounts.journalist();
        String key = UUID.randomUUID().toString();
        List<MvcTestResult> clicks = Concurrently.run(6, n -> QueryMother.complete(mvc.post().uri("/queries")
                .with(csrf()).with(as(journalist)), topic(), "submissionKey", key).param("action", "submit").exchange());

        assertThat(clicks.stream().map(Concurrently::outcome)).containsOnly("302");
        assertThat(count(journalist)).isEqualTo(1);
    }

    @Test
    void aDoubleClickedDuplicateMakesOneCopy() throws Exception {
        CurrentUser journalist = accounts.journalist();
        var created = QueryMother.complete(mvc.post().uri("/queries").with(csrf()).with(as(journalist)), topic())
                .exchange();
        String query = created.getResponse().getRedirectedUrl();
        assertThat(mvc.get().uri(query).with(as(journalist))).bodyText().contains("name=\"submissionKey\"");
        String key = UUID.randomUUID().toString();
        List<MvcTestResult> clicks = Concurrently.run(4, n -> mvc.post().uri(query + "/duplicate").with(csrf())
                .with(as(journalist)).param("submissionKey", key).exchange());

        assertThat(clicks.stream().map(Concurrently::outcome)).containsOnly("302");
        assertThat(count(journalist)).isEqualTo(2);
    }

    private long topic() {
        return QueryMother.topicId(jdbc, "Biotech & Healthcare");
    }

    private long count(CurrentUser journalist) {
        return jdbc.sql("select count(*) from journalist_query where journalist_id = :id").param("id", journalist.id())
                .query(Long.class).single();
    }
}
