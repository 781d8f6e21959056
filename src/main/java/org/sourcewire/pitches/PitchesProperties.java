package org.sourcewire.pitches;

import java.time.LocalTime;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxWords the most words a pitch may have in all (the guidance is 150–200)
 * @param summaryTime when (UTC) journalists get the daily summary of new pitches
 * @param plans pitches per day and per month for each plan, and the expert profiles and member seats a team on it has
 * @param undoWindow how long a journalist can take back a shortlist or decline (the source's mail waits as long)
 * @param invitations how many experts a journalist may invite to answer, per query and per rolling day
 * @param maxSnippets how many saved snippets (bio, credentials, disclosure) one source may keep for the pitch form
 */
@ConfigurationProperties("sourcewire.pitches")
record PitchesProperties(int maxWords, LocalTime summaryTime, Map<Plan, Quota> plans, java.time.Duration undoWindow,
        InvitationLimits invitations, Integer maxSnippets) {

    PitchesProperties {
        undoWindow = undoWindow == null ? java.time.Duration.ofSeconds(10) : undoWindow;
        invitations = invitations == null ? new InvitationLimits(10, 20) : invitations;
        maxSnippets = maxSnippets == null ? 20 : maxSnippets;
    }

    /** Invitations stop mass-inviting: so many experts per query, so many invitations per journalist a rolling day. */
    record InvitationLimits(int perQuery, int perDay) {
    }

    /** {@code profiles} and {@code seats}: what a team whose owner is on the plan may have (seats: members besides the owner). */
    record Quota(int perDay, int perMonth, Integer profiles, Integer seats) {

        Quota {
            profiles = profiles == null ? 1 : profiles;
            seats = seats == null ? 1 : seats;
        }
    }

    Quota quota(Plan plan) {
        return plans.getOrDefault(plan, new Quota(10, 60, null, null));
    }
}
