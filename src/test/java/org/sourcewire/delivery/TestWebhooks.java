package org.sourcewire.delivery;

import org.springframework.stereotype.Component;

/** What the webhook job does on a schedule, for tests in other packages (the tests turn scheduling off). */
@Component
public class TestWebhooks {

    private final Webhooks webhooks;

    TestWebhooks(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    /** Claims new matches and posts what is due, once. */
    public void run() {
        webhooks.claimNewMatches();
        webhooks.sendDue();
    }
}
