package org.sourcewire.digests;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Each source's choice of editions ({@code digest_preference}), set at {@code /digests/settings} or by unsubscribing. */
@Service
class DigestPreferences {

    private final JdbcClient jdbc;

    DigestPreferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The editions a source receives; all three unless the source chose otherwise. */
    Choice choice(long sourceId) {
        return jdbc.sql("select morning, midday, evening from digest_preference where source_id = :id")
                .param("id", sourceId)
                .query((rs, n) -> new Choice(rs.getBoolean("morning"), rs.getBoolean("midday"), rs.getBoolean("evening")))
                .optional().orElse(Choice.ALL);
    }

    void choose(long sourceId, Choice choice, Instant now) {
        jdbc.sql("""
                insert into digest_preference (source_id, morning, midday, evening, updated_at)
                values (:id, :morning, :midday, :evening, :now)
                on conflict (source_id) do update set morning = excluded.morning, midday = excluded.midday,
                    evening = excluded.evening, updated_at = excluded.updated_at""")
                .param("id", sourceId).param("morning", choice.morning()).param("midday", choice.midday())
                .param("evening", choice.evening()).param("now", Timestamp.from(now)).update();
    }

    record Choice(boolean morning, boolean midday, boolean evening) {

        static final Choice ALL = new Choice(true, true, true);

        static final Choice NONE = new Choice(false, false, false);
    }
}
