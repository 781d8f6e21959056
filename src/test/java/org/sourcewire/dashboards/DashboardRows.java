package org.sourcewire.dashboards;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Queries, pitches, status changes and placements written straight into the database, at the times a test needs. */
@Component
public class DashboardRows {

    private final JdbcClient jdbc;

    DashboardRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Noon of the 15th, {@code monthsAgo} calendar months before now, in the zone: well inside its month. */
    public static Instant midMonth(Instant now, ZoneId zone, int monthsAgo) {
        return YearMonth.from(now.atZone(zone)).minusMonths(monthsAgo).atDay(15).atTime(12, 0).atZone(zone).toInstant();
    }

    public long query(long journalistId, Long topicId, String headline, Instant publishedAt) {
        return jdbc.sql("""
                insert into journalist_query (journalist_id, headline, topic_id, time_zone, status, published_at,
                                              submitted_at, created_at, updated_at)
                values (:journalist, :headline, :topic, 'UTC', 'PUBLISHED', :at, :at, :at, :at) returning id""")
                .param("journalist", journalistId).param("headline", headline).param("topic", topicId)
                .param("at", Timestamp.from(publishedAt)).query(Long.class).single();
    }

    public long pitch(long queryId, long sourceProfileId, String status, boolean flagged, Instant submittedAt, Instant viewedAt) {
        return jdbc.sql("""
                insert into pitch (public_id, query_id, source_id, status, word_count, submission_key, submitted_at,
                                   updated_at, viewed_at, flagged, score)
                values (:publicId, :query, :source, :status, 170, :key, :at, :at, :viewed, :flagged, 60) returning id""")
                .param("publicId", UUID.randomUUID()).param("query", queryId).param("source", sourceProfileId)
                .param("status", status).param("key", UUID.randomUUID()).param("at", Timestamp.from(submittedAt))
                .param("viewed", viewedAt == null ? null : Timestamp.from(viewedAt)).param("flagged", flagged)
                .query(Long.class).single();
    }

    public void change(long pitchId, String status, Instant at) {
        jdbc.sql("insert into pitch_status_change (pitch_id, status, changed_at) values (:pitch, :status, :at)")
                .param("pitch", pitchId).param("status", status).param("at", Timestamp.from(at)).update();
    }

    /** A placement; {@code linkKind} null with {@code checked} true is "no link found", unchecked is "not read yet". */
    public void placement(long pitchId, String state, String linkKind, boolean checked, Instant confirmedAt) {
        jdbc.sql("""
                insert into placement (pitch_id, article_url, state, proposed_by, created_at, confirmed_at, checked_at,
                                       link_kind)
                values (:pitch, 'https://news.example/article', :state, 'JOURNALIST', :at, :confirmed, :checked, :kind)""")
                .param("pitch", pitchId).param("state", state).param("at", Timestamp.from(confirmedAt))
                .param("confirmed", "CONFIRMED".equals(state) ? Timestamp.from(confirmedAt) : null)
                .param("checked", checked ? Timestamp.from(confirmedAt) : null).param("kind", linkKind).update();
    }
}
