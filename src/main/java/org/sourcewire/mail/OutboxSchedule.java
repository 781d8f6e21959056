package org.sourcewire.mail;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Polls the outbox. Every instance may poll: row locks, not a job lock, keep each message to one sender. */
@Component
@ConditionalOnBooleanProperty(name = "sourcewire.scheduling.enabled", matchIfMissing = true)
class OutboxSchedule {

    private final OutboxSender sender;

    OutboxSchedule(OutboxSender sender) {
        this.sender = sender;
    }

    @Scheduled(fixedDelayString = "${sourcewire.mail.outbox.poll-interval}", initialDelayString = "5s")
    void sendDueMail() {
        while (sender.sendDue() > 0) {
            // keep going until nothing is due
        }
    }
}
