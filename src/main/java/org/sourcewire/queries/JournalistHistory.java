package org.sourcewire.queries;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a moderator knows of a query's journalist: how old the account is, how many queries they submitted before
 * this one, how many of those were published and rejected (with the latest rejection's reason), and the latest few.
 */
record JournalistHistory(Duration accountAge, long earlierQueries, long published, long rejected,
        String lastRejectionReason, List<Earlier> latest) {

    /** @param rejectionReason the moderators' reason, for a rejected query */
    public record Earlier(long id, String headline, QueryStatus status, Instant submittedAt, String rejectionReason) {
    }

    /** "Account new today", "Account 40 days old", "Account 5 months old", "Account 3 years old". */
    public String accountAgeText() {
        if (accountAge == null) {
            return "Account unknown";
        }
        long days = accountAge.toDays();
        if (days < 1) {
            return "Account new today";
        }
        if (days < 60) {
            return "Account " + days + (days == 1 ? " day old" : " days old");
        }
        if (days < 730) {
            return "Account " + days / 30 + " months old";
        }
        return "Account " + days / 365 + " years old";
    }

    /** "First query", "1 earlier query", "4 earlier queries". */
    public String earlierText() {
        return earlierQueries == 0 ? "First query"
                : earlierQueries + (earlierQueries == 1 ? " earlier query" : " earlier queries");
    }
}
