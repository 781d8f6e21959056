/**
 * Teams: an agency (or a company's comms team) owner manages experts' profiles (each expert accepts an invitation),
 * invites members by e-mail and gives each member the profiles they write for. A member's pitch is sent through the
 * pitches module's rules as the expert's, naming who wrote it; an expert may ask to approve each pitch first. A plan
 * sets how many profiles and seats a team has. Every action is in the audit log.
 * <p>
 * Persistence: plain SQL ({@code JdbcClient}): teams, members, profiles and drafts are small rows whose rules are
 * checked in the service under a row lock.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Teams",
        allowedDependencies = { "shared", "accounts", "audit", "mail", "pitches", "queries", "sources", "matching" })
package org.sourcewire.teams;
