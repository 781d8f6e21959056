package org.sourcewire.matching;

import java.time.Instant;
import java.util.List;

/**
 * A query matched to a source, as the source may see it, with when it matched: for deliveries outside the site (a
 * private feed, a webhook). {@code byline} comes from {@code QueryView.forSource()}, so an anonymous query names
 * nobody. {@code sourceZone} is the source's own time zone, for the deadline.
 */
public record MatchedQuery(long queryId, String headline, String topicName, String byline, Instant deadline,
        List<String> reasons, Instant matchedAt, String sourceZone) {
}
