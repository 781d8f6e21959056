package org.sourcewire.dashboards;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.sourcewire.infrastructure.PlainRead;
import org.sourcewire.shared.Durations;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** One query's pitches in figures, for its journalist: one grouped statement over the query's pitches. */
@Service
class QueryStatistics {

    /**
     * @param firstPitch how long after publishing the first pitch came; null without one (or before publishing)
     * @param firstGoodPitch the same for the first pitch screening did not flag
     */
    record Figures(int received, int flagged, int shortlisted, int used, Duration firstPitch, Duration firstGoodPitch) {

        /** The time to the first pitch in words (a key and its arguments); null without one. */
        public MessageSourceResolvable firstPitchText() {
            return Durations.of(firstPitch);
        }

        public MessageSourceResolvable firstGoodPitchText() {
            return Durations.of(firstGoodPitch);
        }
    }

    private final JdbcClient jdbc;

    QueryStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Shortlisted and used count the pitches where they stand now, as the inbox does. */
    @PlainRead
    Figures of(long queryId, Instant publishedAt) {
        return jdbc.sql("""
                select count(*), count(*) filter (where p.flagged), count(*) filter (where p.status = 'SHORTLISTED'),
                       count(*) filter (where p.status = 'USED'), min(p.submitted_at),
                       min(p.submitted_at) filter (where not p.flagged)
                from pitch p where p.query_id = :query""")
                .param("query", queryId)
                .query((rs, n) -> new Figures(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        since(publishedAt, rs.getTimestamp(5)), since(publishedAt, rs.getTimestamp(6))))
                .single();
    }

    private static Duration since(Instant publishedAt, Timestamp at) {
        return publishedAt == null || at == null ? null : Duration.between(publishedAt, at.toInstant());
    }
}
