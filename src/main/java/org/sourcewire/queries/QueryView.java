package org.sourcewire.queries;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A query for a page. {@link #forSource()} gives the copy a source may see: for an anonymous query it carries no
 * journalist name, outlet or account id at all, so no template can leak them.
 */
public record QueryView(long id, Long journalistId, String journalistName, boolean verifiedOutlet, String headline,
        Long topicId, String topicName, String outletName, String outletUrl, MediaType mediaType, Instant deadline,
        String timeZone, List<String> questions, String requirements, String requiredCredential, String region,
        boolean firstHandOnly, Integer pitchCap, LinkPolicy linkPolicy, boolean anonymous, QueryStatus status,
        String rejectionReason, Instant createdAt, Instant submittedAt, Instant publishedAt, Instant closedAt) {

    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    public QueryView forSource() {
        if (!anonymous) {
            return new QueryView(id, null, journalistName, verifiedOutlet, headline, topicId, topicName, outletName,
                    outletUrl, mediaType, deadline, timeZone, questions, requirements, requiredCredential, region,
                    firstHandOnly, pitchCap, linkPolicy, false, status, null, null, null, publishedAt, closedAt);
        }
        return new QueryView(id, null, null, verifiedOutlet, headline, topicId, topicName, null, null, mediaType, deadline,
                timeZone, questions, requirements, requiredCredential, region, firstHandOnly, pitchCap, linkPolicy, true,
                status, null, null, null, publishedAt, closedAt);
    }

    /** The same view with the query's current status (the only thing that changes once it is published). */
    public QueryView withStatus(QueryStatus current) {
        return new QueryView(id, journalistId, journalistName, verifiedOutlet, headline, topicId, topicName, outletName,
                outletUrl, mediaType, deadline, timeZone, questions, requirements, requiredCredential, region,
                firstHandOnly, pitchCap, linkPolicy, anonymous, current, rejectionReason, createdAt, submittedAt,
                publishedAt, closedAt);
    }

    /**
     * Who asks, as sources see it: "Anonymous — Podcast" or "Maria Lopez, The Daily Ledger", as a key of
     * messages.properties with its arguments ({@code ${@messages.text(query.byline())}}).
     */
    public MessageSourceResolvable byline() {
        if (anonymous && journalistName == null) {
            return words("queries.text.byline.anonymous",
                    words(mediaType == null ? "queries.text.byline.media" : mediaType.labelKey()));
        }
        if (journalistName == null) {
            return asWritten(outletName == null ? "" : outletName);
        }
        if (outletName == null || outletName.isBlank()) {
            return asWritten(journalistName);
        }
        return words("queries.text.byline.named", journalistName, outletName);
    }

    /** The deadline in the query's own time zone, "Tue 8 Dec 2026, 14:00 (Europe/London)", or "not set". */
    public MessageSourceResolvable deadlineText() {
        if (deadline == null) {
            return words("queries.text.deadline-not-set");
        }
        ZoneId zone = ZoneId.of(timeZone);
        return words("queries.text.deadline-in-zone", DEADLINE.format(deadline.atZone(zone)),
                zone.getId().replace('_', ' '));
    }

    /**
     * Whether sources may read it: published, or ended after it was. A query closed while it waited for review was
     * never published, and no source ever sees it.
     */
    public boolean isVisibleToSources() {
        return publishedAt != null && status.isVisibleToSources();
    }

    public boolean isDraft() {
        return status == QueryStatus.DRAFT;
    }

    public boolean isOpen() {
        return status == QueryStatus.PUBLISHED || status == QueryStatus.PENDING_REVIEW;
    }

    /** Closed, expired or rejected: its deadline no longer counts down. */
    public boolean isFinished() {
        return status == QueryStatus.CLOSED || status == QueryStatus.EXPIRED || status == QueryStatus.REJECTED;
    }

    private static MessageSourceResolvable words(String key, Object... arguments) {
        return new DefaultMessageSourceResolvable(new String[] { key }, arguments);
    }

    /** A name or outlet as it is, with no words of the bundle around it. */
    private static MessageSourceResolvable asWritten(String text) {
        return new DefaultMessageSourceResolvable(null, null, text);
    }
}
