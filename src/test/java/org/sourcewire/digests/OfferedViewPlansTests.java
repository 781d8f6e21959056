package org.sourcewire.digests;

import java.sql.Timestamp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sourcewire.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The views modules offer each other ({@code query_summary}, {@code pitched_query}) replaced direct reads of the
 * owners' tables in hot statements; PostgreSQL must inline them, so the plans stay those of the tables. A view that
 * stops being inlinable (an aggregate, DISTINCT, a LIMIT) fails here rather than in production.
 */
class OfferedViewPlansTests extends IntegrationTest {

    @Autowired
    TransactionTemplate transactions;

    @ParameterizedTest
    @ValueSource(booleans = { false, true })
    void editionBatchThroughQuerySummaryPlansAsOnTheTables(boolean indexesOnly) {
        String throughView = DigestEditions.CLAIM.formatted("morning");
        String onTables = throughView
                .replace("join query_summary jq on jq.id = m.query_id", "join journalist_query jq on jq.id = m.query_id")
                .replace("coalesce(jq.topic_name, 'Other')", "coalesce(t.name, 'Other')")
                .replace("join query_summary jq on jq.id = r.query_id",
                        "join journalist_query jq on jq.id = r.query_id left join topic t on t.id = jq.topic_id");

        assertThat(onTables).doesNotContain("query_summary");
        assertThat(plan(throughView, indexesOnly)).isEqualTo(plan(onTables, indexesOnly));
    }

    @ParameterizedTest
    @ValueSource(booleans = { false, true })
    void feedThroughPitchedQueryPlansAsOnThePitchTable(boolean indexesOnly) {
        String throughView = """
                select jq.id,
                       exists (select 1 from pitched_query p where p.query_id = jq.id and p.source_id = :source) as pitched
                from journalist_query jq
                where jq.status = 'PUBLISHED'
                  and not exists (select 1 from pitched_query p where p.query_id = jq.id and p.source_id = :source)
                order by jq.deadline, jq.id limit :limit offset :offset""";

        assertThat(plan(throughView, indexesOnly)).isEqualTo(plan(throughView.replace("pitched_query", "pitch"), indexesOnly));
    }

    private String plan(String sql, boolean indexesOnly) {
        return transactions.execute(status -> {
            if (indexesOnly) {
                // As on a large population, where the planner reaches for the indexes.
                jdbc.sql("set local enable_seqscan = off").update();
            }
            return String.join("\n", jdbc.sql("explain (costs off) " + sql)
                    .param("zone", "UTC").param("after", 0L).param("upTo", 1000L).param("edition", 1L)
                    .param("now", new Timestamp(0)).param("source", 1L).param("limit", 10).param("offset", 0L)
                    .query(String.class).list());
        });
    }
}
