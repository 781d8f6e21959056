package org.sourcewire.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sourcewire.shared.BatchedDeletes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes finished webhook messages (sent, failed, cancelled) after {@code sourcewire.delivery.webhook.retention}.
 * A message's row is also what keeps a match from being sent twice, but only matches newer than the look-back are
 * ever claimed, so a message older than the look-back can go without its match being sent again.
 */
@Component
class WebhookRetention {

    private static final Logger log = LoggerFactory.getLogger(WebhookRetention.class);

    private final JdbcClient jdbc;
    private final DeliveryProperties properties;
    private final Clock clock;

    WebhookRetention(JdbcClient jdbc, DeliveryProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    @SchedulerLock(name = "webhook-retention", lockAtMostFor = "PT50M")
    public void run() {
        int removed = purge(clock.instant());
        if (removed > 0) {
            log.info("Removed {} finished webhook messages", removed);
        }
    }

    /** Removes finished messages created more than the retention before {@code now}; returns how many. */
    int purge(Instant now) {
        DeliveryProperties.Webhook webhook = properties.webhook();
        // Younger than the look-back, a message still keeps its match from being claimed and sent again.
        Duration keep = webhook.retention().compareTo(webhook.lookback()) > 0 ? webhook.retention() : webhook.lookback();
        return BatchedDeletes.delete(jdbc, "webhook_message",
                "select ctid from webhook_message where created_at < :cutoff and status <> 'PENDING'",
                Map.of("cutoff", Timestamp.from(now.minus(keep))));
    }
}
