package org.sourcewire.queries;

public enum MediaType {
    ONLINE("Online"), PRINT("Print"), PODCAST("Podcast"), BROADCAST("Broadcast"), NEWSLETTER("Newsletter");

    private final String label;

    MediaType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
