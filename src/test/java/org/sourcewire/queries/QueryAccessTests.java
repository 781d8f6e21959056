package org.sourcewire.queries;

import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.Role;
import org.sourcewire.accounts.SignUp;
import org.sourcewire.accounts.TestAccounts;
import org.sourcewire.audit.Actor;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

class QueryAccessTests extends IntegrationTest {

    @Autowired
    org.sourcewire.outlets.TestOutlets outlets;

    @Autowired
    QueryManagement queryManagement;

    @Test
    void anotherJournalistGets404ForEveryPageAndActionOfSomeoneElsesQuery() {
        CurrentUser owner = accounts.journalist();
        long draft = create(owner, "draft");
        long published = publish(create(owner, "submit"));
        CurrentUser other = accounts.journalist();

        for (long id : new long[] { draft, published }) {
            assertThat(mvc.get().uri("/queries/" + id).with(as(other))).hasStatus(404);
            assertThat(mvc.get().uri("/queries/" + id + "/edit").with(as(other))).hasStatus(404);
            assertThat(QueryMother.complete(mvc.post().uri("/queries/" + id).with(csrf()).with(as(other)), topic(),
                    "headline", "Hijacked").param("action", "draft")).hasStatus(404);
            assertThat(mvc.post().uri("/queries/" + id + "/close").with(csrf()).with(as(other))).hasStatus(404);
            assertThat(mvc.post().uri("/queries/" + id + "/duplicate").with(csrf()).with(as(other))).hasStatus(404);
        }
        assertThat(mvc.get().uri("/queries").with(as(other))).bodyText().doesNotContain("Sleep doctors");
        assertThat(status(published)).isEqualTo("PUBLISHED");
        assertThat(jdbc.sql("select count(*) from journalist_query where headline = 'Hijacked'").query(Long.class).single()).isZero();
        assertThat(mvc.get().uri("/queries/999999999").with(as(owner))).hasStatus(404);
    }

    @Test
    void sourcesSeePublishedQueriesButNeverDraftsPendingOrRejectedOnes() {
        CurrentUser journalist = accounts.journalist();
        long draft = create(journalist, "draft");
        long pending = create(journalist, "submit");
        long rejected = create(journalist, "submit");
        queryManagement.reject(rejected, "Not a real outlet", new Actor(null, "test"));
        long published = publish(create(journalist, "submit"));
        CurrentUser source = accounts.source();

        assertThat(mvc.get().uri("/queries/" + draft).with(as(source))).hasStatus(404);
        assertThat(mvc.get().uri("/queries/" + pending).with(as(source))).hasStatus(404);
        assertThat(mvc.get().uri("/queries/" + rejected).with(as(source))).hasStatus(404);
        assertThat(mvc.get().uri("/queries/" + published).with(as(source))).hasStatusOk().bodyText()
                .contains("Does melatonin help?").doesNotContain("Close query").doesNotContain("Edit draft");
        assertThat(mvc.get().uri("/queries/" + published)).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
    }

    @Test
    void aQueryClosedBeforeItsReviewStaysHiddenFromSourcesAndAPublishedOneStaysVisibleOnceClosed() {
        CurrentUser journalist = accounts.journalist();
        long unreviewed = create(journalist, "submit");
        long published = publish(create(journalist, "submit"));
        for (long id : new long[] { unreviewed, published }) {
            assertThat(mvc.post().uri("/queries/" + id + "/close").with(csrf()).with(as(journalist))).hasStatus3xxRedirection();
            assertThat(status(id)).isEqualTo("CLOSED");
        }
        CurrentUser source = accounts.source();

        assertThat(mvc.get().uri("/queries/" + unreviewed).with(as(source))).hasStatus(404);
        assertThat(mvc.get().uri("/queries/" + unreviewed + "/pitch").with(as(source))).hasStatus(404);
        assertThat(mvc.post().uri("/queries/" + unreviewed + "/pitch/preflight").with(csrf()).with(as(source))
                .header("HX-Request", "true").param("answers[0]", "An answer")).hasStatus(404);
        assertThat(mvc.get().uri("/queries/" + published).with(as(source))).hasStatusOk().bodyText()
                .contains("Does melatonin help?");
        assertThat(mvc.get().uri("/queries/" + unreviewed).with(as(journalist))).hasStatusOk();
    }

    @Test
    void sourcesAndAdminsCannotUseTheJournalistPages() {
        CurrentUser source = accounts.source();
        CurrentUser journalist = accounts.journalist();
        long published = publish(create(journalist, "submit"));

        assertThat(mvc.get().uri("/queries").with(as(source))).hasStatus(403);
        assertThat(mvc.get().uri("/queries/new").with(as(source))).hasStatus(403);
        assertThat(QueryMother.complete(mvc.post().uri("/queries").with(csrf()).with(as(source)), topic())
                .param("action", "submit")).hasStatus(403);
        assertThat(mvc.post().uri("/queries/" + published + "/close").with(csrf()).with(as(source))).hasStatus(403);
        assertThat(mvc.post().uri("/admin/review/" + published + "/approve").with(csrf()).with(as(journalist))).hasStatus(403);
        assertThat(mvc.get().uri("/admin/review").with(as(source))).hasStatus(403);
        assertThat(mvc.post().uri("/admin/review/settings").with(csrf()).with(as(journalist)).param("autoApprove", "true"))
                .hasStatus(403);
        assertThat(mvc.post().uri("/admin/accounts/" + source.id() + "/suspend").with(csrf()).with(as(journalist)))
                .hasStatus(403);
        assertThat(mvc.get().uri("/admin/accounts").with(as(source))).hasStatus(403);
        assertThat(status(published)).isEqualTo("PUBLISHED");
    }

    @Test
    void adminsReadEveryQueryIncludingWhoPostedAnAnonymousOne() {
        CurrentUser journalist = verifiedOutletJournalist();
        long anonymous = create(journalist, "submit", "anonymous", "true");
        CurrentUser admin = accounts.admin();

        assertThat(mvc.get().uri("/queries/" + anonymous).with(as(admin))).hasStatusOk().bodyText().contains("Vera Outlet");
        assertThat(mvc.get().uri("/admin/review").with(as(admin))).bodyText().contains("Vera Outlet");
    }

    @Test
    void anAnonymousQueryNeverShowsTheJournalistToSources() throws Exception {
        CurrentUser journalist = verifiedOutletJournalist();
        long id = publish(create(journalist, "submit", "anonymous", "true", "mediaType", "PODCAST"));
        CurrentUser source = accounts.source();

        String page = mvc.get().uri("/queries/" + id).with(as(source)).exchange().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(page).contains("Anonymous — Podcast").contains("Does melatonin help?")
                .doesNotContain("Vera Outlet").doesNotContain(journalist.email()).doesNotContain("ledger.example")
                .doesNotContain("The Ledger").doesNotContain("journalist-" + journalist.id());
        assertThat(mvc.get().uri("/queries/" + id).with(as(journalist))).bodyText().contains("Anonymous — Podcast")
                .contains("The Ledger");
    }

    @Test
    void aSourceSeesTheNameAndOutletOfANamedQuery() {
        CurrentUser journalist = accounts.journalist();
        long id = publish(create(journalist, "submit"));

        assertThat(mvc.get().uri("/queries/" + id).with(as(accounts.source()))).bodyText()
                .contains("Jane Journalist, The Ledger").doesNotContain(journalist.email());
    }

    private CurrentUser verifiedOutletJournalist() {
        outlets.ledger();
        return accounts.create(new SignUp("Vera Outlet", TestAccounts.uniqueEmail("vera").replace("@example.com", "@ledger.example"),
                TestAccounts.PASSWORD, Role.JOURNALIST, "The Ledger", "https://ledger.example"), true);
    }

    private long create(CurrentUser journalist, String action, String... overrides) {
        return QueryLifecycleTests.idFrom(QueryMother.complete(mvc.post().uri("/queries").with(csrf()).with(as(journalist)),
                topic(), overrides).param("action", action).exchange());
    }

    private long publish(long id) {
        queryManagement.approve(id, new Actor(null, "test"));
        return id;
    }

    private long topic() {
        return QueryMother.topicId(jdbc, "Biotech & Healthcare");
    }

    private String status(long id) {
        return jdbc.sql("select status from journalist_query where id = :id").param("id", id).query(String.class).single();
    }
}
