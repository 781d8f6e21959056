package org.sourcewire.queries;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * What a moderator knows of a query's journalist: how old the account is, how many queries they submitted before
 * this one, how many of those were published and rejected (with the latest rejection's reason), and the latest few.
 */
record JournalistHistory(Duration accountAge, long earlierQueries, long published, long rejected,
        String lastRejectionReason, List<Earlier> latest) {

    /** @param rejectionReason the moderators' reason, for a rejected query */
    public record Earlier(long id, String headline, QueryStatus status, Instant submittedAt, String rejectionReason) {
    }

    /**
     * "Account new today", "Account 40 days old", "Account 5 months old", "Account 3 years old", as a key of
     * messages.properties with its arguments.
     */
    public MessageSourceResolvable accountAgeText() {
        if (accountAge == null) {
            return words("queries.text.account-age.unknown");
        }
        long days = accountAge.toDays();
        if (days < 1) {
            return words("queries.text.account-age.new-today");
        }
        if (days < 60) {
            return words("queries.text.account-age.days", days);
        }
        if (days < 730) {
            return words("queries.text.account-age.months", days / 30);
        }
        return words("queries.text.account-age.years", days / 365);
    }

    /** "First query", "1 earlier query", "4 earlier queries", as a key of messages.properties with its arguments. */
    public MessageSourceResolvable earlierText() {
        return earlierQueries == 0 ? words("queries.text.earlier-queries.none")
                : words("queries.text.earlier-queries", earlierQueries);
    }

    private static MessageSourceResolvable words(String key, Object... arguments) {
        return new DefaultMessageSourceResolvable(new String[] { key }, arguments);
    }
}
