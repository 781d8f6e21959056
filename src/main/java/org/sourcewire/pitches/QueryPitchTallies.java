package org.sourcewire.pitches;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.sourcewire.queries.PitchTallies;
import org.sourcewire.infrastructure.PlainRead;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The figures of "Your queries": one grouped statement for the whole page of queries, however many pitches. */
@Component
class QueryPitchTallies implements PitchTallies {

    private final JdbcClient jdbc;

    QueryPitchTallies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @PlainRead
    public Map<Long, Tally> of(Collection<Long> queryIds) {
        if (queryIds.isEmpty()) {
            return Map.of();
        }
        // Counted per query before the join, so joining the pitches that wait for a reply costs a row a query, not a
        // row a pitch. A pitch waits when its source wrote the latest message (the source may not write again).
        return jdbc.sql("""
                with counted as (
                    select p.query_id, count(*) as total,
                           count(*) filter (where p.status = 'SUBMITTED') as unopened,
                           count(*) filter (where p.status = 'SHORTLISTED') as shortlisted,
                           count(*) filter (where p.status = 'USED') as used,
                           count(*) filter (where p.flagged) as flagged,
                           min(p.submitted_at) as first_at
                    from pitch p where p.query_id in (:ids)
                    group by p.query_id),
                waiting as (
                    select last.query_id, count(*) as n
                    from (select distinct on (m.pitch_id) p.query_id, m.from_source
                          from pitch p join pitch_message m on m.pitch_id = p.id
                          where p.query_id in (:ids)
                          order by m.pitch_id, m.created_at desc, m.id desc) last
                    where last.from_source
                    group by last.query_id)
                select c.query_id, c.total, c.unopened, c.shortlisted, c.used, c.flagged, c.first_at, coalesce(w.n, 0)
                from counted c left join waiting w on w.query_id = c.query_id""")
                .param("ids", List.copyOf(queryIds))
                .query((rs, n) -> Map.entry(rs.getLong(1), new Tally(rs.getInt(2), rs.getInt(3), rs.getInt(8),
                        rs.getInt(4), rs.getInt(5), rs.getInt(6), instant(rs.getTimestamp(7)))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
