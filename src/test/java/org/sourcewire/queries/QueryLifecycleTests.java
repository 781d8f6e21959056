package org.sourcewire.queries;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.Role;
import org.sourcewire.accounts.SignUp;
import org.sourcewire.accounts.TestAccounts;
import org.sourcewire.mail.Mailbox;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

class QueryLifecycleTests extends IntegrationTest {

    @Autowired
    org.sourcewire.outlets.TestOutlets outlets;

    @Autowired
    QueryManagement queryManagement;

    @Autowired
    QueryJobs jobs;

    @AfterEach
    void reset() {
        clock.reset();
        jdbc.sql("update query_setting set value = 'false' where name = 'auto-approve-verified-outlets'").update();
    }

    @Test
    void draftGoesToReviewThenAnAdminPublishesItAndTheJournalistIsTold() {
        CurrentUser journalist = accounts.journalist();
        MvcTestResult saved = QueryMother.complete(QueryMother.post(mvc).with(csrf()).with(as(journalist)), topic())
                .param("action", "draft").exchange();
        long id = idFrom(saved);
        assertThat(status(id)).isEqualTo("DRAFT");

        assertThat(mvc.post().uri("/queries/" + id).with(csrf()).with(as(journalist))
                .param("action", "submit").params(formOf(id))).hasRedirectedUrl("/queries/" + id);
        assertThat(status(id)).isEqualTo("PENDING_REVIEW");
        assertThat(mvc.get().uri("/queries/" + id).with(as(journalist))).bodyText().contains("Waiting for review");

        CurrentUser admin = accounts.admin();
        assertThat(mvc.get().uri("/admin/review").with(as(admin))).hasStatusOk().bodyText()
                .contains("Sleep doctors: what helps shift workers sleep?");
        assertThat(mvc.post().uri("/admin/review/" + id + "/approve").with(csrf()).with(as(admin)))
                .hasRedirectedUrl("/admin/review");
        assertThat(status(id)).isEqualTo("PUBLISHED");

        // The QueryPublished listener runs after commit, tracked by the event publication registry.
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select count(*) from mail_outbox where recipient = :to and subject like 'Your query is published%'")
                .param("to", journalist.email()).query(Long.class).single() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                select count(*) from event_publication
                where event_type like '%QueryPublished' and listener_id like '%QueryPublishedNotifier%'
                  and serialized_event like :id and completion_date is not null""")
                .param("id", "%\"queryId\":" + id + ",%").query(Long.class).single() == 1);
        assertThat(jdbc.sql("select action from audit_entry where subject = :s").param("s", "query " + id)
                .query(String.class).list()).containsExactly("query.approved");
    }

    @Test
    void aRejectedQueryCarriesTheReasonToTheJournalistByMail() {
        CurrentUser journalist = accounts.journalist();
        long id = submitted(journalist);
        CurrentUser admin = accounts.admin();

        assertThat(mvc.post().uri("/admin/review/" + id + "/reject").with(csrf()).with(as(admin)).param("reason", " "))
                .hasStatusOk().bodyText().contains("Give the journalist a reason.");
        assertThat(status(id)).isEqualTo("PENDING_REVIEW");

        assertThat(mvc.post().uri("/admin/review/" + id + "/reject").with(csrf()).with(as(admin))
                .param("reason", "Please name the outlet you write for.")).hasRedirectedUrl("/admin/review");
        assertThat(status(id)).isEqualTo("REJECTED");
        assertThat(mvc.get().uri("/queries/" + id).with(as(journalist))).bodyText()
                .contains("Please name the outlet you write for.");
        mailbox.deliver();
        assertThat(mailbox.receivedBy(journalist.email())).anySatisfy(message -> {
            assertThat(message.getSubject()).isEqualTo("Your Sourcewire query was not published");
            assertThat(Mailbox.text(message)).contains("Please name the outlet you write for.");
        });
        assertThat(mvc.post().uri("/admin/review/" + id + "/approve").with(csrf()).with(as(admin)))
                .hasRedirectedUrl("/admin/review");
        assertThat(status(id)).as("a rejected query cannot be approved afterwards").isEqualTo("REJECTED");
    }

    @Test
    void aJournalistWithAVerifiedOutletIsPublishedAtOnceWhenAutoApprovalIsOn() {
        CurrentUser verifiedOutlet = ledgerJournalistWithAutoApprovalOn();
        CurrentUser other = accounts.journalist();

        assertThat(status(submitted(verifiedOutlet))).isEqualTo("PUBLISHED");
        assertThat(status(submitted(other))).isEqualTo("PENDING_REVIEW");
    }

    @Test
    void onlyAQueryFromTheVerifiedOutletIsAutoApprovedAndShowsTheBadge() {
        CurrentUser verifiedOutlet = ledgerJournalistWithAutoApprovalOn();

        long own = idFrom(QueryMother.complete(QueryMother.post(mvc).with(csrf()).with(as(verifiedOutlet)), topic(),
                "outletName", " the  ledger ").param("action", "submit").exchange());
        long other = idFrom(QueryMother.complete(QueryMother.post(mvc).with(csrf()).with(as(verifiedOutlet)), topic(),
                "outletName", "The New York Times", "outletUrl", "https://www.nytimes.com").param("action", "submit")
                .exchange());
        long otherSite = idFrom(QueryMother.complete(QueryMother.post(mvc).with(csrf()).with(as(verifiedOutlet)), topic(),
                "outletUrl", "https://www.nytimes.com").param("action", "submit").exchange());

        assertThat(status(own)).isEqualTo("PUBLISHED");
        assertThat(status(other)).isEqualTo("PENDING_REVIEW");
        assertThat(status(otherSite)).isEqualTo("PENDING_REVIEW");
        queryManagement.approve(other, new org.sourcewire.audit.Actor(null, "test"));
        CurrentUser source = accounts.source();
        assertThat(mvc.get().uri("/queries/" + own).with(as(source))).bodyText().contains("verification-badge");
        assertThat(mvc.get().uri("/queries/" + other).with(as(source))).hasStatusOk().bodyText()
                .contains("The New York Times").doesNotContain("verification-badge").doesNotContain("verified outlet");
    }

    @Test
    void anAddressAtARegisteredOutletNamingAnotherOutletIsNotAutoApprovedNorBadged() {
        CurrentUser admin = accounts.admin();
        assertThat(mvc.post().uri("/admin/review/settings").with(csrf()).with(as(admin)).param("autoApprove", "true"))
                .hasRedirectedUrl("/admin/review");
        outlets.ledger();
        CurrentUser elsewhere = accounts.create(new SignUp("Ned Elsewhere", TestAccounts.uniqueEmail("ned")
                .replace("@example.com", "@ledger.example"), TestAccounts.PASSWORD, Role.JOURNALIST,
                "The New York Times", "https://www.nytimes.com"), true);

        long id = idFrom(QueryMother.complete(QueryMother.post(mvc).with(csrf()).with(as(elsewhere)), topic(),
                "outletName", "The New York Times", "outletUrl", "https://www.nytimes.com").param("action", "submit")
                .exchange());

        assertThat(status(id)).isEqualTo("PENDING_REVIEW");
        queryManagement.approve(id, new org.sourcewire.audit.Actor(null, "test"));
        assertThat(mvc.get().uri("/queries/" + id).with(as(accounts.source()))).hasStatusOk().bodyText()
                .contains("The New York Times").doesNotContain("verification-badge").doesNotContain("verified outlet");
    }

    @Test
    void aDomainOfOnesOwnTypedAsTheOutletIsNotAutoApproved() {
        CurrentUser admin = accounts.admin();
        assertThat(mvc.post().uri("/admin/review/settings").with(csrf()).with(as(admin)).param("autoApprove", "true"))
                .hasRedirectedUrl("/admin/review");
        String domain = "own-" + java.util.UUID.randomUUID().toString().substring(0, 8) + ".example";
        CurrentUser ownDomain = accounts.create(new SignUp("Olly Own", "olly@" + domain, TestAccounts.PASSWORD,
                Role.JOURNALIST, "Olly's Times", "https://www." + domain), true);

        assertThat(status(submitted(ownDomain))).isEqualTo("PENDING_REVIEW");
    }

    @Test
    void anUnverifiedJournalistKeepsADraftButCannotSubmit() {
        CurrentUser unverified = accounts.create(new SignUp("New Journalist", TestAccounts.uniqueEmail("new"),
                TestAccounts.PASSWORD, Role.JOURNALIST, "Blog", "https://blog.example"), false);

        MvcTestResult result = QueryMother.complete(QueryMother.post(mvc).with(csrf()).with(as(unverified)), topic())
                .param("action", "submit").exchange();
        long id = idFrom(result);

        assertThat(status(id)).isEqualTo("DRAFT");
        assertThat(result).flash().extractingByKey("error").asString().contains("Confirm your e-mail address");
    }

    @Test
    void journalistClosesAPublishedQueryAndDuplicatesItIntoANewDraft() {
        CurrentUser journalist = accounts.journalist();
        long id = published(journalist);

        assertThat(mvc.post().uri("/queries/" + id + "/close").with(csrf()).with(as(journalist))).hasRedirectedUrl("/queries/" + id);
        assertThat(status(id)).isEqualTo("CLOSED");
        assertThat(jdbc.sql("select closed_at is not null from journalist_query where id = :id").param("id", id)
                .query(Boolean.class).single()).isTrue();

        MvcTestResult copy = mvc.post().uri("/queries/" + id + "/duplicate").with(csrf()).with(as(journalist)).exchange();
        String location = copy.getResponse().getRedirectedUrl();
        long copyId = Long.parseLong(location.replaceAll("\\D", ""));
        assertThat(status(copyId)).isEqualTo("DRAFT");
        assertThat(jdbc.sql("select count(*) from query_question where query_id = :id").param("id", copyId)
                .query(Long.class).single()).isEqualTo(3);
        assertThat(mvc.get().uri(location).with(as(journalist))).hasStatusOk().bodyText()
                .contains("Sleep doctors: what helps shift workers sleep?");
    }

    @Test
    void theDeadlinePassingExpiresTheQueryOnceEvenWithTwoSchedulersRacing() throws Exception {
        CurrentUser journalist = accounts.journalist();
        long id = published(journalist);
        long version = version(id);
        clock.advance(Duration.ofDays(2));

        Thread first = new Thread(jobs::expireOverdueQueries);
        Thread second = new Thread(jobs::expireOverdueQueries);
        first.start();
        second.start();
        first.join();
        second.join();
        jobs.expireOverdueQueries();

        assertThat(status(id)).isEqualTo("EXPIRED");
        // One update: a second one would have bumped the version again.
        assertThat(version(id)).isEqualTo(version + 1);
    }

    @Test
    void suspendingAJournalistClosesTheirOpenQueriesAndEndsTheirSessions() {
        CurrentUser journalist = accounts.journalist();
        long published = published(journalist);
        long pending = submitted(journalist);
        CurrentUser admin = accounts.admin();

        assertThat(mvc.post().uri("/admin/accounts/" + journalist.id() + "/suspend").with(csrf()).with(as(admin)))
                .hasStatus3xxRedirection();

        assertThat(status(published)).isEqualTo("CLOSED");
        assertThat(status(pending)).isEqualTo("CLOSED");
        assertThat(mvc.post().uri("/login").with(csrf()).with(TestAccounts.fromOwnAddress())
                .param("email", journalist.email()).param("password", TestAccounts.PASSWORD))
                .hasRedirectedUrl("/login?error=suspended");
        assertThat(mvc.post().uri("/admin/accounts/" + journalist.id() + "/restore").with(csrf()).with(as(admin)))
                .hasStatus3xxRedirection();
        assertThat(mvc.post().uri("/login").with(csrf()).with(TestAccounts.fromOwnAddress())
                .param("email", journalist.email()).param("password", TestAccounts.PASSWORD)).hasRedirectedUrl("/dashboard");
        assertThat(jdbc.sql("select action from audit_entry where subject = :s order by id")
                .param("s", "account " + journalist.id()).query(String.class).list())
                .containsExactly("account.suspended", "account.restored");
    }

    @Test
    void mergingATopicMovesItsQueries() {
        CurrentUser journalist = accounts.journalist();
        CurrentUser admin = accounts.admin();
        long from = jdbc.sql("insert into topic (name) values (:n) returning id").param("n", "Crypto " + System.nanoTime())
                .query(Long.class).single();
        long into = topic();
        long id = idFrom(QueryMother.complete(QueryMother.post(mvc).with(csrf()).with(as(journalist)), from)
                .param("action", "draft").exchange());

        assertThat(mvc.post().uri("/admin/topics/" + from + "/merge").with(csrf()).with(as(admin)).param("into", String.valueOf(into)))
                .hasRedirectedUrl("/admin/topics");

        assertThat(jdbc.sql("select topic_id from journalist_query where id = :id").param("id", id).query(Long.class).single())
                .isEqualTo(into);
        assertThat(jdbc.sql("select count(*) from journalist_query where topic_id = :from").param("from", from)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select retired_at is not null from topic where id = :id").param("id", from)
                .query(Boolean.class).single()).isTrue();
    }

    // --- helpers ---

    long topic() {
        return QueryMother.topicId(jdbc, "Biotech & Healthcare");
    }

    long submitted(CurrentUser journalist) {
        return idFrom(QueryMother.complete(QueryMother.post(mvc).with(csrf()).with(as(journalist)), topic())
                .param("action", "submit").exchange());
    }

    long published(CurrentUser journalist) {
        long id = submitted(journalist);
        queryManagement.approve(id, new org.sourcewire.audit.Actor(null, "test"));
        return id;
    }

    long version(long id) {
        return jdbc.sql("select version from journalist_query where id = :id").param("id", id).query(Long.class).single();
    }

    String status(long id) {
        return jdbc.sql("select status from journalist_query where id = :id").param("id", id).query(String.class).single();
    }

    static long idFrom(MvcTestResult result) {
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).as("redirect after saving").matches("/queries/\\d+");
        return Long.parseLong(location.substring("/queries/".length()));
    }

    /** Auto-approval on, and a journalist at The Ledger whose address is at its registered domain. */
    private CurrentUser ledgerJournalistWithAutoApprovalOn() {
        assertThat(mvc.post().uri("/admin/review/settings").with(csrf()).with(as(accounts.admin()))
                .param("autoApprove", "true")).hasRedirectedUrl("/admin/review");
        outlets.ledger();
        return accounts.create(new SignUp("Vera Outlet", TestAccounts.uniqueEmail("vera").replace("@example.com",
                "@ledger.example"), TestAccounts.PASSWORD, Role.JOURNALIST, "The Ledger", "https://www.ledger.example"), true);
    }

    private org.springframework.util.MultiValueMap<String, String> formOf(long id) {
        var params = new org.springframework.util.LinkedMultiValueMap<String, String>();
        QueryView query = queryManagement.find(id).orElseThrow();
        QueryForm form = QueryForm.of(query);
        params.add("headline", form.getHeadline());
        params.add("topicId", String.valueOf(form.getTopicId()));
        params.add("outletName", form.getOutletName());
        params.add("outletUrl", form.getOutletUrl());
        params.add("mediaType", form.getMediaType().name());
        params.add("deadline", form.getDeadline().toString());
        params.add("timeZone", form.getTimeZone());
        for (int i = 0; i < form.getQuestions().size(); i++) {
            params.add("questions[" + i + "]", form.getQuestions().get(i));
        }
        params.add("linkPolicy", form.getLinkPolicy().name());
        return params;
    }
}
