package org.sourcewire.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sourcewire.matching.MatchedQuery;
import org.sourcewire.matching.MatchingService;
import org.sourcewire.shared.Messages;
import org.sourcewire.shared.SafeFetcher;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The webhook outbox. {@link #claimNewMatches} records one {@code webhook_message} per new match of a source whose
 * webhook is on (the unique (source, query) key makes a second claim, by another run or instance, a no-op: a match is
 * never sent twice); {@link #sendDue} posts due messages, each taken with {@code FOR UPDATE SKIP LOCKED} and leased
 * by moving its due time past the post, so two senders never post one message, a sender that dies leaves it due
 * again, and no transaction stays open during a post. Failures are retried with back-off; an address that says the
 * hook is gone (a 4xx other than 408 and 429) is not asked again.
 */
@Service
class Webhooks {

    private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

    /**
     * New matches of sources with a webhook on (:now, :since = now minus the look-back): from when the webhook was
     * turned on, open queries only, active sources only. Per source through its own matches (the lateral subquery
     * with its OFFSET 0 fence), never a scan of all matches.
     */
    static final String CLAIM = """
            insert into webhook_message (source_id, query_id, url, format, next_attempt_at, created_at)
            select s.source_id, m.query_id, s.webhook_url, s.webhook_format, :now, :now
            from delivery_setting s
            cross join lateral (
                select m.query_id from source_match m
                where m.source_id = s.source_id and m.matched_at >= greatest(s.webhook_on_since, :since)
                  and m.query_status = 'PUBLISHED' and m.deadline > :now and m.source_active
                offset 0
            ) m
            where s.webhook_url is not null
            order by s.source_id, m.query_id
            on conflict (source_id, query_id) do nothing
            """;

    /** What a test message got: sent, or why not; its words a key of {@code messages.properties} with arguments. */
    record TestResult(boolean ok, MessageSourceResolvable message) {

        TestResult(boolean ok, String code, Object... arguments) {
            this(ok, new DefaultMessageSourceResolvable(new String[] { code }, arguments));
        }
    }

    private record Leased(long id, long sourceId, long queryId, String url, WebhookFormat format, int attempts) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MatchingService matching;
    private final WebhookPayloads payloads;
    private final SafeFetcher fetcher;
    private final DeliveryProperties properties;
    private final DeliverySettings settings;
    private final Messages messages;
    private final Clock clock;

    Webhooks(JdbcClient jdbc, TransactionTemplate transactions, MatchingService matching, WebhookPayloads payloads,
            SafeFetcher fetcher, DeliveryProperties properties, DeliverySettings settings, Messages messages,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.matching = matching;
        this.payloads = payloads;
        this.fetcher = fetcher;
        this.properties = properties;
        this.settings = settings;
        this.messages = messages;
        this.clock = clock;
    }

    /** Records a message for every new match of a webhook's source; returns how many. */
    int claimNewMatches() {
        Instant now = clock.instant();
        return jdbc.sql(CLAIM).param("now", Timestamp.from(now))
                .param("since", Timestamp.from(now.minus(properties.webhook().lookback()))).update();
    }

    /** Posts up to a batch of due messages, one at a time; returns how many were handled. */
    int sendDue() {
        int handled = 0;
        Optional<Leased> next;
        while (handled < properties.webhook().batchSize() && (next = lease()).isPresent()) {
            deliver(next.get());
            handled++;
        }
        return handled;
    }

    private Optional<Leased> lease() {
        Instant now = clock.instant();
        return transactions.execute(status -> jdbc.sql("""
                update webhook_message w set next_attempt_at = :leaseEnd
                where w.id = (select id from webhook_message
                              where status = 'PENDING' and next_attempt_at <= :now
                              order by next_attempt_at, id limit 1
                              for update skip locked)
                returning w.id, w.source_id, w.query_id, w.url, w.format, w.attempts""")
                .param("now", Timestamp.from(now))
                .param("leaseEnd", Timestamp.from(now.plus(properties.webhook().lease())))
                .query((rs, n) -> new Leased(rs.getLong("id"), rs.getLong("source_id"), rs.getLong("query_id"),
                        rs.getString("url"), WebhookFormat.valueOf(rs.getString("format")), rs.getInt("attempts")))
                .optional());
    }

    private void deliver(Leased message) {
        Optional<MatchedQuery> match = matching.openMatch(message.sourceId(), message.queryId());
        if (match.isEmpty()) {
            finish(message, "CANCELLED", null, "The query closed before it could be sent.");
            return;
        }
        try {
            SafeFetcher.Posted posted = fetcher.postJson(message.url(), payloads.match(match.get(), message.format()));
            if (posted.ok()) {
                finish(message, "SENT", posted.status(), null);
            }
            else {
                boolean gone = posted.status() >= 400 && posted.status() < 500 && posted.status() != 408
                        && posted.status() != 429;
                failed(message, posted.status(), "HTTP " + posted.status() + answer(posted), gone);
            }
        }
        catch (SafeFetcher.FetchRefused ex) {
            failed(message, null, messages.text(ex), false);
        }
    }

    private void failed(Leased message, Integer httpStatus, String error, boolean gone) {
        int attempts = message.attempts() + 1;
        boolean givingUp = gone || attempts >= properties.webhook().maxAttempts();
        log.warn("Webhook message #{} of source {} failed (attempt {}{}): {}", message.id(), message.sourceId(), attempts,
                givingUp ? ", giving up" : "", error);
        jdbc.sql("""
                update webhook_message set attempts = :attempts, status = :status, last_status = :httpStatus,
                    last_error = :error, next_attempt_at = :next
                where id = :id and status = 'PENDING'""")
                .param("attempts", attempts).param("status", givingUp ? "FAILED" : "PENDING")
                .param("httpStatus", httpStatus, java.sql.Types.INTEGER).param("error", error)
                .param("next", Timestamp.from(clock.instant().plus(properties.webhook().retryDelay(attempts))))
                .param("id", message.id()).update();
    }

    private void finish(Leased message, String status, Integer httpStatus, String error) {
        jdbc.sql("""
                update webhook_message set status = :status, attempts = attempts + :tried, last_status = :httpStatus,
                    last_error = :error, sent_at = case when :status = 'SENT' then cast(:now as timestamptz) end
                where id = :id and status = 'PENDING'""")
                .param("status", status).param("tried", httpStatus == null ? 0 : 1)
                .param("httpStatus", httpStatus, java.sql.Types.INTEGER).param("error", error)
                .param("now", Timestamp.from(clock.instant())).param("id", message.id()).update();
    }

    /** Posts a test message to the source's webhook now and says what came back; at most one per test interval. */
    TestResult sendTest(long sourceId) {
        DeliverySettings.Setting setting = settings.of(sourceId);
        if (!setting.hasWebhook()) {
            return new TestResult(false, "delivery.text.test-no-webhook");
        }
        if (!settings.claimTest(sourceId, clock.instant(), properties.webhook().testInterval())) {
            return new TestResult(false, "delivery.text.test-too-soon");
        }
        try {
            SafeFetcher.Posted posted = fetcher.postJson(setting.webhookUrl(), payloads.test(setting.webhookFormat()));
            return posted.ok() ? new TestResult(true, "delivery.text.test-delivered", String.valueOf(posted.status()))
                    : new TestResult(false, "delivery.text.test-answered", String.valueOf(posted.status()), answer(posted));
        }
        catch (SafeFetcher.FetchRefused ex) {
            return new TestResult(false, ex);
        }
    }

    /** A source's latest messages, newest first. */
    List<WebhookMessageView> latest(long sourceId, int limit) {
        return jdbc.sql("""
                select w.query_id, m.headline, w.status, w.attempts, w.last_status, w.last_error, w.created_at, w.sent_at,
                       w.next_attempt_at
                from webhook_message w
                left join source_match m on m.source_id = w.source_id and m.query_id = w.query_id
                where w.source_id = :source order by w.created_at desc, w.id desc limit :limit""")
                .param("source", sourceId).param("limit", limit)
                .query((rs, n) -> new WebhookMessageView(rs.getLong("query_id"), rs.getString("headline"),
                        rs.getString("status"), rs.getInt("attempts"),
                        (Integer) rs.getObject("last_status"), rs.getString("last_error"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant(),
                        rs.getTimestamp("next_attempt_at").toInstant()))
                .list();
    }

    private static String answer(SafeFetcher.Posted posted) {
        String body = posted.body().replaceAll("\\s+", " ");
        return body.isEmpty() ? "" : ": " + (body.length() > 200 ? body.substring(0, 200) + "\u2026" : body);
    }
}
