package org.sourcewire.matching;

import java.time.Duration;
import java.util.UUID;

import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.audit.Actor;
import org.sourcewire.queries.QueryManagement;
import org.sourcewire.queries.QueryMother;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.awaitility.Awaitility.await;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Source profiles, subscriptions and keyword alerts written with plain SQL (the sources module owns the tables and
 * its Java code is not part of this branch), fresh topics so tests never see each other's queries, and published
 * queries that went through the real form, review and matching listener.
 */
@Component
public class TestSources {

    private final JdbcClient jdbc;
    private final MockMvcTester mvc;
    private final QueryManagement queries;

    TestSources(JdbcClient jdbc, MockMvcTester mvc, QueryManagement queries) {
        this.jdbc = jdbc;
        this.mvc = mvc;
        this.queries = queries;
    }

    public long profile(CurrentUser source) {
        return profile(source, "America/New_York");
    }

    public long profile(CurrentUser source, String timeZone) {
        return jdbc.sql("""
                insert into source_profile (account_id, handle, name, time_zone, created_at, updated_at)
                values (:account, :handle, :name, :zone, now(), now()) returning id""")
                .param("account", source.id()).param("handle", "expert-" + source.id())
                .param("name", "Expert " + source.id()).param("zone", timeZone)
                .query(Long.class).single();
    }

    public void subscribe(long profileId, long topicId) {
        jdbc.sql("insert into topic_subscription (source_id, topic_id, created_at) values (:source, :topic, now())")
                .param("source", profileId).param("topic", topicId).update();
    }

    public long alert(long profileId, String phrase, long... topicIds) {
        long id = jdbc.sql("insert into keyword_alert (source_id, phrase, created_at) values (:source, :phrase, now()) returning id")
                .param("source", profileId).param("phrase", phrase).query(Long.class).single();
        for (long topicId : topicIds) {
            jdbc.sql("insert into keyword_alert_topic (alert_id, topic_id) values (:alert, :topic)")
                    .param("alert", id).param("topic", topicId).update();
        }
        return id;
    }

    /** A topic of the test's own, so queries published by other tests never reach its sources. */
    public long newTopic(String name) {
        return jdbc.sql("insert into topic (name) values (:name) returning id")
                .param("name", name + " " + UUID.randomUUID().toString().substring(0, 8))
                .query(Long.class).single();
    }

    public String topicName(long topicId) {
        return jdbc.sql("select name from topic where id = :id").param("id", topicId).query(String.class).single();
    }

    /**
     * Posts a complete query through the form, has it approved, and waits until the matching listener has run.
     * {@code overrides} replace form fields as in {@link QueryMother#complete}.
     */
    public long publish(CurrentUser journalist, long topicId, String... overrides) {
        MvcTestResult result = QueryMother.complete(mvc.post().uri("/queries").with(csrf()).with(as(journalist)),
                topicId, overrides).param("action", "submit").exchange();
        String location = result.getResponse().getRedirectedUrl();
        if (location == null || !location.matches("/queries/\\d+")) {
            throw new AssertionError("The query was not saved: " + location + ", flash " + result.getMvcResult().getFlashMap());
        }
        long id = Long.parseLong(location.substring("/queries/".length()));
        queries.approve(id, Actor.system());
        awaitMatched(id);
        return id;
    }

    public void awaitMatched(long queryId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                select count(*) from event_publication
                where listener_id like '%QueryMatcher%' and serialized_event like :id and completion_date is not null""")
                .param("id", "%\"queryId\":" + queryId + ",%").query(Long.class).single() > 0);
    }
}
