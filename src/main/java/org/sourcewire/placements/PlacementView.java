package org.sourcewire.placements;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.sourcewire.placements.ArticleReading.LinkKind;
import org.sourcewire.queries.LinkPolicy;

/**
 * A used pitch's article as both sides see it: the latest reading, what the query promised about links beside what
 * was found, when it is read next, and every reading so far (newest first).
 */
record PlacementView(UUID pitchId, String articleUrl, boolean confirmed, boolean proposedBySource, Instant createdAt,
        Instant checkedAt, LinkKind linkKind, Boolean mentioned, Boolean quoted, String title, String canonicalUrl,
        Instant publishedAt, Instant nextCheckAt, LinkPolicy promised, boolean siteKnown, List<Check> history) {

    /** One reading of the article; {@code error} says why it could not be read. */
    record Check(Instant at, int round, String error, String finalUrl, LinkKind linkKind, List<FoundLink> links,
            Boolean mentioned, Boolean quoted) {

        public boolean isRead() {
            return error == null;
        }

        /** The kind found, as a key of messages.properties ({@code #{${c.kindLabelKey()}}}). */
        public String kindLabelKey() {
            return labelKey(linkKind);
        }
    }

    /** A link to the source's site: where it points, its anchor text, its kind, and where it leads after redirects. */
    record FoundLink(String href, String anchor, LinkKind kind, String target) {

        /** Its kind, as a key of messages.properties ({@code #{${l.kindLabelKey()}}}). */
        public String kindLabelKey() {
            return labelKey(kind);
        }
    }

    /** A kind of link (null: none) in words, as a key of messages.properties: "followed link", "no link". */
    public static String labelKey(LinkKind kind) {
        return kind == null ? "placements.text.link.none" : switch (kind) {
            case FOLLOWED -> "placements.text.link.followed";
            case NOFOLLOW -> "placements.text.link.nofollow";
            case SPONSORED -> "placements.text.link.sponsored";
            case UGC -> "placements.text.link.ugc";
        };
    }

    public boolean isRead() {
        return checkedAt != null;
    }

    /** What was found, as a key of messages.properties: "followed link", "no link", "not read yet". */
    public String foundKey() {
        if (!isRead()) {
            return "placements.text.found.unread";
        }
        return siteKnown || linkKind != null ? labelKey(linkKind) : "placements.text.found.no-website";
    }

    /** What the query promised, as a key of messages.properties. */
    public String promiseKey() {
        return switch (promised) {
            case FOLLOWED -> "placements.text.link.followed";
            case NOFOLLOW -> "placements.text.link.nofollow";
            case NO_LINK -> "placements.text.link.none";
            case NOT_KNOWN -> "placements.text.promise.nothing-stated";
        };
    }

    /**
     * Whether what was found keeps the promise: a followed link for a followed-link promise; any link for a nofollow
     * promise. Null when there is nothing to judge (not read yet, or no link was promised).
     */
    public Boolean keptPromise() {
        if (!isRead() || !siteKnown || promised == LinkPolicy.NO_LINK || promised == LinkPolicy.NOT_KNOWN) {
            return null;
        }
        return promised == LinkPolicy.FOLLOWED ? linkKind == LinkKind.FOLLOWED : linkKind != null;
    }

    /** The links of the latest reading. */
    public List<FoundLink> links() {
        return history.stream().filter(Check::isRead).findFirst().map(Check::links).orElse(List.of());
    }

    /** The canonical address, when it differs from the one recorded. */
    public String otherCanonical() {
        return canonicalUrl == null || canonicalUrl.equals(articleUrl) ? null : canonicalUrl;
    }
}
