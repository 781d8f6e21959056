package org.sourcewire.matching;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.sourcewire.shared.TimeZones;

/**
 * A query matched to a source, as the source may see it, with when it matched: for deliveries outside the site (a
 * private feed, a webhook). {@code byline} comes from {@code QueryView.forSource()}, so an anonymous query names
 * nobody. {@code sourceZone} is the source's own time zone, for the deadline.
 */
public record MatchedQuery(long queryId, String headline, String topicName, String byline, Instant deadline,
        List<String> reasons, Instant matchedAt, String sourceZone) {

    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);

    /** The deadline in the source's own zone, named: "Tue 8 Dec, 14:00 (Europe/London)"; UTC without a zone. */
    public String deadlineText() {
        ZoneId zone = TimeZones.parse(sourceZone).orElse(ZoneId.of("UTC"));
        return DEADLINE.format(deadline.atZone(zone)) + " (" + zone.getId().replace('_', ' ') + ")";
    }
}
