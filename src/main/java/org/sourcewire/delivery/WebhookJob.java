package org.sourcewire.delivery;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Claims new matches for webhooks and posts what is due. ShedLock keeps a run to one instance at a time; the claim's
 * unique key and the senders' row locks keep each message single even if runs overlap.
 */
@Component
@ConditionalOnBooleanProperty(name = "sourcewire.scheduling.enabled", matchIfMissing = true)
class WebhookJob {

    private final Webhooks webhooks;

    WebhookJob(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Scheduled(fixedDelayString = "${sourcewire.delivery.webhook.every}", initialDelayString = "PT30S")
    @SchedulerLock(name = "webhook-deliveries", lockAtMostFor = "PT30M")
    void deliverNewMatches() {
        webhooks.claimNewMatches();
        webhooks.sendDue();
    }
}
