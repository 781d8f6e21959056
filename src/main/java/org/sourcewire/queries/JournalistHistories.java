package org.sourcewire.queries;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.infrastructure.PlainRead;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who is asking, for the moderator's review card: the journalist's account age and the queries they submitted
 * before this one. Read for a whole page of cards in two statements, however many cards or earlier queries.
 */
@Service
public class JournalistHistories {

    /** How many of the earlier queries a card lists, latest first. */
    static final int LATEST = 3;

    private final AccountManagement accounts;
    private final JdbcClient jdbc;
    private final Clock clock;

    JournalistHistories(AccountManagement accounts, JdbcClient jdbc, Clock clock) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Each query's journalist history, by query id. */
    @PlainRead
    public Map<Long, JournalistHistory> of(Collection<QueryView> queries) {
        if (queries.isEmpty()) {
            return Map.of();
        }
        record Line(long card, long total, long rejected, long published, String lastRejection, Long id, String headline,
                String status, Instant submittedAt, String rejectionReason) {
        }
        // Every card's earlier queries counted by a window over the journalist's rows; only the latest few are kept.
        List<Line> lines = jdbc.sql("""
                with earlier as (
                    select c.id as card, e.id, e.headline, e.status, e.submitted_at,
                           count(*) over (partition by c.id) as total,
                           count(*) filter (where e.status = 'REJECTED') over (partition by c.id) as rejected,
                           count(*) filter (where e.published_at is not null) over (partition by c.id) as published,
                           first_value(e.rejection_reason) over (partition by c.id
                               order by e.status = 'REJECTED' desc, e.created_at desc, e.id desc
                               rows between unbounded preceding and unbounded following) as last_rejection,
                           e.rejection_reason,
                           row_number() over (partition by c.id order by e.created_at desc, e.id desc) as n
                    from journalist_query c
                    join journalist_query e on e.journalist_id = c.journalist_id and e.id <> c.id
                         and e.created_at < c.created_at and e.submitted_at is not null
                    where c.id in (:ids))
                select card, total, rejected, published, last_rejection, id, headline, status, submitted_at,
                       rejection_reason
                from earlier where n <= :latest
                order by card, n""")
                .param("ids", queries.stream().map(QueryView::id).toList()).param("latest", LATEST)
                .query((rs, n) -> new Line(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                        rs.getLong(6), rs.getString(7), rs.getString(8), instant(rs.getTimestamp(9)), rs.getString(10)))
                .list();
        Map<Long, AccountView> journalists = accounts.findAll(queries.stream().map(QueryView::journalistId)
                .filter(java.util.Objects::nonNull).distinct().toList());
        Map<Long, List<Line>> byCard = new HashMap<>();
        lines.forEach(line -> byCard.computeIfAbsent(line.card(), card -> new ArrayList<>()).add(line));
        Instant now = clock.instant();
        Map<Long, JournalistHistory> histories = new HashMap<>();
        for (QueryView query : queries) {
            List<Line> found = byCard.getOrDefault(query.id(), List.of());
            AccountView journalist = query.journalistId() == null ? null : journalists.get(query.journalistId());
            histories.put(query.id(), new JournalistHistory(
                    journalist == null ? null : Duration.between(journalist.createdAt(), now),
                    found.isEmpty() ? 0 : found.get(0).total(), found.isEmpty() ? 0 : found.get(0).published(),
                    found.isEmpty() ? 0 : found.get(0).rejected(),
                    found.isEmpty() || found.get(0).rejected() == 0 ? null : found.get(0).lastRejection(),
                    found.stream().map(line -> new JournalistHistory.Earlier(line.id(), line.headline(),
                            QueryStatus.valueOf(line.status()), line.submittedAt(), line.rejectionReason())).toList()));
        }
        return histories;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
