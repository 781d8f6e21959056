package org.sourcewire.queries;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.SqlStatements;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.audit.Actor;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;

/** "Your queries": the status tabs, and each query's pitches at a glance, read for the whole page at once. */
class QueryListTests extends IntegrationTest {

    @Autowired
    QueryManagement management;

    @Test
    void theStatusTabsCountTheJournalistsOwnQueries() {
        CurrentUser journalist = accounts.journalist();
        queries.by(journalist).submit();
        queries.by(journalist).submit();
        queries.by(journalist).publish();
        long rejected = queries.by(journalist).submit();
        management.reject(rejected, "Name your outlet.", Actor.system());
        long closed = queries.by(journalist).publish();
        jdbc.sql("update journalist_query set status = 'CLOSED' where id = :id").param("id", closed).update();
        queries.by(accounts.journalist()).submit();

        Document page = page(journalist, "/queries");

        assertThat(page.select("nav[aria-label=Query status] a").eachText()).containsExactly("All (5)", "Drafts (0)",
                "Waiting for review (2)", "Published (1)", "Closed and expired (1)", "Rejected (1)");
        assertThat(page(journalist, "/queries?status=pending").select("nav[aria-label=Query status] a.active").text())
                .isEqualTo("Waiting for review (2)");
    }

    @Test
    void eachQueryShowsNewShortlistedUsedAndFlaggedPitchesWithLinksIntoItsInbox() {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).about("Night-shift nurses and sleep", TestQueries.QUESTIONS,
                "Sleep physicians", "Biotech & Healthcare").publish();
        jdbc.sql("update journalist_query set published_at = now() - interval '6 hours' where id = :id")
                .param("id", query).update();
        List<Long> pitches = PitchRows.insert(jdbc, query, "SUBMITTED", "SUBMITTED", "SUBMITTED!", "SUBMITTED", "VIEWED", "VIEWED",
                "SHORTLISTED", "SHORTLISTED", "SHORTLISTED", "USED", "DECLINED!");
        // The first viewed pitch's source wrote after the journalist's message; the shortlisted one was answered.
        PitchRows.message(jdbc, pitches.get(4), false, "1 hour");
        PitchRows.message(jdbc, pitches.get(4), true, "2 hours");
        PitchRows.message(jdbc, pitches.get(6), true, "1 hour");
        PitchRows.message(jdbc, pitches.get(6), false, "2 hours");

        Element row = row(page(journalist, "/queries"), query);

        assertThat(row.select("a[href=/queries/" + query + "]").text()).isEqualTo("Night-shift nurses and sleep");
        assertThat(count(row, "/queries/" + query + "/pitches")).isEqualTo("11 pitches");
        assertThat(count(row, "/queries/" + query + "/pitches?status=submitted")).isEqualTo("4 new");
        assertThat(count(row, "/queries/" + query + "/pitches?status=shortlisted")).isEqualTo("3 shortlisted");
        assertThat(count(row, "/queries/" + query + "/pitches?status=used")).isEqualTo("1 used");
        assertThat(row.select(".query-count-flagged").text()).isEqualTo("2 flagged");
        assertThat(row.select(".query-count-waiting").text()).isEqualTo("1 waiting for your reply");
        assertThat(row.text()).contains("first pitch 1 h 30 min after publishing");
    }

    @Test
    void aQueryWithoutPitchesSaysWhatHappensNext() {
        CurrentUser journalist = accounts.journalist();
        long published = queries.by(journalist).publish();
        long pending = queries.by(journalist).submit();

        Document page = page(journalist, "/queries");

        assertThat(row(page, published).text()).contains("No pitches yet").doesNotContain("first pitch");
        assertThat(row(page, published).select("a[href^=/queries/" + published + "/pitches?status]")).isEmpty();
        assertThat(row(page, pending).text()).contains("Pitches arrive once a moderator publishes it");
    }

    @Test
    void anUnknownTabIsABadRequestNotAllQueries() {
        CurrentUser journalist = accounts.journalist();

        assertThat(mvc.get().uri("/queries?status=bogus").with(as(journalist))).hasStatus(400).bodyText()
                .doesNotContain("Exception");
        assertThat(mvc.get().uri("/queries?status=").with(as(journalist))).hasStatusOk();
        assertThat(mvc.get().uri("/queries?status=pending").with(as(journalist))).hasStatusOk();
    }

    @Test
    void anEmptyTabSaysWhatToDoNext() {
        CurrentUser journalist = accounts.journalist();

        assertThat(page(journalist, "/queries").select("main").text()).contains("You have not posted a query yet")
                .contains("Post your first query");
        queries.by(journalist).publish();
        assertThat(page(journalist, "/queries?status=drafts").select("main").text()).contains("No drafts")
                .contains("Post a query");
        assertThat(page(journalist, "/queries?status=rejected").select("main").text()).contains("No rejected queries");
    }

    @Test
    void aPageOfQueriesWithThousandsOfPitchesIsReadInAFixedNumberOfStatements() {
        CurrentUser journalist = accounts.journalist();
        for (int i = 0; i < 2; i++) {
            bulkPitches(queries.by(journalist).publish(), 2000);
        }
        SqlStatements.reset();
        assertThat(page(journalist, "/queries").select(".query-count-total").eachText()).containsOnly("2000 pitches");
        long two = SqlStatements.count();

        for (int i = 0; i < 4; i++) {
            bulkPitches(queries.by(journalist).publish(), 50);
        }
        queries.by(journalist).submit();
        SqlStatements.reset();
        assertThat(page(journalist, "/queries").select(".query-count-total").eachText()).hasSize(6).contains("50 pitches");
        assertThat(SqlStatements.count()).isEqualTo(two).isLessThan(12);
    }

    // --- helpers ---

    private Document page(CurrentUser journalist, String path) {
        try {
            return Jsoup.parse(mvc.get().uri(path).with(as(journalist)).exchange().getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        }
        catch (java.io.UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Element row(Document page, long query) {
        Element row = page.selectFirst("[data-query-id=" + query + "]");
        assertThat(row).as("the row of query " + query).isNotNull();
        return row;
    }

    private static String count(Element row, String href) {
        return row.select("a[href=" + href + "]").text();
    }

    private void bulkPitches(long query, int count) {
        jdbc.sql("""
                with account_rows as (
                    insert into account (email, password_hash, display_name, role, email_verified_at, password_changed_at, created_at)
                    select 'bulk-list-' || :query || '-' || n || '@example.com', 'x', 'Bulk Source ' || n, 'SOURCE', now(), now(), now()
                    from generate_series(1, :count) n returning id, display_name),
                profiles as (
                    insert into source_profile (account_id, handle, name, created_at, updated_at)
                    select id, 'bulk-list-' || :query || '-' || id, display_name, now(), now() from account_rows returning id)
                insert into pitch (public_id, query_id, source_id, status, word_count, submission_key, submitted_at,
                                   updated_at, flagged, score)
                select gen_random_uuid(), :query, id, (array['SUBMITTED', 'VIEWED', 'SHORTLISTED', 'DECLINED'])[1 + id % 4],
                       170, gen_random_uuid(), now(), now(), id % 10 = 0, 60
                from profiles""")
                .param("query", query).param("count", count).update();
    }
}
