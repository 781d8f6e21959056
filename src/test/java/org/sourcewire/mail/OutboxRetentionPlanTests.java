package org.sourcewire.mail;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.shared.BatchedDeletes;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sent-mail purge finds its rows through the creation-time index, also when most of the outbox is old (the job
 * catching up after days off): a sequential scan reads every row's page of the largest table, once per batch of
 * 10,000 (MonthBenchmark's EXPLAIN at 20,000 sources showed one).
 */
class OutboxRetentionPlanTests extends IntegrationTest {

    @Autowired
    TransactionTemplate transactions;

    @Test
    void sentMailPurgeWalksTheCreationIndexWhenMostMailIsOld() {
        Instant now = Instant.now();
        List<String> plan = transactions.execute(status -> {
            status.setRollbackOnly();
            // 30,000 sent digests 8 to 18 days old, and fresh statistics: what a catch-up finds; the purge asks a day at a time.
            jdbc.sql("""
                    insert into mail_outbox (recipient, subject, text_body, html_body, status, attempts, next_attempt_at,
                                             created_at, sent_at)
                    select 'plan-' || g || '@retention.example', 'Your digest', 'Today''s queries', '<p>Today''s queries</p>',
                           'SENT', 1, n.at - g * interval '30 seconds', n.at - interval '8 days' - g * interval '30 seconds',
                           n.at - interval '8 days' - g * interval '30 seconds'
                    from generate_series(1, 30000) g cross join (select cast(:now as timestamptz) as at) n""").param("now", Timestamp.from(now)).update();
            jdbc.sql("analyze mail_outbox").update();
            return jdbc.sql("explain " + OutboxRetention.SENT_MAIL + " limit " + BatchedDeletes.BATCH)
                    .param("from", Timestamp.from(now.minus(Duration.ofDays(12))))
                    .param("to", Timestamp.from(now.minus(Duration.ofDays(11)))).query(String.class).list();
        });

        assertThat(String.join("\n", plan)).contains("mail_outbox_created_idx").doesNotContain("Seq Scan");
    }
}
