package org.sourcewire.screening;

import org.sourcewire.pitches.PitchScreening;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The two sketches screening keeps of a pitch to find near-duplicates later: the MinHash signature of its words and
 * the vector of its meaning. Each is one row (with the pitch's query and source) plus one row per band hash, the
 * locality-sensitive index a new pitch's candidates are looked up by; both are written and replaced the same way.
 */
enum PitchSketch {

    SIGNATURE("pitch_signature", "minhash", "int", "pitch_band"),
    MEANING("pitch_meaning", "vector", "real", "pitch_meaning_band");

    private final String forget;
    private final String keep;

    PitchSketch(String table, String column, String type, String bandTable) {
        // Table and column names are these constants, never input.
        this.forget = "with bands as (delete from %s where pitch_id = :id) delete from %s where pitch_id = :id"
                .formatted(bandTable, table);
        this.keep = """
                with sketch as (
                    insert into %s (pitch_id, query_id, source_id, %s)
                    values (:id, :query, :source, cast(string_to_array(:values, ',') as %s[])))
                insert into %s (band_hash, pitch_id)
                select cast(hash as bigint), :id from unnest(string_to_array(:bands, ',')) as hash"""
                .formatted(table, column, type, bandTable);
    }

    /** Removes what was kept for the pitch (one round trip), e.g. before its edited text is kept. */
    void forget(JdbcClient jdbc, long pitchId) {
        jdbc.sql(forget).param("id", pitchId).update();
    }

    /** @param values the sketch's numbers, comma-separated */
    void keep(JdbcClient jdbc, long pitchId, PitchScreening.Draft draft, String values, long[] bands) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < bands.length; i++) {
            if (i > 0) {
                joined.append(',');
            }
            joined.append(bands[i]);
        }
        jdbc.sql(keep).param("id", pitchId).param("query", draft.queryId()).param("source", draft.sourceId())
                .param("values", values).param("bands", joined.toString()).update();
    }
}
