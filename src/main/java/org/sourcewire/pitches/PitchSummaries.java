package org.sourcewire.pitches;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.mail.Email;
import org.sourcewire.mail.Outbox;
import org.sourcewire.shared.SiteUrls;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The journalists' daily summary of new pitches, and each journalist's choice to get it or not. */
@Service
@Transactional
class PitchSummaries {

    private final AccountManagement accounts;
    private final Outbox outbox;
    private final SiteUrls urls;
    private final JdbcClient jdbc;
    private final Clock clock;

    PitchSummaries(AccountManagement accounts, Outbox outbox, SiteUrls urls, JdbcClient jdbc, Clock clock) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.urls = urls;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Queues today's summary of new pitches for every journalist who has any and has not opted out; a journalist
     * gets at most one a day, however many instances run the job. Returns how many were queued.
     */
    int sendDailySummaries() {
        Instant now = clock.instant();
        record Line(long journalistId, long queryId, String headline, long count, long flagged) {
        }
        // Screened pitches only: one still being screened is counted in tomorrow's summary.
        List<Line> lines = jdbc.sql("""
                select q.journalist_id, q.id, q.headline, count(*), count(*) filter (where p.flagged)
                from pitch p join journalist_query q on q.id = p.query_id
                where p.submitted_at > :since and q.status = 'PUBLISHED' and p.score is not null
                  and not exists (select 1 from pitch_summary_opt_out o where o.account_id = q.journalist_id)
                group by q.journalist_id, q.id, q.headline order by q.journalist_id, q.id""")
                .param("since", Timestamp.from(now.minus(java.time.Duration.ofDays(1))))
                .query((rs, n) -> new Line(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getLong(5)))
                .list();
        Map<Long, List<Line>> byJournalist = lines.stream().collect(Collectors.groupingBy(Line::journalistId,
                java.util.LinkedHashMap::new, Collectors.toList()));
        Map<Long, AccountView> journalists = accounts.findAll(byJournalist.keySet());
        int sent = 0;
        for (Map.Entry<Long, List<Line>> entry : byJournalist.entrySet()) {
            int claimed = jdbc.sql("""
                    insert into pitch_summary_sent (journalist_id, day, sent_at) values (:journalist, :day, :now)
                    on conflict do nothing""")
                    .param("journalist", entry.getKey()).param("day", java.sql.Date.valueOf(now.atZone(java.time.ZoneOffset.UTC).toLocalDate()))
                    .param("now", Timestamp.from(now)).update();
            AccountView journalist = journalists.get(entry.getKey());
            if (claimed == 0 || journalist == null) {
                continue;
            }
            List<Map<String, Object>> items = entry.getValue().stream().map(line -> Map.<String, Object>of(
                    "headline", line.headline(), "count", line.count(), "flagged", line.flagged(),
                    "link", urls.link("/queries/" + line.queryId() + "/pitches"))).toList();
            long total = entry.getValue().stream().mapToLong(Line::count).sum();
            outbox.queue(new Email(journalist.email(), Email.subject("mail.pitch-summary.subject", total),
                    "mail/pitch-summary",
                    Map.of("name", journalist.displayName(), "items", items, "settings", urls.link("/pitches/settings"))));
            sent++;
        }
        return sent;
    }

    @Transactional(readOnly = true)
    boolean wantsDailySummary(long accountId) {
        return !jdbc.sql("select exists (select 1 from pitch_summary_opt_out where account_id = :id)")
                .param("id", accountId).query(Boolean.class).single();
    }

    void setDailySummary(long accountId, boolean wanted) {
        if (wanted) {
            jdbc.sql("delete from pitch_summary_opt_out where account_id = :id").param("id", accountId).update();
        }
        else {
            jdbc.sql("insert into pitch_summary_opt_out (account_id) values (:id) on conflict do nothing")
                    .param("id", accountId).update();
        }
    }
}
