package org.sourcewire.matching;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.queries.QueryManagement;
import org.sourcewire.queries.QueryPublished;
import org.sourcewire.topics.TopicCatalog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matching module alone (with shared: the database) hearing {@link QueryPublished}: the event flow
 * "query published → matching" without the queries module's form, review or listeners. Rows of other modules are
 * written with SQL, as those modules' Java code is not in this context.
 */
@ApplicationModuleTest(extraIncludes = { "shared", "infrastructure" })
// A database of their own: without the other modules, Flyway here runs no Java migration (screening's V21), and a
// database migrated so would fail the whole app's validation in the tests that follow.
@TestPropertySource(properties = "sourcewire.embedded-postgres.database=module_tests")
@AutoConfigureMockMvc // for TestSources, a test component of this package the slice also scans
class MatchingModuleTests {

    // Other modules' services the module's beans (the feed page, TestSources) take; not used by the event flow.
    @MockitoBean
    QueryManagement queries;

    @MockitoBean
    AccountManagement accounts;

    @MockitoBean
    TopicCatalog topics;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPublishedQueryIsMatchedToTheSourcesOfItsTopic(Scenario scenario) {
        long topic = jdbc.sql("insert into topic (name) values (:name) returning id")
                .param("name", "Module test " + UUID.randomUUID()).query(Long.class).single();
        long subscriber = source(topic);
        long unsubscribed = source(null);
        long query = publishedQuery(topic);

        scenario.publish(new QueryPublished(query, topic))
                .andWaitAtMost(Duration.ofSeconds(10))
                .andWaitForStateChange(() -> matchedSources(query, subscriber, unsubscribed), matched -> matched.length > 0)
                .andVerify(matched -> assertThat(matched).containsExactly(subscriber));
    }

    /** Of this test's sources only: other tests' keyword alerts in the shared database may match the query too. */
    private Long[] matchedSources(long query, long... sources) {
        return jdbc.sql("select source_id from query_match where query_id = :query and source_id = any(:sources) order by source_id")
                .param("query", query).param("sources", sources).query(Long.class).list().toArray(Long[]::new);
    }

    private long source(Long topic) {
        long account = account("SOURCE");
        long profile = jdbc.sql("""
                insert into source_profile (account_id, handle, name, time_zone, created_at, updated_at)
                values (:account, :handle, 'Module Expert', 'UTC', now(), now()) returning id""")
                .param("account", account).param("handle", "module-" + account).query(Long.class).single();
        if (topic != null) {
            jdbc.sql("insert into topic_subscription (source_id, topic_id, created_at) values (:source, :topic, now())")
                    .param("source", profile).param("topic", topic).update();
        }
        return profile;
    }

    private long publishedQuery(long topic) {
        return jdbc.sql("""
                insert into journalist_query (journalist_id, headline, topic_id, deadline, time_zone, status,
                                              published_at, created_at, updated_at)
                values (:journalist, 'Module test: how do lighthouse keepers plan a rota?', :topic, now() + interval '2 days',
                        'UTC', 'PUBLISHED', now(), now(), now()) returning id""")
                .param("journalist", account("JOURNALIST")).param("topic", topic).query(Long.class).single();
    }

    private long account(String role) {
        return jdbc.sql("""
                insert into account (email, password_hash, display_name, role, outlet_name, outlet_url,
                                     email_verified_at, password_changed_at, created_at)
                values (:email, 'x', 'Module Tester', :role, 'Outlet', 'https://outlet.example', now(), now(), now())
                returning id""")
                .param("email", "module-" + UUID.randomUUID() + "@example.com").param("role", role)
                .query(Long.class).single();
    }
}
