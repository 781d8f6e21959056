package org.sourcewire.queries;

/** Stated up front, so nobody haggles over links later. */
public enum LinkPolicy {
    FOLLOWED("queries.text.link-policy.followed"), NOFOLLOW("queries.text.link-policy.nofollow"),
    NO_LINK("queries.text.link-policy.no-link"), NOT_KNOWN("queries.text.link-policy.not-known");

    private final String labelKey;

    LinkPolicy(String labelKey) {
        this.labelKey = labelKey;
    }

    /** What it promises, as a key of messages.properties ({@code #{${policy.labelKey()}}}). */
    public String labelKey() {
        return labelKey;
    }
}
