package org.sourcewire.dashboards;

/** What a confirmed placement's latest reading found, in the order the charts show them. */
enum LinkKind {
    FOLLOWED("dashboards.text.link-kind.followed"),
    NOFOLLOW("dashboards.text.link-kind.nofollow"),
    SPONSORED("dashboards.text.link-kind.sponsored"),
    UGC("dashboards.text.link-kind.ugc"),
    NONE("dashboards.text.link-kind.none"),
    UNREAD("dashboards.text.link-kind.unread");

    private final String labelKey;

    LinkKind(String labelKey) {
        this.labelKey = labelKey;
    }

    /** Its name for people, as a key of messages.properties. */
    public String labelKey() {
        return labelKey;
    }

    /** The SQL that names a placement's kind, given the placement's alias. */
    static String sql(String alias) {
        return "case when %1$s.checked_at is null then 'UNREAD' else coalesce(%1$s.link_kind, 'NONE') end"
                .formatted(alias);
    }
}
