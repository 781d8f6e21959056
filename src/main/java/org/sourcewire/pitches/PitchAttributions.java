package org.sourcewire.pitches;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Who wrote a pitch sent for its source by someone else (an agency for its client); pages ask it by pitch id. */
@Component("pitchAttributions")
@Transactional(readOnly = true)
public class PitchAttributions {

    private final JdbcClient jdbc;

    PitchAttributions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Pages show it as "Written by Jane Roe of Acme PR for Dr. X" ({@code pitches.text.written-by}). */
    public record WrittenBy(String name, String organisation) {
    }

    /** @return null when the source wrote the pitch themselves */
    public WrittenBy of(long pitchId) {
        return jdbc.sql("""
                select written_by_name, written_by_organisation from pitch
                where id = :id and written_by_name is not null""").param("id", pitchId)
                .query((rs, n) -> new WrittenBy(rs.getString(1), rs.getString(2))).optional().orElse(null);
    }

    void store(long pitchId, WrittenBy writtenBy) {
        jdbc.sql("update pitch set written_by_name = :name, written_by_organisation = :organisation where id = :id")
                .param("name", writtenBy == null ? null : writtenBy.name())
                .param("organisation", writtenBy == null ? null : writtenBy.organisation()).param("id", pitchId).update();
    }
}
