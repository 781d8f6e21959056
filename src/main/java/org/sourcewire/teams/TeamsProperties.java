package org.sourcewire.teams;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param invitationValidity how long an invitation to join a team (or to let it manage one's profile) can be accepted
 * @param maxNameLength      the longest team name (it appears on every pitch the team writes)
 * @param invitationsPerDay  invitation mails one team may send in 24 hours, withdrawn ones included (each is a mail
 *                           from this site to an address the owner typed)
 */
@ConfigurationProperties("sourcewire.teams")
record TeamsProperties(Duration invitationValidity, Integer maxNameLength, Integer invitationsPerDay) {

    TeamsProperties {
        invitationValidity = invitationValidity == null ? Duration.ofDays(7) : invitationValidity;
        maxNameLength = maxNameLength == null ? 80 : maxNameLength;
        invitationsPerDay = invitationsPerDay == null ? 20 : invitationsPerDay;
    }
}
