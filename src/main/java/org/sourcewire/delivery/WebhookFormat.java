package org.sourcewire.delivery;

/** The JSON a webhook gets: the shape the chat service at the other end reads. */
enum WebhookFormat {

    /** Slack's incoming webhooks ({@code text} and Block Kit {@code blocks}); Mattermost and others read it too. */
    SLACK("delivery.text.format.slack"),

    /** A Microsoft Teams Workflows webhook: a message with an Adaptive Card; older connectors read its {@code text}. */
    TEAMS("delivery.text.format.teams");

    private final String labelKey;

    WebhookFormat(String labelKey) {
        this.labelKey = labelKey;
    }

    /** Its name for people, as a key of messages.properties ({@code #{${format.labelKey()}}}). */
    public String labelKey() {
        return labelKey;
    }
}
