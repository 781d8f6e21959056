package org.sourcewire.delivery;

/** The JSON a webhook gets: the shape the chat service at the other end reads. */
enum WebhookFormat {

    /** Slack's incoming webhooks ({@code text} and Block Kit {@code blocks}); Mattermost and others read it too. */
    SLACK("Slack (also Mattermost, Rocket.Chat)"),

    /** A Microsoft Teams Workflows webhook: a message with an Adaptive Card; older connectors read its {@code text}. */
    TEAMS("Microsoft Teams");

    private final String label;

    WebhookFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
