package org.sourcewire.matching;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sourcewire.shared.BatchedDeletes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes the matches of queries whose deadline passed more than {@code sourcewire.matching.retention} ago. Every
 * reader of {@code query_match} (feed, private feed, webhooks, digests) shows open queries only, and a query never
 * reopens, so nothing a source can see changes; a source's pitches are the pitches module's and stay.
 */
@Component
class MatchRetention {

    private static final Logger log = LoggerFactory.getLogger(MatchRetention.class);
    /** Queries whose matches one DELETE statement may take rows of. */
    private static final int QUERIES_PER_BATCH = 100;

    private final JdbcClient jdbc;
    private final MatchingProperties properties;
    private final Clock clock;

    MatchRetention(JdbcClient jdbc, MatchingProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT7M")
    @SchedulerLock(name = "match-retention", lockAtMostFor = "PT50M")
    public void run() {
        int removed = purge(clock.instant());
        if (removed > 0) {
            log.info("Removed {} matches of queries closed more than {} ago", removed, properties.retention());
        }
    }

    /** Removes the matches of queries whose deadline is more than the retention before {@code now}; returns how many. */
    int purge(Instant now) {
        Timestamp cutoff = Timestamp.from(now.minus(properties.retention()));
        // One index probe per closed query: which still have matches.
        List<Long> queries = jdbc.sql("""
                select q.id from query_summary q
                where q.deadline < :cutoff and exists (select 1 from query_match m where m.query_id = q.id)
                order by q.id""")
                .param("cutoff", cutoff).query(Long.class).list();
        int removed = 0;
        for (int from = 0; from < queries.size(); from += QUERIES_PER_BATCH) {
            List<Long> batch = queries.subList(from, Math.min(from + QUERIES_PER_BATCH, queries.size()));
            removed += BatchedDeletes.delete(jdbc, "query_match",
                    "select ctid from query_match where query_id in (:queries)", Map.of("queries", batch));
        }
        return removed;
    }
}
