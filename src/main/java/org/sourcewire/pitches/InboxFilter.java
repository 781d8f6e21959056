package org.sourcewire.pitches;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the journalist chose to see in an inbox: a status (or all), the order, and the screening filters. Only
 * fixed SQL fragments are built here; every value is a bound parameter.
 */
public record InboxFilter(PitchStatus status, String sort, boolean hideFlagged, Integer minScore) {

    static InboxFilter of(PitchStatus status, String sort, boolean hideFlagged, Integer minScore) {
        String order = "newest".equals(sort) || "oldest".equals(sort) ? sort : "score";
        Integer min = minScore == null || minScore <= 0 ? null : Math.min(minScore, 100);
        return new InboxFilter(status, order, hideFlagged, min);
    }

    boolean hides() {
        return hideFlagged || minScore != null;
    }

    InboxFilter showingAll() {
        return new InboxFilter(status, sort, false, null);
    }

    String where() {
        return (status == null ? "" : " and p.status = :status") + (hideFlagged ? " and not p.flagged" : "")
                + (minScore == null ? "" : " and coalesce(p.score, 0) >= :minScore");
    }

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
        if (status != null) {
            statement = statement.param("status", status.name());
        }
        if (minScore != null) {
            statement = statement.param("minScore", minScore);
        }
        return statement;
    }
}
