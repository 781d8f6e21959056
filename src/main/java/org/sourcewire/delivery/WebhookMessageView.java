package org.sourcewire.delivery;

import java.time.Instant;

/** A webhook message as its source sees it on the delivery page; {@code headline} is null once the query is gone. */
record WebhookMessageView(long queryId, String headline, String status, int attempts, Integer lastStatus,
        String lastError, Instant createdAt, Instant sentAt, Instant nextAttemptAt) {
}
