package org.sourcewire.queries;

public enum QueryStatus {
    DRAFT("queries.text.status.draft"), PENDING_REVIEW("queries.text.status.pending-review"),
    PUBLISHED("queries.text.status.published"), CLOSED("queries.text.status.closed"),
    EXPIRED("queries.text.status.expired"), REJECTED("queries.text.status.rejected");

    private final String labelKey;

    QueryStatus(String labelKey) {
        this.labelKey = labelKey;
    }

    /** Its name for people, as a key of messages.properties ({@code #{${status.labelKey()}}}). */
    public String labelKey() {
        return labelKey;
    }

    /**
     * What sources may see: published queries and those that have ended, if they were published before
     * ({@link QueryView#isVisibleToSources()}).
     */
    public boolean isVisibleToSources() {
        return this == PUBLISHED || this == CLOSED || this == EXPIRED;
    }
}
