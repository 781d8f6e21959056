package org.sourcewire.dashboards;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sourcewire.infrastructure.PlainRead;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A source's own figures: their pitches month by month, their win rate by topic beside everyone's, and their
 * placements by what the article links. Three grouped statements, however many pitches.
 */
@Service
class SourceStatistics {

    /** The moves a pitch makes, in the order the chart shows them. */
    enum Move {
        SENT("dashboards.text.move.sent"), VIEWED("dashboards.text.move.viewed"),
        SHORTLISTED("dashboards.text.move.shortlisted"), USED("dashboards.text.move.used"),
        DECLINED("dashboards.text.move.declined");

        /** Its name for people, as a key of messages.properties. */
        final String labelKey;

        Move(String labelKey) {
            this.labelKey = labelKey;
        }
    }

    /** Each move counted per month (index as in {@link Months}). */
    record Activity(Months months, Map<Move, List<Integer>> counts) {

        int total(Move move) {
            return counts.get(move).stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * @param platformPitches how many pitches to the topic's queries, from every source, the platform's rate rests on
     * @param platformShown whether there are enough of them for the rate to mean something
     */
    record TopicRate(String topic, int sent, int used, int platformPitches, int platformUsed, boolean platformShown) {

        public double rate() {
            return sent == 0 ? 0 : 100.0 * used / sent;
        }

        public double platformRate() {
            return platformPitches == 0 ? 0 : 100.0 * platformUsed / platformPitches;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DashboardsProperties properties;

    SourceStatistics(JdbcClient jdbc, Clock clock, DashboardsProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * A pitch counts once per move, in the month it first made it: viewed when the journalist opened it or first
     * decided on it from the inbox. A decision the journalist can still take back is left out, as on the source's
     * other pages: it has not reached them.
     */
    @PlainRead
    Activity activity(long accountId, ZoneId zone) {
        Months months = Months.endingAt(clock.instant(), zone);
        Map<String, Integer> found = new HashMap<>();
        jdbc.sql("""
                with mine as (
                    select p.id, p.submitted_at, p.viewed_at
                    from pitch p join source_profile s on s.id = p.source_id
                    where s.account_id = :account),
                changes as (
                    select c.pitch_id, c.status, min(c.changed_at) as at
                    from pitch_status_change c join mine m on m.id = c.pitch_id
                    where not (c.id = (select max(l.id) from pitch_status_change l where l.pitch_id = c.pitch_id)
                               and exists (select 1 from pitch_undo u where u.pitch_id = c.pitch_id
                                           and u.expires_at > :now and u.decided_status = c.status))
                    group by c.pitch_id, c.status),
                events as (
                    select 'SENT' as move, m.submitted_at as at from mine m
                    union all
                    select 'VIEWED', least(min(m.viewed_at), min(c.at))
                    from mine m left join changes c on c.pitch_id = m.id group by m.id
                    union all
                    select c.status, c.at from changes c where c.status <> 'VIEWED')
                select move, to_char(at at time zone :zone, 'YYYY-MM'), count(*)
                from events where at >= :from
                group by 1, 2""")
                .param("account", accountId).param("zone", zone.getId())
                .param("now", Timestamp.from(clock.instant())).param("from", Timestamp.from(months.from()))
                .query(rs -> {
                    found.put(rs.getString(1) + "/" + rs.getString(2), rs.getInt(3));
                });
        Map<Move, List<Integer>> counts = new EnumMap<>(Move.class);
        for (Move move : Move.values()) {
            counts.put(move, months.months().stream()
                    .map(month -> found.getOrDefault(move.name() + "/" + Months.key(month), 0)).toList());
        }
        return new Activity(months, counts);
    }

    /**
     * Used ÷ sent per topic the source pitched in, all time, beside the same for every source's pitches to that
     * topic's queries (one look-up per topic through the query and pitch indexes).
     */
    @PlainRead
    List<TopicRate> winRates(long accountId) {
        int minimum = properties.minPitchesForAverage();
        return jdbc.sql("""
                with mine as (
                    select q.topic_id, count(*) as sent, count(*) filter (where p.status = 'USED') as used
                    from pitch p join source_profile s on s.id = p.source_id join journalist_query q on q.id = p.query_id
                    where s.account_id = :account and q.topic_id is not null
                    group by q.topic_id)
                select t.name, m.sent, m.used, a.sent, a.used
                from mine m join topic t on t.id = m.topic_id
                cross join lateral (
                    select count(*) as sent, count(*) filter (where p.status = 'USED') as used
                    from journalist_query q join pitch p on p.query_id = q.id
                    where q.topic_id = m.topic_id) a
                order by m.sent desc, t.name""")
                .param("account", accountId)
                .query((rs, n) -> new TopicRate(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(4) >= minimum))
                .list();
    }

    /** The source's confirmed placements by what the latest reading of the article found. */
    @PlainRead
    Map<LinkKind, Integer> placements(long accountId) {
        Map<LinkKind, Integer> counts = new EnumMap<>(LinkKind.class);
        for (LinkKind kind : LinkKind.values()) {
            counts.put(kind, 0);
        }
        jdbc.sql("select " + LinkKind.sql("pl") + ", count(*) from placement pl join pitch p on p.id = pl.pitch_id "
                        + "join source_profile s on s.id = p.source_id "
                        + "where s.account_id = :account and pl.state = 'CONFIRMED' group by 1")
                .param("account", accountId)
                .query(rs -> {
                    counts.put(LinkKind.valueOf(rs.getString(1)), rs.getInt(2));
                });
        return counts;
    }

    int minPitchesForAverage() {
        return properties.minPitchesForAverage();
    }

    static List<Integer> list(Map<LinkKind, Integer> counts) {
        List<Integer> values = new ArrayList<>();
        for (LinkKind kind : LinkKind.values()) {
            values.add(counts.get(kind));
        }
        return values;
    }
}
