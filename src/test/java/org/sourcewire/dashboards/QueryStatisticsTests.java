package org.sourcewire.dashboards;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.CurrentUser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;

/** A query's statistics for its journalist: on their own page, and loaded into the query's page by htmx. */
class QueryStatisticsTests extends IntegrationTest {

    @Autowired
    DashboardRows rows;

    @Test
    void theJournalistSeesPitchesReceivedFlaggedShortlistedUsedAndTheTimesToTheFirstAndFirstGoodPitch() {
        CurrentUser journalist = accounts.journalist();
        long query = queryWithPitches(journalist);

        Document page = page(journalist, "/queries/" + query + "/statistics");

        assertThat(page.select("[data-stat=received]").text()).isEqualTo("4");
        assertThat(page.select("[data-stat=flagged]").text()).isEqualTo("1");
        assertThat(page.select("[data-stat=shortlisted]").text()).isEqualTo("1");
        assertThat(page.select("[data-stat=used]").text()).isEqualTo("1");
        assertThat(page.select("[data-stat=first-pitch]").text()).isEqualTo("30 min after publishing");
        assertThat(page.select("[data-stat=first-good-pitch]").text()).isEqualTo("1 h 30 min after publishing");
        assertThat(page.select("main").text()).contains("A good pitch is one screening did not flag");
    }

    @Test
    void theQueryPageLoadsTheStatisticsWithHtmxAndLinksToThemWithoutIt() {
        CurrentUser journalist = accounts.journalist();
        long query = queryWithPitches(journalist);

        Document detail = page(journalist, "/queries/" + query);
        assertThat(detail.select("[hx-get=/queries/" + query + "/statistics]")).hasSize(1);
        assertThat(detail.select("a[href=/queries/" + query + "/statistics]").text()).isEqualTo("Statistics of this query");

        MvcTestResult fragment = mvc.get().uri("/queries/" + query + "/statistics").header("HX-Request", "true")
                .with(as(journalist)).exchange();
        assertThat(fragment).hasStatusOk().bodyText().contains("data-stat=\"received\"").doesNotContain("<html")
                .doesNotContain("<footer");
    }

    @Test
    void anotherJournalistAndSourcesGet404AndAnAdminSeesTheStatistics() {
        long query = queryWithPitches(accounts.journalist());
        String path = "/queries/" + query + "/statistics";

        assertThat(mvc.get().uri(path).with(as(accounts.journalist())).exchange()).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri(path).header("HX-Request", "true").with(as(accounts.journalist())).exchange())
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri(path).with(as(accounts.source())).exchange()).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/queries/999999999/statistics").with(as(accounts.admin())).exchange())
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(page(accounts.admin(), path).select("[data-stat=received]").text()).isEqualTo("4");
    }

    @Test
    void aSourceReadingThePublishedQueryGetsNoStatisticsSlot() {
        long query = queryWithPitches(accounts.journalist());
        CurrentUser source = accounts.source();
        sources.profile(source);

        assertThat(page(source, "/queries/" + query).select("[hx-get$=/statistics], a[href$=/statistics]")).isEmpty();
    }

    @Test
    void aQueryWithoutPitchesSaysSo() {
        CurrentUser journalist = accounts.journalist();
        long query = rows.query(journalist.id(), sources.newTopic("Quiet"), "Nobody answered",
                clock.instant().minus(Duration.ofHours(1)));

        Document page = page(journalist, "/queries/" + query + "/statistics");

        assertThat(page.select("#query-statistics").text()).contains("No pitches yet");
        assertThat(page.select("[data-stat]")).isEmpty();
    }

    /** Published three hours ago: a flagged pitch after 30 minutes, a good one after 90, one shortlisted, one used. */
    private long queryWithPitches(CurrentUser journalist) {
        Instant published = clock.instant().minus(Duration.ofHours(3));
        long query = rows.query(journalist.id(), sources.newTopic("Stats"), "Night-shift nurses and sleep", published);
        String[] statuses = { "SUBMITTED", "VIEWED", "SHORTLISTED", "USED" };
        for (int i = 0; i < statuses.length; i++) {
            CurrentUser source = accounts.source();
            long profile = sources.profile(source);
            rows.pitch(query, profile, statuses[i], i == 0, published.plus(Duration.ofMinutes(30 + 60L * i)), null);
        }
        return query;
    }

    private Document page(CurrentUser user, String path) {
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
