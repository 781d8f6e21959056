package org.sourcewire.pitches;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.CurrentUser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Invite to answer: a journalist invites an expert from the public profile to one of their open queries; the expert
 * gets a notice and a mail, pitches from it, and the inbox marks the pitch "invited". The test configuration sets the
 * limits to 3 a query and 5 a day.
 */
class InvitationTests extends IntegrationTest {

    @Autowired
    org.sourcewire.accounts.TestJournalists journalists;

    @Test
    void invitedExpertGetsANoticeAndAMailAndPitchesAQueryOutsideTheirTopics() {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        CurrentUser expert = accounts.source();
        String handle = handle(expert);

        assertThat(mvc.get().uri("/experts/" + handle).with(as(journalist))).hasStatusOk().bodyText()
                .contains("/invitations/new?expert=" + handle);
        assertThat(mvc.get().uri("/invitations/new?expert=" + handle).with(as(journalist))).hasStatusOk().bodyText()
                .contains("Invite Expert " + expert.id()).contains("Sleep doctors: what helps shift workers sleep?");

        MvcTestResult sent = invite(journalist, handle, query, "Your clinic work fits this story.");
        assertThat(sent).hasStatus3xxRedirection().hasRedirectedUrl("/experts/" + handle);
        assertThat(sent.getMvcResult().getFlashMap().get("success").toString()).contains("invited");

        // A mail through the outbox, in the same transaction as the invitation.
        String mail = jdbc.sql("select text_body from mail_outbox where recipient = :to order by id desc limit 1")
                .param("to", email(expert)).query(String.class).single();
        assertThat(mail).contains("Sleep doctors: what helps shift workers sleep?")
                .contains("Your clinic work fits this story.").contains("/invitations");

        // The in-app notice: the count in the navigation, then the list with the way to pitch.
        assertThat(mvc.get().uri("/invitations/unseen").header("HX-Request", "true").with(as(expert))).hasStatusOk()
                .bodyText().contains("1 new");
        assertThat(mvc.get().uri("/invitations").with(as(expert))).hasStatusOk().bodyText()
                .contains("Sleep doctors: what helps shift workers sleep?").contains("Your clinic work fits this story.")
                .contains("/queries/" + query + "/pitch");
        assertThat(mvc.get().uri("/invitations/unseen").header("HX-Request", "true").with(as(expert))).hasStatusOk()
                .bodyText().doesNotContain("new");

        // The expert follows no topic at all, and pitches from the invitation.
        String pitch = PitchMother.sentPath(mvc, expert, query);
        assertThat(pitch).startsWith("/pitches/");
        assertThat(mvc.get().uri("/queries/" + query + "/pitches").with(as(journalist))).hasStatusOk().bodyText()
                .contains("invited");
        assertThat(mvc.get().uri("/invitations").with(as(expert))).hasStatusOk().bodyText().contains("You pitched");
    }

    @Test
    void aPitchWithoutAnInvitationIsNotMarkedInvited() {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        assertThat(PitchMother.sentPath(mvc, accounts.source(), query)).startsWith("/pitches/");
        assertThat(mvc.get().uri("/queries/" + query + "/pitches").with(as(journalist))).hasStatusOk().bodyText()
                .doesNotContain(">invited<");
    }

    @Test
    void invitationsStopAtThePerQueryLimitAndSaySo() {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        for (int i = 0; i < 3; i++) {
            assertThat(invite(journalist, handle(accounts.source()), query, "")).hasStatus3xxRedirection();
        }
        assertThat(invite(journalist, handle(accounts.source()), query, "")).hasStatusOk().bodyText()
                .contains("You have invited 3 experts to this query, the most one query may have.");
    }

    @Test
    void invitationsStopAtTheDailyLimitAndSayWhenMoreArePossible() {
        CurrentUser journalist = accounts.journalist();
        CurrentUser expert = accounts.source();
        for (int i = 0; i < 5; i++) {
            assertThat(invite(journalist, handle(accounts.source()), queries.by(journalist).publish(), ""))
                    .hasStatus3xxRedirection();
        }
        long another = queries.by(journalist).publish();
        assertThat(invite(journalist, handle(expert), another, "")).hasStatusOk().bodyText()
                .contains("You have sent 5 invitations in the last 24 hours, the most allowed.")
                .contains("You can invite again in 24 hours.");
        assertThat(count(journalist)).isEqualTo(5);

        clock.advance(Duration.ofHours(25));
        assertThat(invite(journalist, handle(expert), queries.by(journalist).publish(), "")).hasStatus3xxRedirection();
    }

    @Test
    void invitationsSentAtOnceStillStopAtThePerQueryLimit() throws Exception {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        java.util.List<String> handles = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            handles.add(handle(accounts.source()));
        }
        java.util.List<String> outcomes = org.sourcewire.Concurrently.run(6,
                n -> org.sourcewire.Concurrently.outcome(invite(journalist, handles.get(n), query, "")));
        assertThat(outcomes).isSubsetOf("302", "200");
        assertThat(count(journalist)).isEqualTo(3);
    }

    @Test
    void anInvitationToAnAnonymousQueryDoesNotNameTheJournalist() {
        CurrentUser journalist = journalists.withVerifiedOutlet();
        long query = queries.by(journalist).anonymous().publish();
        CurrentUser expert = accounts.source();
        assertThat(invite(journalist, handle(expert), query, "")).hasStatus3xxRedirection();
        String mail = jdbc.sql("select text_body || html_body from mail_outbox where recipient = :to order by id desc limit 1")
                .param("to", email(expert)).query(String.class).single();
        assertThat(mail).contains("Anonymous").doesNotContain("Vera Verified").doesNotContain("Daily Ledger");
        assertThat(mvc.get().uri("/invitations").with(as(expert))).hasStatusOk().bodyText().contains("Anonymous")
                .doesNotContain("Vera Verified").doesNotContain("Daily Ledger");
    }

    @Test
    void theSameExpertIsInvitedOnceAndNotAfterPitching() {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        CurrentUser expert = accounts.source();
        String handle = handle(expert);
        assertThat(invite(journalist, handle, query, "")).hasStatus3xxRedirection();
        assertThat(invite(journalist, handle, query, "")).hasStatusOk().bodyText()
                .contains("You have already invited Expert " + expert.id() + " to this query.");

        CurrentUser pitched = accounts.source();
        String pitchedHandle = handle(pitched);
        PitchMother.sentPath(mvc, pitched, query);
        assertThat(invite(journalist, pitchedHandle, query, "")).hasStatusOk().bodyText()
                .contains("has already pitched this query");
        assertThat(count(journalist)).isEqualTo(1);
    }

    @Test
    void aJournalistInvitesOnlyToTheirOwnOpenQueries() {
        CurrentUser journalist = accounts.journalist();
        long others = queries.by(accounts.journalist()).publish();
        long closed = queries.by(journalist).publish();
        jdbc.sql("update journalist_query set status = 'CLOSED' where id = :id").param("id", closed).update();
        String handle = handle(accounts.source());

        assertThat(invite(journalist, handle, others, "")).hasStatusOk().bodyText()
                .contains("Choose one of your open queries.");
        assertThat(invite(journalist, handle, closed, "")).hasStatusOk().bodyText()
                .contains("Choose one of your open queries.");
        assertThat(mvc.get().uri("/invitations/new?expert=" + handle).with(as(journalist))).hasStatusOk().bodyText()
                .contains("You have no open query");
        assertThat(count(journalist)).isZero();
    }

    @Test
    void badInvitationInputIsAMessageBesideTheField() {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        String handle = handle(accounts.source());
        assertThat(mvc.post().uri("/invitations").with(csrf()).with(as(journalist)).param("expert", handle)
                .param("queryId", "not-a-number")).hasStatusOk().bodyText().contains("Choose one of your open queries.");
        assertThat(mvc.post().uri("/invitations").with(csrf()).with(as(journalist)).param("expert", handle))
                .hasStatusOk().bodyText().contains("Choose one of your open queries.");
        assertThat(invite(journalist, handle, query, "x".repeat(1001))).hasStatusOk().bodyText()
                .contains("Keep the note under 1,000 characters.");
        assertThat(mvc.post().uri("/invitations").with(csrf()).with(as(journalist)).param("expert", "nobody-here")
                .param("queryId", String.valueOf(query))).hasStatus(404);
        assertThat(mvc.get().uri("/invitations/new?expert=nobody-here").with(as(journalist))).hasStatus(404);
        assertThat(mvc.get().uri("/invitations/new").with(as(journalist))).hasStatus(404);
        assertThat(count(journalist)).isZero();
    }

    @Test
    void onlyJournalistsInviteAndOnlySourcesReadInvitations() {
        CurrentUser source = accounts.source();
        String handle = handle(accounts.source());
        assertThat(mvc.get().uri("/invitations/new?expert=" + handle).with(as(source))).hasStatus(403);
        assertThat(mvc.get().uri("/invitations").with(as(accounts.journalist()))).hasStatus(403);
        assertThat(mvc.get().uri("/invitations/new?expert=" + handle)).hasStatus3xxRedirection();
        assertThat(mvc.get().uri("/experts/" + handle).with(as(source))).hasStatusOk().bodyText()
                .doesNotContain("/invitations/new");
        assertThat(mvc.get().uri("/experts/" + handle)).hasStatusOk().bodyText().doesNotContain("/invitations/new");
    }

    private MvcTestResult invite(CurrentUser journalist, String handle, long query, String note) {
        return mvc.post().uri("/invitations").with(csrf()).with(as(journalist)).param("expert", handle)
                .param("queryId", String.valueOf(query)).param("note", note).exchange();
    }

    private String handle(CurrentUser expert) {
        if (jdbc.sql("select count(*) from source_profile where account_id = :id").param("id", expert.id())
                .query(Long.class).single() == 0) {
            sources.profile(expert);
        }
        return "expert-" + expert.id();
    }

    private String email(CurrentUser account) {
        return jdbc.sql("select email from account where id = :id").param("id", account.id()).query(String.class).single();
    }

    private long count(CurrentUser journalist) {
        return jdbc.sql("select count(*) from invitation where journalist_id = :id").param("id", journalist.id())
                .query(Long.class).single();
    }
}
