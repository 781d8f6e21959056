package org.sourcewire.queries;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

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

        public Builder deadlineIn(Duration fromNow) {
            this.deadline = fromNow;
            return this;
        }

        public long publish() {
            long topic = jdbc.sql("select id from topic where name = 'Biotech & Healthcare'").query(Long.class).single();
            long id = queries.createDraft(journalist, new QueryDetails("Sleep doctors: what helps shift workers sleep?",
                    topic, journalist.outletName(), journalist.outletUrl(), MediaType.PODCAST,
                    clock.instant().plus(deadline), "America/New_York", QUESTIONS, "Board-certified sleep physicians",
                    credential, null, false, cap, LinkPolicy.FOLLOWED, anonymous));
            queries.submit(id, journalist);
            if (queries.find(id).orElseThrow().status() != QueryStatus.PUBLISHED) {
                queries.approve(id, Actor.system());
            }
            return id;
        }
    }
}
