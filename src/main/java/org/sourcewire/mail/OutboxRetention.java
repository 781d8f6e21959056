package org.sourcewire.mail;

import java.sql.Timestamp;
import java.time.Clock;
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
    /**
     * Sent (or logged) mail created before {@code :cutoff}, oldest first. The order keeps the planner on the
     * created_at index when most of the outbox is old (a catch-up): without it, it chose a sequential scan of the
     * largest table, again for every batch.
     */
    static final String SENT_MAIL = """
            select ctid from mail_outbox where created_at < :cutoff and status in ('SENT', 'LOGGED') order by created_at""";

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
        return BatchedDeletes.delete(jdbc, "mail_outbox", SENT_MAIL,
                Map.of("cutoff", Timestamp.from(now.minus(properties.outbox().sentRetention()))))
                + BatchedDeletes.delete(jdbc, "mail_outbox",
                        "select ctid from mail_outbox where created_at < :cutoff and status = 'FAILED'",
                        Map.of("cutoff", Timestamp.from(now.minus(properties.outbox().failedRetention()))));
    }
}
