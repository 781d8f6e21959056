package org.sourcewire.dashboards;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.matching.TestSources;
import org.sourcewire.queries.PitchRows;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.sourcewire.dashboards.DashboardRows.midMonth;

/** The source's own figures at /dashboard/pitches: month by month, win rate by topic, placements by link type. */
class SourceDashboardTests extends IntegrationTest {

    /** The zone TestSources gives a profile: the months are the source's own. */
    static final ZoneId ZONE = ZoneId.of("America/New_York");

    @Autowired
    DashboardRows rows;

    @Test
    void theSourceSeesTheirPitchesMonthByMonthWinRatesBesideThePlatformAndPlacementsByLinkType() {
        Fixture f = fixture();

        Document page = page(f.source, "/dashboard/pitches");

        Element activity = page.selectFirst("table[data-table=chart-activity]");
        assertThat(header(activity)).containsExactly("Label", "Sent", "Viewed", "Shortlisted", "Used", "Declined");
        assertThat(row(activity, f.twoMonthsAgo)).containsExactly("1", "1", "0", "0", "0");
        assertThat(row(activity, f.lastMonth)).containsExactly("0", "0", "1", "1", "0");
        assertThat(row(activity, f.thisMonth)).containsExactly("4", "3", "0", "2", "1");
        assertThat(activity.select("tbody tr")).hasSize(12);

        Element rates = page.selectFirst("table[data-table=win-rate]");
        assertThat(row(rates, f.topic)).containsExactly("3", "1", "33.3 %", "13.0 % of 23 pitches");
        assertThat(row(rates, f.smallTopic)).containsExactly("2", "2", "100.0 %", "too few pitches yet (2)");

        Element placements = page.selectFirst("table[data-table=chart-placements]");
        assertThat(row(placements, "Followed link")).containsExactly("1");
        assertThat(row(placements, "No link found")).containsExactly("1");
        assertThat(row(placements, "nofollow link")).containsExactly("0");
        assertThat(row(placements, "Not read yet")).containsExactly("0");

        // The numbers reach the chart as JSON in an escaped attribute, never as script.
        assertThat(page.selectFirst("canvas#chart-activity").attr("data-chart")).contains("\"Sent\"");
        assertThat(page.select("script[src*=chart.umd.min.js]")).hasSize(1);
    }

    @Test
    void aDecisionTheJournalistCanStillTakeBackIsNotCountedYet() {
        CurrentUser source = accounts.source();
        long profile = sources.profile(source);
        long journalist = accounts.journalist().id();
        Instant now = clock.instant();
        long query = rows.query(journalist, sources.newTopic("Undo"), "Undo", now.minus(Duration.ofHours(3)));
        long pitch = rows.pitch(query, profile, "SHORTLISTED", false, now.minus(Duration.ofHours(2)), null);
        rows.change(pitch, "SHORTLISTED", now.minus(Duration.ofSeconds(2)));
        jdbc.sql("""
                insert into pitch_undo (pitch_id, journalist_id, previous_status, decided_status, expires_at)
                values (:pitch, :journalist, 'SUBMITTED', 'SHORTLISTED', :expires)""")
                .param("pitch", pitch).param("journalist", journalist)
                .param("expires", java.sql.Timestamp.from(now.plusSeconds(8))).update();

        Element activity = page(source, "/dashboard/pitches").selectFirst("table[data-table=chart-activity]");

        assertThat(row(activity, Months.label(java.time.YearMonth.from(now.atZone(ZONE)))))
                .containsExactly("1", "0", "0", "0", "0");
    }

    @Test
    void anotherSourceSeesOnlyTheirOwnEmptyDashboardWithTheWayToTheFeed() {
        fixture();
        CurrentUser other = accounts.source();
        sources.profile(other);

        Document page = page(other, "/dashboard/pitches");

        assertThat(page.select("main").text()).contains("You have not sent a pitch yet");
        assertThat(page.select("main a[href=/feed]")).isNotEmpty();
        assertThat(page.select("table")).isEmpty();
        assertThat(page.select("script[src*=chart.umd]")).isEmpty();
    }

    @Test
    void aSourceWithPitchesButNoPlacementIsToldWhatBringsOne() {
        CurrentUser source = accounts.source();
        long profile = sources.profile(source);
        long query = rows.query(accounts.journalist().id(), sources.newTopic("Plain"), "Plain",
                clock.instant().minus(Duration.ofDays(1)));
        rows.pitch(query, profile, "SUBMITTED", false, clock.instant().minus(Duration.ofHours(20)), null);

        Document page = page(source, "/dashboard/pitches");

        assertThat(page.select("#placements-heading").first().parent().text())
                .contains("No confirmed placements yet");
        assertThat(page.select("table[data-table=chart-placements]")).isEmpty();
    }

    @Test
    void journalistsAndAdminsHaveNoPitchDashboardAndAnonymousVisitorsMustLogIn() {
        assertThat(mvc.get().uri("/dashboard/pitches").with(as(accounts.journalist())).exchange())
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/dashboard/pitches").with(as(accounts.admin())).exchange())
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/dashboard/pitches").exchange()).hasStatus3xxRedirection();
    }

    @Test
    void theSourcesDashboardCardLinksToTheFigures() {
        CurrentUser source = accounts.source();
        assertThat(page(source, "/dashboard").select("a[href=/dashboard/pitches]").text())
                .isEqualTo("Your pitches in figures");
    }

    // --- fixture ---

    record Fixture(CurrentUser source, String topic, String smallTopic, String twoMonthsAgo, String lastMonth,
            String thisMonth) {
    }

    /**
     * One source's pitches: two months ago one sent and opened, shortlisted and used last month (with a followed
     * link); this month two more to the same topic (one declined), and two used in a second topic (one article
     * without a link, one only proposed). Twenty pitches of other sources to the first topic, two of them used.
     */
    private Fixture fixture() {
        CurrentUser source = accounts.source();
        long profile = sources.profile(source);
        long journalist = accounts.journalist().id();
        long topic = sources.newTopic("Sleep");
        long smallTopic = sources.newTopic("Beekeeping");
        Instant now = clock.instant();
        Instant twoMonthsAgo = midMonth(now, ZONE, 2);
        Instant lastMonth = midMonth(now, ZONE, 1);
        Instant thisMonth = YearMonthStart.of(now, ZONE);

        long q1 = rows.query(journalist, topic, "Sleep one", twoMonthsAgo.minus(Duration.ofHours(1)));
        long used = rows.pitch(q1, profile, "USED", false, twoMonthsAgo, twoMonthsAgo.plus(Duration.ofHours(1)));
        rows.change(used, "VIEWED", twoMonthsAgo.plus(Duration.ofHours(1)));
        rows.change(used, "SHORTLISTED", lastMonth);
        rows.change(used, "USED", lastMonth.plus(Duration.ofDays(1)));
        rows.placement(used, "CONFIRMED", "FOLLOWED", true, lastMonth.plus(Duration.ofDays(1)));

        long q2 = rows.query(journalist, topic, "Sleep two", thisMonth);
        long declined = rows.pitch(q2, profile, "DECLINED", false, thisMonth.plusSeconds(60), null);
        // Declined from the inbox without opening the pitch's page: seen all the same.
        rows.change(declined, "DECLINED", thisMonth.plusSeconds(120));
        long q3 = rows.query(journalist, topic, "Sleep three", thisMonth);
        rows.pitch(q3, profile, "SUBMITTED", false, thisMonth.plusSeconds(60), null);

        for (int i = 0; i < 2; i++) {
            long q = rows.query(journalist, smallTopic, "Bees " + i, thisMonth);
            long pitch = rows.pitch(q, profile, "USED", false, thisMonth.plusSeconds(60), null);
            rows.change(pitch, "USED", thisMonth.plusSeconds(90));
            rows.placement(pitch, i == 0 ? "CONFIRMED" : "PROPOSED", null, true, thisMonth.plusSeconds(100));
        }

        long others = rows.query(journalist, topic, "Sleep for others", thisMonth);
        PitchRows.insert(jdbc, others, "USED", "USED", "SUBMITTED", "SUBMITTED", "SUBMITTED", "SUBMITTED", "SUBMITTED",
                "SUBMITTED", "SUBMITTED", "SUBMITTED", "SUBMITTED", "SUBMITTED", "SUBMITTED", "SUBMITTED", "SUBMITTED",
                "SUBMITTED", "SUBMITTED", "SUBMITTED", "SUBMITTED", "SUBMITTED");
        return new Fixture(source, sources.topicName(topic), sources.topicName(smallTopic),
                Months.label(java.time.YearMonth.from(twoMonthsAgo.atZone(ZONE))),
                Months.label(java.time.YearMonth.from(lastMonth.atZone(ZONE))),
                Months.label(java.time.YearMonth.from(now.atZone(ZONE))));
    }

    /** Early in the current month (but never in the future): where this month's rows go. */
    static final class YearMonthStart {

        static Instant of(Instant now, ZoneId zone) {
            Instant start = java.time.YearMonth.from(now.atZone(zone)).atDay(1).atStartOfDay(zone).toInstant();
            Instant early = start.plus(Duration.ofHours(1));
            return early.isAfter(now.minus(Duration.ofMinutes(10))) ? now.minus(Duration.ofMinutes(10)) : early;
        }
    }

    // --- helpers ---

    static List<String> header(Element table) {
        return table.select("thead th").eachText();
    }

    /** The cells of the row headed by this label. */
    static List<String> row(Element table, String label) {
        assertThat(table).isNotNull();
        for (Element tr : table.select("tbody tr")) {
            if (tr.selectFirst("th").text().equals(label)) {
                return tr.select("td").eachText();
            }
        }
        throw new AssertionError("no row " + label + " in " + table.text());
    }

    Document page(CurrentUser user, String path) {
        MvcTestResult result = mvc.get().uri(path).with(as(user)).exchange();
        assertThat(result).hasStatusOk();
        try {
            return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        }
        catch (java.io.UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
