package org.sourcewire.dashboards;

/** What a confirmed placement's latest reading found, in the order the charts show them. */
enum LinkKind {
    FOLLOWED("Followed link"),
    NOFOLLOW("nofollow link"),
    SPONSORED("Sponsored link"),
    UGC("UGC link"),
    NONE("No link found"),
    UNREAD("Not read yet");

    private final String label;

    LinkKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The SQL that names a placement's kind, given the placement's alias. */
    static String sql(String alias) {
        return "case when %1$s.checked_at is null then 'UNREAD' else coalesce(%1$s.link_kind, 'NONE') end"
                .formatted(alias);
    }
}
