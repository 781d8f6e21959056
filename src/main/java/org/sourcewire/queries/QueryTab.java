package org.sourcewire.queries;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The tabs of "Your queries": which statuses each shows, and what an empty one says. Both the filter and the tab's
 * count come from {@link #statuses}, so they cannot disagree.
 */
enum QueryTab {

    ALL("all", "queries.text.tab.all", EnumSet.allOf(QueryStatus.class), "queries.text.tab.all.empty-title",
            "queries.text.tab.all.empty-text"),
    DRAFTS("drafts", "queries.text.tab.drafts", EnumSet.of(QueryStatus.DRAFT), "queries.text.tab.drafts.empty-title",
            "queries.text.tab.drafts.empty-text"),
    PENDING("pending", QueryStatus.PENDING_REVIEW.labelKey(), EnumSet.of(QueryStatus.PENDING_REVIEW),
            "queries.text.tab.pending.empty-title", "queries.text.tab.pending.empty-text"),
    PUBLISHED("published", QueryStatus.PUBLISHED.labelKey(), EnumSet.of(QueryStatus.PUBLISHED),
            "queries.text.tab.published.empty-title", "queries.text.tab.published.empty-text"),
    ENDED("ended", "queries.text.tab.ended", EnumSet.of(QueryStatus.CLOSED, QueryStatus.EXPIRED),
            "queries.text.tab.ended.empty-title", "queries.text.tab.ended.empty-text"),
    REJECTED("rejected", QueryStatus.REJECTED.labelKey(), EnumSet.of(QueryStatus.REJECTED),
            "queries.text.tab.rejected.empty-title", "queries.text.tab.rejected.empty-text");

    private final String key;
    private final String labelKey;
    private final Set<QueryStatus> statuses;
    private final String emptyTitleKey;
    private final String emptyTextKey;

    QueryTab(String key, String labelKey, Set<QueryStatus> statuses, String emptyTitleKey, String emptyTextKey) {
        this.key = key;
        this.labelKey = labelKey;
        this.statuses = statuses;
        this.emptyTitleKey = emptyTitleKey;
        this.emptyTextKey = emptyTextKey;
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

    /** The tab's name, as a key of messages.properties. */
    public String labelKey() {
        return labelKey;
    }

    Set<QueryStatus> statuses() {
        return statuses;
    }

    /** What an empty tab says, as keys of messages.properties. */
    public String emptyTitleKey() {
        return emptyTitleKey;
    }

    public String emptyTextKey() {
        return emptyTextKey;
    }

    long count(Map<QueryStatus, Long> byStatus) {
        return statuses.stream().mapToLong(status -> byStatus.getOrDefault(status, 0L)).sum();
    }

    /** A tab with its count; the page shows it as "Waiting for review (2)". */
    record Counted(QueryTab tab, long count) {
    }
}
