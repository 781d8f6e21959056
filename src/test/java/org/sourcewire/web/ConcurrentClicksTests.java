package org.sourcewire.web;

import java.util.List;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.sourcewire.Concurrently;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.topics.TestTopics;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Two clicks at once (a double click, two tabs, two moderators) on the actions that change a versioned record: each
 * gets an ordinary answer, never an error page, and the second finds the work done.
 */
class ConcurrentClicksTests extends IntegrationTest {

    private static final int CLICKS = 8;

    @Autowired
    TestTopics topics;

    @Test
    void moderatorsApprovingOneQueryAtOnceEachGetAnAnswerAndItIsPublishedOnce() throws Exception {
        CurrentUser admin = accounts.admin();
        long query = queries.by(accounts.journalist()).submit();

        assertAllAnswered(n -> mvc.post().uri("/admin/review/{id}/approve", query).with(csrf()).with(as(admin)).exchange());
        assertThat(status(query)).isEqualTo("PUBLISHED");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'query.approved' and subject = :subject")
                .param("subject", "query " + query).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aJournalistClosingTheirQueryTwiceAtOnceGetsAnAnswerEachTime() throws Exception {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();

        assertAllAnswered(n -> mvc.post().uri("/queries/{id}/close", query).with(csrf()).with(as(journalist)).exchange());
        assertThat(status(query)).isEqualTo("CLOSED");
    }

    @Test
    void anAdminRetiringATopicTwiceAtOnceGetsAnAnswerEachTime() throws Exception {
        CurrentUser admin = accounts.admin();
        long topic = topics.create("Double clicks " + System.nanoTime());

        assertAllAnswered(n -> mvc.post().uri("/admin/topics/{id}/retire", topic).with(csrf()).with(as(admin)).exchange());
        assertThat(jdbc.sql("select retired_at is not null from topic where id = :id").param("id", topic)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void anAdminSuspendingASourceTwiceAtOnceGetsAnAnswerEachTime() throws Exception {
        CurrentUser admin = accounts.admin();
        CurrentUser source = accounts.source();

        assertAllAnswered(n -> mvc.post().uri("/admin/accounts/{id}/suspend", source.id()).with(csrf()).with(as(admin))
                .exchange());
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'account.suspended' and subject = :subject")
                .param("subject", "account " + source.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aSourceSavingTheirProfileTwiceAtOnceGetsAnAnswerEachTime() throws Exception {
        CurrentUser source = accounts.source();
        assertThat(mvc.get().uri("/profile").with(as(source))).hasStatusOk();

        assertAllAnswered(n -> mvc.post().uri("/profile").with(csrf()).with(as(source)).param("name", "Sam Source " + n)
                .param("title", "Sleep physician").param("timeZone", "Europe/Berlin").exchange());
    }

    @Test
    void aJournalistSavingTheirDetailsTwiceAtOnceGetsAnAnswerEachTime() throws Exception {
        CurrentUser journalist = accounts.journalist();

        assertAllAnswered(n -> mvc.post().uri("/account/details").with(csrf()).with(as(journalist))
                .param("displayName", "Jane Journalist " + n).param("outletName", "The Ledger")
                .param("outletUrl", "https://ledger.example").exchange());
    }

    private static void assertAllAnswered(IntFunction<MvcTestResult> click) throws Exception {
        List<MvcTestResult> clicks = Concurrently.run(CLICKS, click);
        assertThat(clicks.stream().map(Concurrently::outcome)).allSatisfy(outcome -> assertThat(outcome)
                .as("an ordinary answer (a page or a redirect), not an error").matches("[23]\\d\\d"));
        assertThat(clicks.stream().map(result -> String.valueOf(result.getMvcResult().getFlashMap().get("error"))))
                .as("no technical message reaches the user").noneMatch(message -> message.contains("Row was updated")
                        || message.contains("Exception") || message.contains("optimistic"));
    }

    private String status(long query) {
        return jdbc.sql("select status from journalist_query where id = :id").param("id", query).query(String.class)
                .single();
    }
}
