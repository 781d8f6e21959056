package org.sourcewire.dashboards;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.SqlStatements;
import org.sourcewire.accounts.CurrentUser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public transparency page. Other tests share the database and write queries and pitches of this month, so the
 * figures checked here are of a month nine months back, which only one test writes.
 */
class TransparencyTests extends IntegrationTest {

    static final int MONTHS_AGO = 9;

    @Autowired
    DashboardRows rows;

    @Autowired
    Transparency transparency;

    @Test
    void anyoneSeesEachMonthsQueriesMedianPitchesScreenedOutShareTimeToFirstQualifiedPitchAndPlacements() {
        fixture(MONTHS_AGO);
        transparency.forget();

        Document page = anonymousPage();

        Element month = page.selectFirst("#transparency-table tr[data-month=" + label() + "]");
        assertThat(month).isNotNull();
        assertThat(cell(month, "queries")).isEqualTo("3");
        assertThat(cell(month, "median-pitches")).isEqualTo("1.0");
        assertThat(cell(month, "pitches")).isEqualTo("5");
        assertThat(cell(month, "screened-out")).isEqualTo("20.0 %");
        assertThat(cell(month, "to-qualified")).isEqualTo("3 h");
        assertThat(cell(month, "placements")).isEqualTo("4");
        Element placements = page.selectFirst("table[data-table=chart-transparency-placements]");
        assertThat(placements.select("thead th").eachText()).containsExactly("Label", "Followed link", "nofollow link",
                "Sponsored link", "UGC link", "No link found", "Not read yet");
        assertThat(SourceDashboardTests.row(placements, label())).containsExactly("1", "1", "0", "0", "1", "1");
        assertThat(page.select("#transparency-table tbody tr")).hasSize(12);
        assertThat(page.select("canvas[data-chart]")).hasSize(4);
    }

    @Test
    void itNamesNoPersonAndNoQuery() {
        fixture(MONTHS_AGO + 1);
        transparency.forget();

        String html = anonymousHtml();

        assertThat(html).doesNotContain(HEADLINE).doesNotContain("Jane Journalist").doesNotContain("Sam Source")
                .doesNotContain("Expert ").doesNotContain("@example.com").doesNotContain("news.example");
    }

    @Test
    void itIsReadInAFixedFewStatementsAndLinkedFromEveryPagesFooter() {
        anonymousPage();
        SqlStatements.reset();
        assertThat(mvc.get().uri("/").exchange()).hasStatusOk();
        long landing = SqlStatements.count();
        transparency.forget();
        SqlStatements.reset();
        anonymousPage();
        // Two statements more than the landing page (whatever the layout reads), however many rows; then none.
        assertThat(SqlStatements.count() - landing).isEqualTo(2);
        SqlStatements.reset();
        anonymousPage();
        assertThat(SqlStatements.count()).isEqualTo(landing);
        assertThat(anonymousPage().select("footer a[href=/transparency]").text()).isEqualTo("Transparency");
    }

    @Test
    void theFiguresAreKeptForTenMinutesThenReadAgain() {
        transparency.forget();
        String before = queriesOfThisMonth();
        rows.query(accounts.journalist().id(), sources.newTopic("Cache"), HEADLINE, clock.instant().minusSeconds(60));
        assertThat(queriesOfThisMonth()).isEqualTo(before);
        try {
            clock.advance(Duration.ofMinutes(11));
            assertThat(Integer.parseInt(queriesOfThisMonth())).isGreaterThan(Integer.parseInt(before));
        }
        finally {
            clock.reset();
            transparency.forget();
        }
    }

    private String queriesOfThisMonth() {
        String label = Months.label(YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)));
        return cell(anonymousPage().selectFirst("#transparency-table tr[data-month=" + label + "]"), "queries");
    }

    static final String HEADLINE = "Transparency fixture: sleep and night shifts";

    /**
     * Three queries published in the month: four pitches to the first (the one after an hour flagged, the first
     * qualified after two), one good pitch after four hours to the second, none to the third. Placements confirmed
     * that month: a followed link, a nofollow link, an article without a link, one not read yet, and one only proposed.
     */
    private void fixture(int monthsAgo) {
        CurrentUser journalist = accounts.journalist();
        long topic = sources.newTopic("Transparency");
        Instant published = DashboardRows.midMonth(clock.instant(), ZoneOffset.UTC, monthsAgo);
        long q1 = rows.query(journalist.id(), topic, HEADLINE, published);
        long q2 = rows.query(journalist.id(), topic, HEADLINE, published);
        rows.query(journalist.id(), topic, HEADLINE, published);
        long[] pitches = new long[5];
        for (int i = 0; i < 4; i++) {
            pitches[i] = rows.pitch(q1, sources.profile(accounts.source()), "USED", i == 0,
                    published.plus(Duration.ofHours(1 + i)), null);
        }
        pitches[4] = rows.pitch(q2, sources.profile(accounts.source()), "USED", false, published.plus(Duration.ofHours(4)), null);
        Instant confirmed = published.plus(Duration.ofDays(2));
        rows.placement(pitches[0], "CONFIRMED", "FOLLOWED", true, confirmed);
        rows.placement(pitches[1], "CONFIRMED", "NOFOLLOW", true, confirmed);
        rows.placement(pitches[2], "CONFIRMED", null, true, confirmed);
        rows.placement(pitches[3], "CONFIRMED", null, false, confirmed);
        rows.placement(pitches[4], "PROPOSED", "FOLLOWED", true, confirmed);
    }

    private String label() {
        return Months.label(YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).minusMonths(MONTHS_AGO));
    }

    private static String cell(Element row, String column) {
        return row.selectFirst("td[data-col=" + column + "]").text();
    }

    private String anonymousHtml() {
        MvcTestResult result = mvc.get().uri("/transparency").exchange();
        assertThat(result).hasStatusOk();
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        }
        catch (java.io.UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private Document anonymousPage() {
        return Jsoup.parse(anonymousHtml());
    }
}
