package org.sourcewire.digests;

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
 * Removes the records of editions that went out more than {@code sourcewire.digests.retention} ago: which sources
 * got them ({@code digest_delivery}), which queries they carried ({@code digest_item}), and the edition itself.
 * Those rows only keep a digest or a query from reaching a source twice: a finished edition older than the catch-up
 * is never run again, and an item is kept while its query could still go out (its deadline is less than the
 * retention ago), so no query is sent twice. The unsubscribe link is signed, and needs none of these rows.
 */
@Component
class DigestRetention {

    private static final Logger log = LoggerFactory.getLogger(DigestRetention.class);
    /** Editions whose rows one DELETE statement may take. */
    private static final int EDITIONS_PER_BATCH = 50;
    /**
     * The items of one edition, except those of a query whose deadline is not yet the retention ago: they keep that
     * query from being sent again (the open queries are few: a hashed anti-join). One edition at a time, so the
     * selection is an equality the edition index answers however much of the table old editions hold; a list of
     * editions that holds most of the table made the planner read digest_item from its start, once per batch.
     */
    static final String OLD_ITEMS = """
            select d.ctid from digest_item d
            where d.edition_id = :edition
              and not exists (select 1 from query_summary q where q.id = d.query_id and q.deadline >= :cutoff)""";

    private final JdbcClient jdbc;
    private final DigestsProperties properties;
    private final Clock clock;

    DigestRetention(JdbcClient jdbc, DigestsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT8M")
    @SchedulerLock(name = "digest-retention", lockAtMostFor = "PT50M")
    public void run() {
        int removed = purge(clock.instant());
        if (removed > 0) {
            log.info("Removed {} records of digest editions older than {}", removed, properties.retention());
        }
    }

    /** Removes the records of finished editions due more than the retention before {@code now}; returns how many rows. */
    int purge(Instant now) {
        Timestamp cutoff = Timestamp.from(now.minus(properties.retention()));
        List<Long> old = jdbc.sql("""
                select id from digest_edition where finished_at is not null and due_at < :cutoff order by id""")
                .param("cutoff", cutoff).query(Long.class).list();
        int removed = 0;
        for (int from = 0; from < old.size(); from += EDITIONS_PER_BATCH) {
            List<Long> editions = old.subList(from, Math.min(from + EDITIONS_PER_BATCH, old.size()));
            for (Long edition : editions) {
                Map<String, Object> params = Map.of("edition", edition, "cutoff", cutoff);
                removed += BatchedDeletes.delete(jdbc, "digest_item", OLD_ITEMS, params);
                removed += BatchedDeletes.delete(jdbc, "digest_delivery",
                        "select ctid from digest_delivery where edition_id = :edition", params);
            }
            removed += jdbc.sql("""
                    delete from digest_edition e
                    where e.id in (:editions)
                      and not exists (select 1 from digest_item d where d.edition_id = e.id)
                      and not exists (select 1 from digest_delivery d where d.edition_id = e.id)""")
                    .param("editions", editions).update();
        }
        return removed;
    }
}
