package org.sourcewire.matching;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * An open query in a source's feed. {@code byline} comes from {@code QueryView.forSource()}: "Anonymous — Podcast"
 * for an anonymous query, whose journalist and outlet are never read into this record.
 */
record FeedItem(long queryId, String headline, String topicName, String byline, Instant deadline, boolean byTopic,
        List<String> alertPhrases, boolean pitched) {

    /**
     * Why the query is in the feed, in the source's words ("Your topic: Energy"): keys of messages.properties with
     * their arguments, shown with {@code ${@messages.text(reason)}}.
     */
    public List<MessageSourceResolvable> reasons() {
        List<MessageSourceResolvable> reasons = new ArrayList<>();
        if (byTopic) {
            reasons.add(words("matching.text.reason-topic", topicName));
        }
        alertPhrases.forEach(phrase -> reasons.add(words("matching.text.reason-alert", phrase)));
        return reasons;
    }

    /** "closes in 35 min", "closes in 5 h", "closes in 3 days", as a key of messages.properties with its argument. */
    public MessageSourceResolvable countdown(Instant now) {
        Duration left = Duration.between(now, deadline);
        if (left.isNegative() || left.isZero()) {
            return words("matching.text.closed");
        }
        if (left.toMinutes() < 60) {
            return words("matching.text.closes-in-minutes", Math.max(1, left.toMinutes()));
        }
        if (left.toHours() < 48) {
            return words("matching.text.closes-in-hours", left.toHours());
        }
        return words("matching.text.closes-in-days", left.toDays());
    }

    public boolean closesSoon(Instant now) {
        return Duration.between(now, deadline).toHours() < 6;
    }

    private static MessageSourceResolvable words(String key, Object... arguments) {
        return new DefaultMessageSourceResolvable(new String[] { key }, arguments);
    }
}
