package org.sourcewire.pitches;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Journalists' reports on pitches, for the moderators: the open ones, and closing one as upheld or dismissed. */
@Service
@Transactional(readOnly = true)
public class PitchReports {

    private static final String SELECT = """
            select r.id, p.public_id, r.reason, r.note, r.created_at, a.display_name, s.account_id, s.name, q.headline, r.status
            from pitch_report r
            join pitch p on p.id = r.pitch_id
            join account a on a.id = r.reporter_id
            join source_profile s on s.id = p.source_id
            join journalist_query q on q.id = p.query_id
            """;

    private final JdbcClient jdbc;

    PitchReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Open reports, oldest first. */
    public Page<PitchReport> open(Pageable page) {
        List<PitchReport> rows = jdbc.sql(SELECT + "where r.status = 'OPEN' order by r.created_at, r.id limit :limit offset :offset")
                .param("limit", page.getPageSize()).param("offset", page.getOffset())
                .query((rs, n) -> row(rs)).list();
        long total = jdbc.sql("select count(*) from pitch_report where status = 'OPEN'").query(Long.class).single();
        return new PageImpl<>(rows, page, total);
    }

    public Optional<PitchReport> find(long id) {
        return jdbc.sql(SELECT + "where r.id = :id").param("id", id).query((rs, n) -> row(rs)).optional();
    }

    /**
     * Closes an open report. The row lock makes concurrent decisions on one report wait for each other, so only one
     * of them sees it open.
     *
     * @return false if the report was already decided (or does not exist)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean decide(long id, boolean upheld) {
        return jdbc.sql("update pitch_report set status = :status where id = :id and status = 'OPEN'")
                .param("status", upheld ? "UPHELD" : "DISMISSED").param("id", id).update() == 1;
    }

    private static PitchReport row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PitchReport(rs.getLong(1), rs.getObject(2, UUID.class), ReportReason.valueOf(rs.getString(3)),
                rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getLong(7), rs.getString(8),
                rs.getString(9), rs.getString(10));
    }
}
