package org.sourcewire.queries;

/** Stated up front, so nobody haggles over links later. */
public enum LinkPolicy {
    FOLLOWED("Will link to the source (followed link)"), NOFOLLOW("Will link with a nofollow link"),
    NO_LINK("Will not link"), NOT_KNOWN("Not known yet");

    private final String label;

    LinkPolicy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
