package org.sourcewire.queries;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The tabs of "Your queries": which statuses each shows, and what an empty one says. Both the filter and the tab's
 * count come from {@link #statuses}, so they cannot disagree.
 */
enum QueryTab {

    ALL("all", "All", EnumSet.allOf(QueryStatus.class), "You have not posted a query yet",
            "Describe your story, ask up to five questions and set a deadline: matching experts see it as soon as it "
                    + "is published, and their pitches arrive here."),
    DRAFTS("drafts", "Drafts", EnumSet.of(QueryStatus.DRAFT), "No drafts",
            "A query you save without submitting waits here until you submit it."),
    PENDING("pending", "Waiting for review", EnumSet.of(QueryStatus.PENDING_REVIEW), "Nothing waiting for review",
            "A query that a moderator checks before experts see it waits here; you get an e-mail when it is decided."),
    PUBLISHED("published", "Published", EnumSet.of(QueryStatus.PUBLISHED), "No published queries",
            "A published query is open to experts until its deadline; post one to start getting pitches."),
    ENDED("ended", "Closed and expired", EnumSet.of(QueryStatus.CLOSED, QueryStatus.EXPIRED),
            "No closed or expired queries",
            "A query ends at its deadline, when it reaches its pitch cap, or when you close it. Its pitches stay here."),
    REJECTED("rejected", "Rejected", EnumSet.of(QueryStatus.REJECTED), "No rejected queries",
            "If a moderator does not publish a query, it is listed here with the reason.");

    private final String key;
    private final String label;
    private final Set<QueryStatus> statuses;
    private final String emptyTitle;
    private final String emptyText;

    QueryTab(String key, String label, Set<QueryStatus> statuses, String emptyTitle, String emptyText) {
        this.key = key;
        this.label = label;
        this.statuses = statuses;
        this.emptyTitle = emptyTitle;
        this.emptyText = emptyText;
    }

    /** The tab named in the address ({@code ?status=pending}); {@link QueryTabParameter} binds it. */
    static QueryTab of(String key) {
        for (QueryTab tab : values()) {
            if (tab.key.equals(key)) {
                return tab;
            }
        }
        throw new IllegalArgumentException("No query tab " + key);
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    Set<QueryStatus> statuses() {
        return statuses;
    }

    public String emptyTitle() {
        return emptyTitle;
    }

    public String emptyText() {
        return emptyText;
    }

    long count(Map<QueryStatus, Long> byStatus) {
        return statuses.stream().mapToLong(status -> byStatus.getOrDefault(status, 0L)).sum();
    }

    /** A tab as the page shows it: "Waiting for review (2)". */
    record Counted(QueryTab tab, long count) {

        public String text() {
            return tab.label + " (" + count + ")";
        }
    }
}
