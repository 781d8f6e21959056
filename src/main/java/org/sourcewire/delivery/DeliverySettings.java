package org.sourcewire.delivery;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A source's delivery settings: the private feed's token and the webhook. A feed token is 32 random bytes; making a
 * new one replaces the old in the same row, so the old address stops working at once.
 */
@Service
@Transactional
class DeliverySettings {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a source has set; {@link #NONE} before anything. */
    record Setting(String feedToken, String webhookUrl, WebhookFormat webhookFormat, Instant webhookOnSince,
            Instant webhookTestedAt) {

        static final Setting NONE = new Setting(null, null, WebhookFormat.SLACK, null, null);

        boolean hasFeed() {
            return feedToken != null;
        }

        boolean hasWebhook() {
            return webhookUrl != null;
        }
    }

    /** The owner of a feed token: the profile and its account. */
    record FeedOwner(long sourceId, long accountId) {
    }

    private final JdbcClient jdbc;

    DeliverySettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    Setting of(long sourceId) {
        return jdbc.sql("""
                select feed_token, webhook_url, webhook_format, webhook_on_since, webhook_tested_at
                from delivery_setting where source_id = :source""")
                .param("source", sourceId)
                .query((rs, n) -> new Setting(rs.getString("feed_token"), rs.getString("webhook_url"),
                        WebhookFormat.valueOf(rs.getString("webhook_format")), instant(rs.getTimestamp("webhook_on_since")),
                        instant(rs.getTimestamp("webhook_tested_at"))))
                .optional().orElse(Setting.NONE);
    }

    /** Gives the source a new private feed address; an earlier one stops working. */
    String newFeedToken(long sourceId, long accountId, Instant now) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                insert into delivery_setting (source_id, account_id, feed_token, updated_at)
                values (:source, :account, :token, :now)
                on conflict (source_id) do update set feed_token = excluded.feed_token, updated_at = excluded.updated_at""")
                .param("source", sourceId).param("account", accountId).param("token", token)
                .param("now", Timestamp.from(now)).update();
        return token;
    }

    void removeFeed(long sourceId, Instant now) {
        jdbc.sql("update delivery_setting set feed_token = null, updated_at = :now where source_id = :source")
                .param("source", sourceId).param("now", Timestamp.from(now)).update();
    }

    @Transactional(readOnly = true)
    Optional<FeedOwner> ownerOfFeedToken(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("select source_id, account_id from delivery_setting where feed_token = :token")
                .param("token", token)
                .query((rs, n) -> new FeedOwner(rs.getLong("source_id"), rs.getLong("account_id"))).optional();
    }

    /**
     * Turns the webhook on or changes it. A new address starts afresh: only matches from now on go to it, and
     * messages still waiting for the old address are cancelled (they were meant for somewhere else).
     */
    void saveWebhook(long sourceId, long accountId, String url, WebhookFormat format, Instant now) {
        jdbc.sql("""
                insert into delivery_setting (source_id, account_id, webhook_url, webhook_format, webhook_on_since, updated_at)
                values (:source, :account, :url, :format, :now, :now)
                on conflict (source_id) do update set
                    webhook_on_since = case when delivery_setting.webhook_url is distinct from excluded.webhook_url
                                            then excluded.webhook_on_since else delivery_setting.webhook_on_since end,
                    webhook_url = excluded.webhook_url, webhook_format = excluded.webhook_format,
                    updated_at = excluded.updated_at""")
                .param("source", sourceId).param("account", accountId).param("url", url)
                .param("format", format.name()).param("now", Timestamp.from(now)).update();
        cancelWaiting(sourceId, url);
        jdbc.sql("update webhook_message set format = :format where source_id = :source and status = 'PENDING'")
                .param("source", sourceId).param("format", format.name()).update();
    }

    void removeWebhook(long sourceId, Instant now) {
        jdbc.sql("""
                update delivery_setting set webhook_url = null, webhook_on_since = null, updated_at = :now
                where source_id = :source""")
                .param("source", sourceId).param("now", Timestamp.from(now)).update();
        cancelWaiting(sourceId, null);
    }

    /**
     * Claims the right to send a test message now, at most one per {@code interval}: false if one was sent too
     * recently (a double click, or someone using Sourcewire to post at an address over and over).
     */
    boolean claimTest(long sourceId, Instant now, java.time.Duration interval) {
        return jdbc.sql("""
                update delivery_setting set webhook_tested_at = :now
                where source_id = :source and webhook_url is not null
                  and (webhook_tested_at is null or webhook_tested_at <= :since)""")
                .param("source", sourceId).param("now", Timestamp.from(now))
                .param("since", Timestamp.from(now.minus(interval))).update() == 1;
    }

    private void cancelWaiting(long sourceId, String keptUrl) {
        jdbc.sql("""
                update webhook_message set status = 'CANCELLED', last_error = 'The webhook was changed or turned off.'
                where source_id = :source and status = 'PENDING' and url is distinct from :url""")
                .param("source", sourceId).param("url", keptUrl).update();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
