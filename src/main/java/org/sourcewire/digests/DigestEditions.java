package org.sourcewire.digests;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import jakarta.annotation.PreDestroy;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the digest editions: claims each source's new matches per edition and hands them to {@link DigestMails}.
 * Each source's choice of editions is kept by {@link DigestPreferences}.
 *
 * <p>An edition run walks the sources of one time zone in id order, a batch per transaction, a few batches at once
 * ({@code sourcewire.digests.workers}). In a batch's transaction one statement claims a {@code digest_delivery} row
 * per source that has new open matches (ON CONFLICT DO NOTHING: a source already claimed by another run, instance
 * or thread is skipped), records the queries it carries in {@code digest_item}, and returns them; the mails are
 * rendered and go to the outbox in one multi-row insert, in the same commit. The run's keyset position follows the
 * finished batches. So no edition reaches a source twice, and a run that stopped half-way continues where it stopped.
 */
@Service
public class DigestEditions {

    private static final Logger log = LoggerFactory.getLogger(DigestEditions.class);

    /**
     * Claims one batch of an edition: a {@code digest_delivery} row per source of the batch that has new open
     * matches, the queries each digest carries in {@code digest_item}, and those rows back for the mails.
     * {@code %s} is the edition's column of {@code digest_preference}.
     */
    static final String CLAIM = """
                with batch as (
                    select sp.id, sp.name, a.email
                    from source_profile sp
                    join account a on a.id = sp.account_id
                    left join digest_preference p on p.source_id = sp.id
                    where sp.time_zone = :zone and sp.id > :after and sp.id <= :upTo
                      and a.email_verified_at is not null and a.suspended_at is null
                      and coalesce(p.%s, true)
                ),
                -- Per source, by index: the lateral subquery with its OFFSET 0 fence keeps the planner from joining
                -- the batch to all of query_match (a full scan per batch, which grows with the population).
                items as (
                    select m.source_id, m.query_id
                    from batch b
                    cross join lateral (
                        select m.source_id, m.query_id from query_match m
                        where m.source_id = b.id
                          and not exists (select 1 from digest_item d where d.source_id = m.source_id and d.query_id = m.query_id)
                        offset 0
                    ) m
                    join query_summary jq on jq.id = m.query_id and jq.status = 'PUBLISHED' and jq.deadline > :now
                ),
                claimed as (
                    insert into digest_delivery (source_id, edition_id, query_count, created_at)
                    select source_id, :edition, count(*), :now from items group by source_id
                    -- In id order: two overlapping runs then wait for each other instead of deadlocking.
                    order by source_id
                    on conflict (source_id, edition_id) do nothing
                    returning source_id
                ),
                recorded as (
                    insert into digest_item (source_id, query_id, edition_id)
                    select i.source_id, i.query_id, :edition from items i join claimed c on c.source_id = i.source_id
                    on conflict (source_id, query_id) do nothing
                    returning source_id, query_id
                )
                select r.source_id, b.email, b.name, jq.id as query_id, jq.headline, coalesce(jq.topic_name, 'Other') as topic,
                       jq.deadline
                from recorded r
                join batch b on b.id = r.source_id
                join query_summary jq on jq.id = r.query_id
                order by r.source_id, topic, jq.deadline, jq.id
                """;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final DigestSchedule schedule;
    private final DigestsProperties properties;
    private final DigestMails mails;
    private final ThreadPoolTaskExecutor pool;

    DigestEditions(JdbcClient jdbc, TransactionTemplate transactions, DigestSchedule schedule,
            DigestsProperties properties, DigestMails mails, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.schedule = schedule;
        this.properties = properties;
        this.mails = mails;
        // Threads start as work arrives (most instances never build an edition) and end when idle, named
        // digest-edition-1, -2... Its own pool, as in MailTemplates: an unbounded queue whatever spring.task.execution says.
        int workers = Math.max(1, properties.workers());
        this.pool = new ThreadPoolTaskExecutorBuilder().corePoolSize(workers).maxPoolSize(workers)
                .allowCoreThreadTimeOut(true).threadNamePrefix("digest-edition-").build();
        this.pool.initialize();
        Gauge.builder("sourcewire.digests.editions.open", jdbc, client -> client
                        .sql("select count(*) from digest_edition where finished_at is null").query(Long.class).single())
                .description("digest editions started and not yet finished").register(meters);
    }

    /**
     * Starts the editions due at {@code now} in every time zone that has sources, then works through every edition
     * not yet finished (including ones a previous run left half-done).
     *
     * @return how many digests were queued
     */
    public int runDue(Instant now) {
        for (String zone : zonesInUse()) {
            ZoneId id;
            try {
                id = ZoneId.of(zone);
            }
            catch (DateTimeException ex) {
                log.warn("Sources with the unknown time zone '{}' get no digests", zone);
                continue;
            }
            for (DigestSchedule.Due due : schedule.due(id, now)) {
                jdbc.sql("""
                        insert into digest_edition (time_zone, edition_date, edition, due_at, started_at)
                        values (:zone, :date, :edition, :due, :now)
                        on conflict (time_zone, edition_date, edition) do nothing""")
                        .param("zone", due.zone()).param("date", Date.valueOf(due.date()))
                        .param("edition", due.edition().name()).param("due", Timestamp.from(due.dueAt()))
                        .param("now", Timestamp.from(now)).update();
            }
        }
        int queued = 0;
        for (long edition : jdbc.sql("select id from digest_edition where finished_at is null and due_at <= :now order by id")
                .param("now", Timestamp.from(now)).query(Long.class).list()) {
            queued += runEdition(edition, now);
        }
        return queued;
    }

    /**
     * Runs one edition to its end; returns how many digests were queued. This thread walks the zone's sources in id
     * order and hands each batch (an id range) to one of {@code workers} threads, never more batches in flight than
     * workers, so memory stays bounded. A batch commits its claims and mails together; the keyset position then
     * moves to the end of the longest run of finished batches, so after a crash at most {@code workers} batches are
     * walked again, and their claims make that harmless.
     */
    int runEdition(long editionId, Instant now) {
        EditionRun run = edition(editionId);
        if (run.finished()) {
            return 0;
        }
        int workers = Math.max(1, properties.workers());
        Semaphore slots = new Semaphore(workers);
        Progress progress = new Progress(editionId);
        List<Future<Integer>> batches = new ArrayList<>();
        long after = run.lastSourceId();
        Long upTo;
        try {
            while (progress.failure == null && (upTo = nextUpTo(run.zone(), after)) != null) {
                slots.acquire();
                Batch batch = progress.started(after, upTo);
                batches.add(pool.submit(() -> {
                    try {
                        int queued = transactions.execute(status -> claimAndQueue(run, batch.after, batch.upTo, now));
                        progress.finished(batch);
                        return queued;
                    }
                    catch (RuntimeException | Error ex) {
                        progress.failure = ex;
                        throw ex;
                    }
                    finally {
                        slots.release();
                    }
                }));
                after = upTo;
            }
            slots.acquire(workers);
            slots.release(workers);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while building an edition", ex);
        }
        int queued = 0;
        for (Future<Integer> batch : batches) {
            try {
                queued += batch.get();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while building an edition", ex);
            }
            catch (ExecutionException ex) {
                throw ex.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(ex.getCause());
            }
        }
        jdbc.sql("update digest_edition set finished_at = :now where id = :id and finished_at is null")
                .param("now", Timestamp.from(now)).param("id", editionId).update();
        return queued;
    }

    private EditionRun edition(long editionId) {
        return jdbc.sql("""
                select id, time_zone, edition_date, edition, last_source_id, finished_at is not null as finished
                from digest_edition where id = :id""")
                .param("id", editionId)
                .query((rs, n) -> new EditionRun(rs.getLong("id"), rs.getString("time_zone"),
                        rs.getDate("edition_date").toLocalDate(), Edition.valueOf(rs.getString("edition")),
                        rs.getLong("last_source_id"), rs.getBoolean("finished")))
                .single();
    }

    /** The last source id of the next batch of the zone after {@code after}, or null when the zone is done. */
    private Long nextUpTo(String zone, long after) {
        return jdbc.sql("""
                select max(id) from (
                    select id from source_profile where time_zone = :zone and id > :after order by id limit :batch
                ) batch""")
                .param("zone", zone).param("after", after).param("batch", properties.batchSize())
                .query(Long.class).optional().orElse(null);
    }

    /** One batch (sources after {@code after} up to {@code upTo}) in the caller's transaction; returns the digests queued. */
    private int claimAndQueue(EditionRun run, long after, long upTo, Instant now) {
        List<DigestMails.Row> rows = jdbc.sql(CLAIM.formatted(run.edition().column()))
                .param("zone", run.zone()).param("after", after).param("upTo", upTo)
                .param("edition", run.id()).param("now", Timestamp.from(now))
                .query((rs, n) -> new DigestMails.Row(rs.getLong("source_id"), rs.getString("email"), rs.getString("name"),
                        rs.getLong("query_id"), rs.getString("headline"), rs.getString("topic"),
                        rs.getTimestamp("deadline").toInstant()))
                .list();
        return mails.queue(run.zone(), run.date(), run.edition(), rows, now);
    }

    @PreDestroy
    void stop() {
        pool.destroy();
    }

    private static final class Batch {

        final long after;
        final long upTo;
        boolean done;

        Batch(long after, long upTo) {
            this.after = after;
            this.upTo = upTo;
        }
    }

    /** The batches in flight, in id order, and the keyset position: the end of the longest run of finished ones. */
    private final class Progress {

        private final long editionId;
        private final Deque<Batch> inFlight = new ArrayDeque<>();
        volatile Throwable failure;

        Progress(long editionId) {
            this.editionId = editionId;
        }

        synchronized Batch started(long after, long upTo) {
            Batch batch = new Batch(after, upTo);
            inFlight.addLast(batch);
            return batch;
        }

        synchronized void finished(Batch batch) {
            batch.done = true;
            long position = -1;
            while (!inFlight.isEmpty() && inFlight.peekFirst().done) {
                position = inFlight.removeFirst().upTo;
            }
            if (position >= 0) {
                jdbc.sql("update digest_edition set last_source_id = greatest(last_source_id, :upTo) where id = :id")
                        .param("upTo", position).param("id", editionId).update();
            }
        }
    }

    private List<String> zonesInUse() {
        // A loose index scan over (time_zone, id): one index probe per distinct zone, not a scan of all profiles.
        return jdbc.sql("""
                with recursive zones (zone) as (
                    (select time_zone from source_profile order by time_zone limit 1)
                    union all
                    select (select sp.time_zone from source_profile sp where sp.time_zone > z.zone
                            order by sp.time_zone limit 1)
                    from zones z where z.zone is not null
                )
                select zone from zones where zone is not null""")
                .query(String.class).list();
    }

    private record EditionRun(long id, String zone, java.time.LocalDate date, Edition edition, long lastSourceId,
            boolean finished) {
    }
}
