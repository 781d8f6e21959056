package org.sourcewire.moderation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.SqlStatements;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.audit.Actor;
import org.sourcewire.queries.QueryManagement;
import org.sourcewire.queries.TestQueries;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;

/** The admin's review card tells who is asking: the account's age and the journalist's earlier queries. */
class ReviewQueueTests extends IntegrationTest {

    @Autowired
    QueryManagement management;

    private final List<Long> moved = new ArrayList<>();

    @Test
    void theReviewCardShowsTheAccountsAgeEarlierQueriesAndRejections() {
        CurrentUser journalist = accounts.journalist();
        jdbc.sql("update account set created_at = now() - interval '40 days' where id = :id").param("id", journalist.id())
                .update();
        String[] headlines = { "Pension funds and climate risk", "Rents in small towns", "Spam about crypto coins",
                "Tax rules for gig workers" };
        for (String headline : headlines) {
            long id = queries.by(journalist).about(headline, TestQueries.QUESTIONS, null, "General").submit();
            if (headline.startsWith("Spam")) {
                management.reject(id, "Not a journalistic query.", Actor.system());
            }
            else {
                management.approve(id, Actor.system());
            }
        }
        long pending = oldest(queries.by(journalist).about("Sleep and shift work", TestQueries.QUESTIONS, null,
                "General").submit());

        Element card = card(pending);

        assertThat(card.text()).contains("Account 40 days old").contains("4 earlier queries").contains("3 published")
                .contains("1 rejected").contains("(latest reason: Not a journalistic query.)");
        assertThat(card.select(".journalist-history li").eachText())
                .anySatisfy(line -> assertThat(line).contains("Spam about crypto coins").contains(": Not a journalistic query."));
        assertThat(card.select(".journalist-history li").eachText()).hasSize(3)
                .anySatisfy(line -> assertThat(line).contains("Tax rules for gig workers").contains("Published"))
                .anySatisfy(line -> assertThat(line).contains("Spam about crypto coins").contains("Rejected"))
                .noneSatisfy(line -> assertThat(line).contains("Pension funds"));
        assertThat(card.select(".journalist-history a[href]").eachAttr("href")).allMatch(href -> href.startsWith("/queries/"));
    }

    @Test
    void aFirstQueryFromANewAccountSaysSo() {
        CurrentUser journalist = accounts.journalist();
        long pending = oldest(queries.by(journalist).submit());

        assertThat(card(pending).text()).contains("Account new today").contains("First query").doesNotContain("rejected");
    }

    @Test
    void theQueueReadsEveryCardsHistoryInAFixedNumberOfStatements() {
        CurrentUser admin = accounts.admin();
        oldest(queries.by(accounts.journalist()).submit());
        SqlStatements.reset();
        assertThat(mvc.get().uri("/admin/review").with(as(admin))).hasStatusOk();
        long before = SqlStatements.count();

        for (int i = 0; i < 4; i++) {
            CurrentUser journalist = accounts.journalist();
            long earlier = queries.by(journalist).submit();
            management.reject(earlier, "Too vague.", Actor.system());
            oldest(queries.by(journalist).submit());
        }
        SqlStatements.reset();
        assertThat(mvc.get().uri("/admin/review").with(as(admin))).hasStatusOk().bodyText().contains("1 rejected");
        assertThat(SqlStatements.count()).isEqualTo(before).isLessThan(15);
    }

    /** The query goes to the front of the (shared) review queue, oldest first, so it is on the first page. */
    private long oldest(long id) {
        jdbc.sql("update journalist_query set submitted_at = now() - interval '3650 days' + id * interval '1 second' "
                + "where id = :id").param("id", id).update();
        moved.add(id);
        return id;
    }

    /** Out of the queue again, so other tests' queries are on its first page. */
    @AfterEach
    void leaveTheQueue() {
        if (!moved.isEmpty()) {
            jdbc.sql("update journalist_query set status = 'CLOSED', closed_at = now() where id in (:ids)")
                    .param("ids", moved).update();
            moved.clear();
        }
    }

    private Element card(long query) {
        String html;
        try {
            html = mvc.get().uri("/admin/review").with(as(accounts.admin())).exchange().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
        }
        catch (java.io.UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
        Element heading = Jsoup.parse(html).getElementById("query-" + query);
        assertThat(heading).as("the card of query " + query + " on the first page").isNotNull();
        return heading.closest("article");
    }
}
