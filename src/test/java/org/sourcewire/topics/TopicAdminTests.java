package org.sourcewire.topics;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.SqlStatements;
import org.sourcewire.accounts.CurrentUser;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

class TopicAdminTests extends IntegrationTest {

    @Autowired
    TopicCatalog catalog;

    @Test
    void theClassicCategoriesAreSeeded() {
        assertThat(catalog.activeTopics()).extracting(TopicChoice::name).contains("Biotech & Healthcare",
                "Business & Finance", "Education & Careers", "Energy & Green Tech", "Entertainment & Media", "General",
                "High Tech", "Lifestyle & Fitness", "Travel", "Legal", "Marketing & PR", "Real Estate", "Sports",
                "Food & Beverage");
    }

    /**
     * The topic picker is on the feed and every form with topics: one plain statement, no transaction; the per-topic
     * count of recent queries (only for the "quiet" hint) is read once a minute, not on every page.
     */
    @Test
    void theTopicChoicesCostOneStatementWithoutATransaction() {
        // Counts read now, so they are fresh for the call measured below (not read by an earlier class a minute ago).
        catalog.forgetCounts();
        catalog.activeTopics();
        SqlStatements.reset();
        List<TopicChoice> choices = catalog.activeTopics();
        assertThat(SqlStatements.count()).isEqualTo(1);
        assertThat(SqlStatements.transactions()).isZero();
        assertThat(choices).extracting(TopicChoice::name).contains("General");
        // A topic added since is there at once: only the counts wait.
        String name = "Fresh " + System.nanoTime();
        jdbc.sql("insert into topic (name) values (:name)").param("name", name).update();
        assertThat(catalog.activeTopics()).extracting(TopicChoice::name).contains(name);
    }

    @Test
    void anAdminCreatesRenamesRetiresAndRestoresATopicAndEveryStepIsAudited() {
        CurrentUser admin = accounts.admin();
        String name = "Space " + System.nanoTime();

        assertThat(mvc.post().uri("/admin/topics").with(csrf()).with(as(admin)).param("name", name))
                .hasRedirectedUrl("/admin/topics");
        long id = idOf(name);
        assertThat(catalog.activeTopics()).extracting(TopicChoice::name).contains(name);

        assertThat(mvc.post().uri("/admin/topics/" + id + "/rename").with(csrf()).with(as(admin)).param("name", name + " & Aviation"))
                .hasRedirectedUrl("/admin/topics");
        assertThat(mvc.post().uri("/admin/topics/" + id + "/retire").with(csrf()).with(as(admin))).hasRedirectedUrl("/admin/topics");
        assertThat(catalog.activeTopics()).extracting(TopicChoice::id).doesNotContain(id);
        assertThat(catalog.find(id)).hasValueSatisfying(topic -> assertThat(topic.active()).isFalse());
        assertThat(mvc.post().uri("/admin/topics/" + id + "/restore").with(csrf()).with(as(admin))).hasRedirectedUrl("/admin/topics");
        assertThat(catalog.isActive(id)).isTrue();

        assertThat(jdbc.sql("select action from audit_entry where subject = :subject and actor_email = :admin order by id")
                .param("subject", "topic " + id).param("admin", admin.email()).query(String.class).list())
                .containsExactly("topic.created", "topic.renamed", "topic.retired", "topic.restored");
        assertThat(mvc.get().uri("/admin/audit?action=topic").with(as(admin))).hasStatusOk().bodyText()
                .contains("Renamed &quot;" + name + "&quot; to &quot;" + name + " &amp; Aviation&quot;");
    }

    @Test
    void topicNamesAreUniqueWhateverTheirCase() {
        CurrentUser admin = accounts.admin();

        assertThat(mvc.post().uri("/admin/topics").with(csrf()).with(as(admin)).param("name", "high tech"))
                .hasStatusOk().bodyText().contains("A topic called &quot;high tech&quot; already exists.");
        long travel = idOf("Travel");
        assertThat(mvc.post().uri("/admin/topics/" + travel + "/rename").with(csrf()).with(as(admin)).param("name", "SPORTS"))
                .hasStatusOk().bodyText().contains("already exists");
        assertThat(catalog.find(travel)).hasValueSatisfying(topic -> assertThat(topic.name()).isEqualTo("Travel"));
    }

    @Test
    void badNamesGetFieldMessages() {
        CurrentUser admin = accounts.admin();

        assertThat(mvc.post().uri("/admin/topics").with(csrf()).with(as(admin)).param("name", "  "))
                .hasStatusOk().bodyText().contains("Enter a name.");
        assertThat(mvc.post().uri("/admin/topics").with(csrf()).with(as(admin)).param("name", "x".repeat(61)))
                .hasStatusOk().bodyText().contains("Use at most 60 characters.");
    }

    @Test
    void aTopicCannotBeMergedIntoItselfOrIntoARetiredTopic() {
        CurrentUser admin = accounts.admin();
        long a = catalog.create("Merge A " + System.nanoTime(), TestActors.of(admin)).id();
        long retired = catalog.create("Merge R " + System.nanoTime(), TestActors.of(admin)).id();
        catalog.retire(retired, TestActors.of(admin));

        assertThat(mvc.post().uri("/admin/topics/" + a + "/merge").with(csrf()).with(as(admin)).param("into", String.valueOf(a)))
                .hasStatusOk().bodyText().contains("A topic cannot be merged into itself.");
        assertThat(mvc.post().uri("/admin/topics/" + a + "/merge").with(csrf()).with(as(admin)).param("into", String.valueOf(retired)))
                .hasStatusOk().bodyText().contains("is retired. Choose an active topic to merge into.");
        assertThat(mvc.post().uri("/admin/topics/" + a + "/merge").with(csrf()).with(as(admin)))
                .hasStatusOk().bodyText().contains("Choose the topic to merge into.");
        assertThat(mvc.post().uri("/admin/topics/" + a + "/merge").with(csrf()).with(as(admin)).param("into", "abc"))
                .hasStatusOk().bodyText().contains("Choose the topic to merge into.");
        assertThat(catalog.isActive(a)).isTrue();
    }

    @Test
    void onlyAdminsManageTopics() {
        for (CurrentUser user : new CurrentUser[] { accounts.journalist(), accounts.source() }) {
            assertThat(mvc.get().uri("/admin/topics").with(as(user))).hasStatus(403);
            assertThat(mvc.post().uri("/admin/topics").with(csrf()).with(as(user)).param("name", "Hack")).hasStatus(403);
            assertThat(mvc.post().uri("/admin/topics/1/retire").with(csrf()).with(as(user))).hasStatus(403);
            assertThat(mvc.post().uri("/admin/topics/1/merge").with(csrf()).with(as(user)).param("into", "2")).hasStatus(403);
            assertThat(mvc.get().uri("/admin/audit").with(as(user))).hasStatus(403);
        }
        assertThat(mvc.get().uri("/admin/topics")).hasStatus3xxRedirection();
        assertThat(catalog.isActive(1)).isTrue();
        assertThat(mvc.get().uri("/admin/topics/999999").with(as(accounts.admin()))).hasStatus(404);
    }

    private long idOf(String name) {
        return jdbc.sql("select id from topic where name = :name").param("name", name).query(Long.class).single();
    }
}
