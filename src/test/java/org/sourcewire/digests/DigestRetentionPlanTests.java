package org.sourcewire.digests;

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
 * The purge finds an old edition's items through the edition index, not by reading digest_item from its start: the
 * sequential scan MonthBenchmark's EXPLAIN showed (20,000 sources, 1.4 million items) rereads the rows earlier
 * batches deleted, once per batch of 10,000, and all of the table when the old items are not at its start.
 */
class DigestRetentionPlanTests extends IntegrationTest {

    @Autowired
    TransactionTemplate transactions;

    @Test
    void itemPurgeWalksTheEditionIndex() {
        List<String> plan = transactions.execute(status -> {
            status.setRollbackOnly();
            // 45 editions of 4,000 items each, written edition after edition as editions write them (ids no real
            // edition has), all old, as when the job catches up after days off; the purge takes one at a time.
            jdbc.sql("""
                    insert into digest_item (source_id, query_id, edition_id)
                    select -g, -1 - g % 7, -1 - (g - 1) / 4000 from generate_series(1, 180000) g""").update();
            jdbc.sql("analyze digest_item").update();
            return jdbc.sql("explain " + DigestRetention.OLD_ITEMS + " limit " + BatchedDeletes.BATCH)
                    .param("edition", -1L)
                    .param("cutoff", Timestamp.from(Instant.now().minus(Duration.ofDays(60))))
                    .query(String.class).list();
        });

        assertThat(String.join("\n", plan)).contains("digest_item_edition_idx").doesNotContain("Seq Scan on digest_item");
    }
}
