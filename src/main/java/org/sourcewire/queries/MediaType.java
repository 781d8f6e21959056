package org.sourcewire.queries;

public enum MediaType {
    ONLINE("queries.text.media-type.online"), PRINT("queries.text.media-type.print"),
    PODCAST("queries.text.media-type.podcast"), BROADCAST("queries.text.media-type.broadcast"),
    NEWSLETTER("queries.text.media-type.newsletter");

    private final String labelKey;

    MediaType(String labelKey) {
        this.labelKey = labelKey;
    }

    /** Its name for people, as a key of messages.properties ({@code #{${type.labelKey()}}}). */
    public String labelKey() {
        return labelKey;
    }
}
