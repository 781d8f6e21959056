package org.sourcewire.pitches;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the journalist chose to see in an inbox: a status (or all), the order, the screening filters, and optionally
 * one cluster of similar pitches opened out (named by any of its pitches). Only fixed SQL fragments are built here;
 * every value is a bound parameter.
 */
record InboxFilter(PitchStatus status, String sort, boolean hideFlagged, Integer minScore, UUID similar,
        boolean verifiedOnly) {

    static InboxFilter of(PitchStatus status, String sort, boolean hideFlagged, Integer minScore) {
        return of(status, sort, hideFlagged, minScore, null);
    }

    static InboxFilter of(PitchStatus status, String sort, boolean hideFlagged, Integer minScore, UUID similar) {
        return of(status, sort, hideFlagged, minScore, similar, false);
    }

    static InboxFilter of(PitchStatus status, String sort, boolean hideFlagged, Integer minScore, UUID similar,
            boolean verifiedOnly) {
        String order = "newest".equals(sort) || "oldest".equals(sort) ? sort : "score";
        Integer min = minScore == null || minScore <= 0 ? null : Math.min(minScore, 100);
        return new InboxFilter(status, order, hideFlagged, min, similar, verifiedOnly);
    }

    /** Similar pitches are shown as one entry, unless one cluster is opened out. */
    boolean grouped() {
        return similar == null;
    }

    boolean hides() {
        return hideFlagged || minScore != null || verifiedOnly;
    }

    InboxFilter showingAll() {
        return new InboxFilter(status, sort, false, null, similar, false);
    }

    String where() {
        return where("p");
    }

    /** The conditions on the pitch table under this alias. */
    String where(String pitch) {
        return (status == null ? "" : " and " + pitch + ".status = :status")
                + (hideFlagged ? " and not " + pitch + ".flagged" : "")
                + (minScore == null ? "" : " and coalesce(" + pitch + ".score, 0) >= :minScore")
                // sources' view of experts at level "website proven" or above (sources.ExpertLevel)
                + (verifiedOnly ? " and exists (select 1 from verified_expert v where v.profile_id = " + pitch + ".source_id)" : "")
                + (similar == null ? "" : " and " + pitch + ".cluster_id = (select c.cluster_id from pitch c"
                        + " where c.public_id = :similar and c.query_id = " + pitch + ".query_id)");
    }

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
        if (status != null) {
            statement = statement.param("status", status.name());
        }
        if (minScore != null) {
            statement = statement.param("minScore", minScore);
        }
        if (similar != null) {
            statement = statement.param("similar", similar);
        }
        return statement;
    }
}
