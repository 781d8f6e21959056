package org.sourcewire.queries;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.audit.Actor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Published queries for tests in other modules, made through the real life cycle (draft → submit → approve). */
@Component
public class TestQueries {

    public static final List<String> QUESTIONS = List.of("What is the biggest mistake shift workers make about sleep?",
            "Does melatonin help, and when?", "What should employers change in rosters?");

    private final QueryManagement queries;
    private final AccountManagement accounts;
    private final JdbcClient jdbc;
    private final Clock clock;

    TestQueries(QueryManagement queries, AccountManagement accounts, JdbcClient jdbc, Clock clock) {
        this.queries = queries;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Builder by(CurrentUser journalist) {
        return new Builder(accounts.find(journalist.id()).orElseThrow());
    }

    public final class Builder {

        private final AccountView journalist;
        private Integer cap;
        private boolean anonymous;
        private String credential;
        private Duration deadline = Duration.ofHours(26);
        private String headline = "Sleep doctors: what helps shift workers sleep?";
        private List<String> questions = QUESTIONS;
        private String requirements = "Board-certified sleep physicians";
        private String topic = "Biotech & Healthcare";

        private Builder(AccountView journalist) {
            this.journalist = journalist;
        }

        public Builder cap(int pitchCap) {
            this.cap = pitchCap;
            return this;
        }

        public Builder anonymous() {
            this.anonymous = true;
            return this;
        }

        public Builder requiring(String requiredCredential) {
            this.credential = requiredCredential;
            return this;
        }

        /** A query of its own: headline, questions, requirements and topic (by name; unknown names fall back to General). */
        public Builder about(String newHeadline, List<String> newQuestions, String newRequirements, String topicName) {
            this.headline = newHeadline;
            this.questions = newQuestions;
            this.requirements = newRequirements;
            this.topic = topicName;
            return this;
        }

        public Builder deadlineIn(Duration fromNow) {
            this.deadline = fromNow;
            return this;
        }

        /** Submitted and, unless its journalist's outlet is auto-approved, waiting for a moderator. */
        public long submit() {
            long topicId = jdbc.sql("select id from topic where name = :name and retired_at is null union all "
                    + "select id from topic where name = 'General' limit 1").param("name", topic).query(Long.class).list().get(0);
            long id = queries.createDraft(journalist, new QueryDetails(headline, topicId, journalist.outletName(),
                    journalist.outletUrl(), MediaType.PODCAST, clock.instant().plus(deadline), "America/New_York", questions,
                    requirements, credential, null, false, cap, LinkPolicy.FOLLOWED, anonymous), UUID.randomUUID()).id();
            queries.submit(id, journalist);
            return id;
        }

        public long publish() {
            long id = submit();
            if (queries.find(id).orElseThrow().status() != QueryStatus.PUBLISHED) {
                queries.approve(id, Actor.system());
            }
            return id;
        }
    }
}
