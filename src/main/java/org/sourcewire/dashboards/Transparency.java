package org.sourcewire.dashboards;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sourcewire.shared.Durations;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The instance's figures for anyone to read, per calendar month (UTC): aggregates over every query, pitch and
 * placement, never a row about one of them. Two grouped statements; the queries are found by their publication
 * time's index, but a year's pitches are read whole (slow once there are many), so each instance keeps the
 * figures for {@code sourcewire.dashboards.transparency-cache}, and one visitor at a time refreshes them.
 */
@Service
class Transparency {

    /**
     * The queries published in a month, and what their pitches did (pitches are counted with their query's month).
     *
     * @param medianPitches median pitches per query, queries without pitches included; null without queries
     * @param screenedOut the share of those pitches screening flagged, 0-100; null without pitches
     * @param medianToQualified median time from publishing to the first pitch screening did not flag, over the
     *        queries that got one; null when none did
     */
    record Month(String label, int queries, Double medianPitches, int pitches, Double screenedOut,
            Duration medianToQualified, Map<LinkKind, Integer> placements) {

        /** The median time in words (a key and its arguments); null without one. */
        public MessageSourceResolvable medianToQualifiedText() {
            return Durations.of(medianToQualified);
        }

        public int placementTotal() {
            return placements.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private record Cached(Instant at, List<Month> months) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration cacheFor;
    private volatile Cached cached;

    Transparency(JdbcClient jdbc, Clock clock, DashboardsProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cacheFor = properties.transparencyCache();
    }

    /** The figures as read at most {@code transparency-cache} ago. */
    List<Month> lastTwelveMonths() {
        Cached figures = cached;
        if (fresh(figures)) {
            return figures.months();
        }
        synchronized (this) {
            figures = cached;
            if (!fresh(figures)) {
                figures = new Cached(clock.instant(), read());
                cached = figures;
            }
            return figures.months();
        }
    }

    /** Drops the kept figures, so the next visitor reads them afresh (for tests that write figures and read them). */
    void forget() {
        cached = null;
    }

    private boolean fresh(Cached figures) {
        return figures != null && figures.at().plus(cacheFor).isAfter(clock.instant());
    }

    private List<Month> read() {
        Months months = Months.endingAt(clock.instant(), ZoneOffset.UTC);
        Timestamp from = Timestamp.from(months.from());
        record QueryFigures(int queries, Double medianPitches, int pitches, int flagged, Double medianSeconds) {
        }
        Map<String, QueryFigures> byMonth = new HashMap<>();
        jdbc.sql("""
                with per_query as (
                    select to_char(q.published_at at time zone 'UTC', 'YYYY-MM') as month, count(p.id) as pitches,
                           count(p.id) filter (where p.flagged) as flagged,
                           extract(epoch from min(p.submitted_at) filter (where not p.flagged) - q.published_at)
                               as to_qualified
                    from journalist_query q left join pitch p on p.query_id = q.id
                    where q.published_at >= :from
                    group by q.id)
                select month, count(*), percentile_cont(0.5) within group (order by pitches), sum(pitches),
                       sum(flagged), percentile_cont(0.5) within group (order by to_qualified)
                from per_query group by month""")
                .param("from", from)
                .query(rs -> {
                    byMonth.put(rs.getString(1), new QueryFigures(rs.getInt(2), rs.getDouble(3), rs.getInt(4),
                            rs.getInt(5), (Double) rs.getObject(6)));
                });
        Map<String, Map<LinkKind, Integer>> placements = new HashMap<>();
        jdbc.sql("select to_char(pl.confirmed_at at time zone 'UTC', 'YYYY-MM'), " + LinkKind.sql("pl") + ", count(*) "
                        + "from placement pl where pl.state = 'CONFIRMED' and pl.confirmed_at >= :from group by 1, 2")
                .param("from", from)
                .query(rs -> {
                    placements.computeIfAbsent(rs.getString(1), k -> new EnumMap<>(LinkKind.class))
                            .put(LinkKind.valueOf(rs.getString(2)), rs.getInt(3));
                });
        return months.months().stream().map(month -> {
            String key = Months.key(month);
            QueryFigures figures = byMonth.getOrDefault(key, new QueryFigures(0, null, 0, 0, null));
            Map<LinkKind, Integer> kinds = new EnumMap<>(LinkKind.class);
            for (LinkKind kind : LinkKind.values()) {
                kinds.put(kind, placements.getOrDefault(key, Map.of()).getOrDefault(kind, 0));
            }
            return new Month(Months.label(month), figures.queries(), figures.queries() == 0 ? null : figures.medianPitches(),
                    figures.pitches(), figures.pitches() == 0 ? null : 100.0 * figures.flagged() / figures.pitches(),
                    figures.medianSeconds() == null ? null : Duration.ofSeconds(Math.round(figures.medianSeconds())),
                    kinds);
        }).toList();
    }
}
