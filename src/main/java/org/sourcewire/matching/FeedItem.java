package org.sourcewire.matching;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An open query in a source's feed. {@code byline} comes from {@code QueryView.forSource()}: "Anonymous — Podcast"
 * for an anonymous query, whose journalist and outlet are never read into this record.
 */
record FeedItem(long queryId, String headline, String topicName, String byline, Instant deadline, boolean byTopic,
        List<String> alertPhrases, boolean pitched) {

    /** Why the query is in the feed, in the source's words. */
    public List<String> reasons() {
        List<String> reasons = new ArrayList<>();
        if (byTopic) {
            reasons.add("Your topic: " + topicName);
        }
        alertPhrases.forEach(phrase -> reasons.add("Your alert: \u201c" + phrase + "\u201d"));
        return reasons;
    }

    /** "closes in 35 min", "closes in 5 h", "closes in 3 days". */
    public String countdown(Instant now) {
        Duration left = Duration.between(now, deadline);
        if (left.isNegative() || left.isZero()) {
            return "closed";
        }
        if (left.toMinutes() < 60) {
            return "closes in " + Math.max(1, left.toMinutes()) + " min";
        }
        if (left.toHours() < 48) {
            return "closes in " + left.toHours() + " h";
        }
        return "closes in " + left.toDays() + " days";
    }

    public boolean closesSoon(Instant now) {
        return Duration.between(now, deadline).toHours() < 6;
    }
}
