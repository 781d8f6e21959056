package org.sourcewire.queries;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountSuspended;
import org.sourcewire.accounts.Verifications;
import org.sourcewire.audit.AuditLog;
import org.sourcewire.mail.Outbox;
import org.sourcewire.topics.TopicCatalog;
import org.sourcewire.topics.TopicMerged;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queries module alone (with shared: the database) hearing the events of the modules below it: a topic merged
 * (its queries follow into the surviving topic) and an account suspended (the journalist's open queries close). Both
 * are handled inside the publishing transaction, so the change is there when the publication commits. Rows of other
 * modules are written with SQL, as those modules' Java code is not in this context.
 */
@ApplicationModuleTest(extraIncludes = { "shared", "infrastructure" })
// A database of their own: without the other modules, Flyway here runs no Java migration (screening's V21), and a
// database migrated so would fail the whole app's validation in the tests that follow.
@TestPropertySource(properties = "sourcewire.embedded-postgres.database=module_tests")
class QueriesModuleTests {

    // Other modules' services the module's beans take; the event flows under test use none of them.
    @MockitoBean
    AccountManagement accounts;

    @MockitoBean
    Verifications verifications;

    @MockitoBean
    TopicCatalog topics;

    @MockitoBean
    AuditLog audit;

    @MockitoBean
    Outbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMergedTopicsQueriesMoveIntoTheSurvivingTopic(Scenario scenario) {
        long from = topic();
        long into = topic();
        long query = query(journalist(), from, "PUBLISHED");

        scenario.publish(new TopicMerged(from, into))
                .andWaitForStateChange(() -> topicOf(query), topic -> topic == into)
                .andVerify(topic -> assertThat(topic).isEqualTo(into));
    }

    @Test
    void aSuspendedJournalistsOpenQueriesClose(Scenario scenario) {
        long journalist = journalist();
        long topic = topic();
        long published = query(journalist, topic, "PUBLISHED");
        long pending = query(journalist, topic, "PENDING_REVIEW");
        long draft = query(journalist, topic, "DRAFT");
        long otherJournalists = query(journalist(), topic, "PUBLISHED");

        scenario.publish(new AccountSuspended(journalist))
                .andWaitForStateChange(() -> status(published), "CLOSED"::equals)
                .andVerify(status -> {
                    assertThat(status(pending)).isEqualTo("CLOSED");
                    assertThat(status(draft)).isEqualTo("DRAFT");
                    assertThat(status(otherJournalists)).isEqualTo("PUBLISHED");
                });
    }

    private long topicOf(long query) {
        return jdbc.sql("select topic_id from journalist_query where id = :id").param("id", query).query(Long.class).single();
    }

    private String status(long query) {
        return jdbc.sql("select status from journalist_query where id = :id").param("id", query).query(String.class).single();
    }

    private long topic() {
        return jdbc.sql("insert into topic (name) values (:name) returning id")
                .param("name", "Module test " + UUID.randomUUID()).query(Long.class).single();
    }

    private long query(long journalist, long topic, String status) {
        return jdbc.sql("""
                insert into journalist_query (journalist_id, headline, topic_id, deadline, time_zone, status,
                                              published_at, created_at, updated_at)
                values (:journalist, 'Module test: how do lighthouse keepers plan a rota?', :topic, now() + interval '2 days',
                        'UTC', :status, case when :status = 'PUBLISHED' then now() end, now(), now()) returning id""")
                .param("journalist", journalist).param("topic", topic).param("status", status)
                .query(Long.class).single();
    }

    private long journalist() {
        return jdbc.sql("""
                insert into account (email, password_hash, display_name, role, outlet_name, outlet_url,
                                     email_verified_at, password_changed_at, created_at)
                values (:email, 'x', 'Module Tester', 'JOURNALIST', 'Outlet', 'https://outlet.example', now(), now(), now())
                returning id""")
                .param("email", "module-" + UUID.randomUUID() + "@example.com").query(Long.class).single();
    }
}
