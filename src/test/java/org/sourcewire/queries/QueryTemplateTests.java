package org.sourcewire.queries;

import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.CurrentUser;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** Query templates: a journalist saves a query as a template and starts new queries from it. */
class QueryTemplateTests extends IntegrationTest {

    @Test
    void journalistSavesAQueryAsATemplateAndStartsANewQueryFromIt() {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        assertThat(mvc.get().uri("/queries/" + query).with(as(journalist))).hasStatusOk().bodyText()
                .contains("/queries/" + query + "/template");
        assertThat(mvc.get().uri("/queries/" + query + "/template").with(as(journalist))).hasStatusOk().bodyText()
                .contains("value=\"Sleep doctors: what helps shift workers sleep?\"");

        assertThat(save(journalist, query, "Sleep round-up")).hasStatus3xxRedirection()
                .hasRedirectedUrl("/queries/templates");
        long template = only(journalist);
        assertThat(mvc.get().uri("/queries/templates").with(as(journalist))).hasStatusOk().bodyText()
                .contains("Sleep round-up").contains("/queries/new?template=" + template);

        // A new query from it: everything but the deadline, which starts afresh.
        assertThat(mvc.get().uri("/queries/new?template=" + template).with(as(journalist))).hasStatusOk().bodyText()
                .contains("Sleep doctors: what helps shift workers sleep?").contains("Does melatonin help, and when?")
                .contains("Board-certified sleep physicians").contains("Started from the template “Sleep round-up”");
        assertThat(mvc.get().uri("/queries/new").with(as(journalist))).hasStatusOk().bodyText()
                .contains("/queries/new?template=" + template).doesNotContain("Does melatonin help, and when?");
    }

    @Test
    void journalistDeletesATemplate() {
        CurrentUser journalist = accounts.journalist();
        save(journalist, queries.by(journalist).publish(), "Weekly");
        long template = only(journalist);
        assertThat(mvc.post().uri("/queries/templates/" + template + "/delete").with(csrf()).with(as(journalist)))
                .hasStatus3xxRedirection().hasRedirectedUrl("/queries/templates");
        assertThat(count(journalist)).isZero();
        assertThat(mvc.get().uri("/queries/templates").with(as(journalist))).hasStatusOk().bodyText()
                .contains("No templates yet.");
    }

    @Test
    void badTemplateNamesAreMessagesBesideTheField() {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        assertThat(save(journalist, query, " ")).hasStatusOk().bodyText().contains("Name the template.");
        assertThat(save(journalist, query, "x".repeat(81))).hasStatusOk().bodyText()
                .contains("Keep the name under 80 characters.");
        assertThat(save(journalist, query, "Weekly")).hasStatus3xxRedirection();
        assertThat(save(journalist, query, "weekly ")).hasStatusOk().bodyText()
                .contains("You have a template named “Weekly” already. Choose another name, or delete that one first.");
        assertThat(count(journalist)).isEqualTo(1);
    }

    @Test
    void aJournalistKeepsAtMostFiftyTemplates() {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        for (int i = 0; i < 50; i++) {
            jdbc.sql("""
                    insert into query_template (journalist_id, name, headline, time_zone, questions, created_at)
                    values (:journalist, :name, 'A headline', 'UTC', '{}', now())""")
                    .param("journalist", journalist.id()).param("name", "Template " + i).update();
        }
        assertThat(save(journalist, query, "One more")).hasStatusOk().bodyText()
                .contains("You have 50 templates, the most one journalist may keep. Delete one first.");
        assertThat(count(journalist)).isEqualTo(50);
    }

    @Test
    void otherJournalistGets404ForTemplatesAndQueriesNotTheirs() {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        save(journalist, query, "Mine");
        long template = only(journalist);
        CurrentUser other = accounts.journalist();

        assertThat(mvc.get().uri("/queries/new?template=" + template).with(as(other))).hasStatus(404);
        assertThat(mvc.get().uri("/queries/new?template=not-a-number").with(as(other))).hasStatus(404);
        assertThat(mvc.post().uri("/queries/templates/" + template + "/delete").with(csrf()).with(as(other)))
                .hasStatus(404);
        assertThat(mvc.get().uri("/queries/" + query + "/template").with(as(other))).hasStatus(404);
        assertThat(save(other, query, "Theirs")).hasStatus(404);
        assertThat(mvc.get().uri("/queries/templates").with(as(accounts.source()))).hasStatus(403);
        assertThat(count(journalist)).isEqualTo(1);
        assertThat(count(other)).isZero();
    }

    private MvcTestResult save(CurrentUser journalist, long query, String name) {
        return mvc.post().uri("/queries/" + query + "/template").with(csrf()).with(as(journalist)).param("name", name)
                .exchange();
    }

    private long count(CurrentUser journalist) {
        return jdbc.sql("select count(*) from query_template where journalist_id = :id").param("id", journalist.id())
                .query(Long.class).single();
    }

    private long only(CurrentUser journalist) {
        return jdbc.sql("select id from query_template where journalist_id = :id").param("id", journalist.id())
                .query(Long.class).single();
    }
}
