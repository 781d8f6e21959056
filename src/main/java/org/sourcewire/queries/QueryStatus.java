package org.sourcewire.queries;

public enum QueryStatus {
    DRAFT("Draft"), PENDING_REVIEW("Waiting for review"), PUBLISHED("Published"), CLOSED("Closed"), EXPIRED("Expired"),
    REJECTED("Rejected");

    private final String label;

    QueryStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** What sources may see: published queries and those that have ended. */
    public boolean isVisibleToSources() {
        return this == PUBLISHED || this == CLOSED || this == EXPIRED;
    }
}
