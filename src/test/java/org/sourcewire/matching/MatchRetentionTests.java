package org.sourcewire.matching;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;
import org.sourcewire.Concurrently;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.pitches.TestPitches;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;

/** A closed query's matches go after the retention (30 days after its deadline); nothing a source sees changes. */
class MatchRetentionTests extends IntegrationTest {

    @Autowired
    MatchRetention retention;

    @Autowired
    LockProvider locks;

    @Test
    void matchesOfQueriesClosedLongAgoGoWhileTheFeedAndPitchHistoryStillWork() {
        long topic = sources.newTopic("Retention");
        CurrentUser source = accounts.source();
        long profile = sources.profile(source);
        sources.subscribe(profile, topic);
        CurrentUser journalist = accounts.journalist();
        long longClosed = sources.publish(journalist, topic, "headline", "Closed long ago");
        long recentlyClosed = sources.publish(journalist, topic, "headline", "Closed last week");
        long open = sources.publish(journalist, topic, "headline", "Still open");
        String pitch = TestPitches.sent(mvc, source, longClosed);
        closedDaysAgo(longClosed, 31);
        closedDaysAgo(recentlyClosed, 7);

        assertThat(retention.purge(Instant.now())).isPositive();

        assertThat(matchedQueries(profile)).containsExactlyInAnyOrder(recentlyClosed, open);
        assertThat(mvc.get().uri("/feed").with(as(source))).hasStatusOk().bodyText().contains("Still open")
                .doesNotContain("Closed long ago").doesNotContain("Closed last week");
        assertThat(mvc.get().uri(pitch).with(as(source))).hasStatusOk().bodyText().contains("Closed long ago");
        assertThat(mvc.get().uri("/pitches").with(as(source))).hasStatusOk().bodyText().contains("Closed long ago");
    }

    @Test
    void twoRunsAtOnceRemoveEachMatchOnce() throws Exception {
        long topic = sources.newTopic("Retention twice");
        for (int i = 0; i < 3; i++) {
            sources.subscribe(sources.profile(accounts.source()), topic);
        }
        CurrentUser journalist = accounts.journalist();
        closedDaysAgo(sources.publish(journalist, topic, "headline", "Twice one"), 40);
        closedDaysAgo(sources.publish(journalist, topic, "headline", "Twice two"), 40);
        Instant now = Instant.now();
        long due = dueForRemoval(now);
        assertThat(due).isGreaterThanOrEqualTo(6);

        List<Integer> removed = Concurrently.run(2, n -> retention.purge(now));

        assertThat(removed.get(0) + removed.get(1)).isEqualTo(due);
        assertThat(dueForRemoval(now)).isZero();
    }

    @Test
    void aJobLockHeldByAnotherInstanceKeepsTheScheduledRunOut() {
        long topic = sources.newTopic("Retention lock");
        long profile = sources.profile(accounts.source());
        sources.subscribe(profile, topic);
        long query = sources.publish(accounts.journalist(), topic, "headline", "Locked out");
        closedDaysAgo(query, 40);

        Optional<SimpleLock> held = locks.lock(new LockConfiguration(Instant.now(), "match-retention",
                Duration.ofMinutes(1), Duration.ZERO));
        assertThat(held).isPresent();
        try {
            retention.run();
            assertThat(matchedQueries(profile)).as("another instance holds the lock").containsExactly(query);
        }
        finally {
            held.get().unlock();
        }
        retention.run();
        assertThat(matchedQueries(profile)).isEmpty();
    }

    private void closedDaysAgo(long query, int days) {
        Timestamp deadline = Timestamp.from(Instant.now().minus(Duration.ofDays(days)));
        jdbc.sql("update journalist_query set status = 'EXPIRED', deadline = :deadline, closed_at = :deadline where id = :id")
                .param("deadline", deadline).param("id", query).update();
    }

    private List<Long> matchedQueries(long profile) {
        return jdbc.sql("select query_id from query_match where source_id = :source").param("source", profile)
                .query(Long.class).list();
    }

    private long dueForRemoval(Instant now) {
        return jdbc.sql("""
                select count(*) from query_match m join journalist_query q on q.id = m.query_id
                where q.deadline < :cutoff""")
                .param("cutoff", Timestamp.from(now.minus(Duration.ofDays(30)))).query(Long.class).single();
    }
}
