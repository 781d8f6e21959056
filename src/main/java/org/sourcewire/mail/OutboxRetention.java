package org.sourcewire.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sourcewire.shared.BatchedDeletes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes sent (or logged) mail after {@code sourcewire.mail.outbox.sent-retention} and mail given up on after
 * {@code failed-retention}, by creation time (the outbox's created_at index). Mail still waiting is never removed.
 * The rows are the bulk of the database (every digest's whole text and HTML); nothing reads a sent one but the admin's
 * outbox page.
 */
@Component
class OutboxRetention {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);
    private static final Duration DAY = Duration.ofDays(1);
    /**
     * Sent (or logged) mail created in {@code [:from, :to)}. The purge asks a day of creation at a time, from the
     * oldest: each range is a part of the created_at index however much of the outbox is old (a catch-up after days
     * off), where one range over all of it made the planner read the whole of the largest table, for every batch.
     */
    static final String SENT_MAIL = """
            select ctid from mail_outbox where created_at >= :from and created_at < :to and status in ('SENT', 'LOGGED')""";

    private final JdbcClient jdbc;
    private final MailProperties properties;
    private final Clock clock;

    OutboxRetention(JdbcClient jdbc, MailProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT9M")
    @SchedulerLock(name = "outbox-retention", lockAtMostFor = "PT50M")
    public void run() {
        int removed = purge(clock.instant());
        if (removed > 0) {
            log.info("Removed {} old sent or failed mails from the outbox", removed);
        }
    }

    /** Removes sent mail older than its retention and failed mail older than its own; returns how many. */
    int purge(Instant now) {
        return purgeSent(now.minus(properties.outbox().sentRetention()))
                + BatchedDeletes.delete(jdbc, "mail_outbox",
                        "select ctid from mail_outbox where created_at < :cutoff and status = 'FAILED'",
                        Map.of("cutoff", Timestamp.from(now.minus(properties.outbox().failedRetention()))));
    }

    private int purgeSent(Instant cutoff) {
        int removed = 0;
        Timestamp after = new Timestamp(0);
        while (true) {
            // The next day that holds sent mail, so that years without any cost nothing.
            Timestamp from = jdbc.sql("""
                    select min(created_at) from mail_outbox
                    where created_at >= :after and created_at < :cutoff and status in ('SENT', 'LOGGED')""")
                    .param("after", after).param("cutoff", Timestamp.from(cutoff)).query((rs, row) -> rs.getTimestamp(1))
                    .list().get(0);
            if (from == null) {
                return removed;
            }
            Instant to = from.toInstant().plus(DAY).isBefore(cutoff) ? from.toInstant().plus(DAY) : cutoff;
            removed += BatchedDeletes.delete(jdbc, "mail_outbox", SENT_MAIL, Map.of("from", from, "to", Timestamp.from(to)));
            after = Timestamp.from(to);
        }
    }
}
