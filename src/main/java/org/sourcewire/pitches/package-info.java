/**
 * Pitches: the pitch form and its rules (one pitch per source and query, quotas, deadlines), editing and withdrawing,
 * the journalist's triage inbox with undo, clusters, compare and export, follow-up messages, reports to moderators,
 * invitations to answer, the source's snippets, plans, and the e-mails each step sends. Publishes
 * {@code PitchSubmitted} and {@code PitchStatusChanged}; screening plugs in through {@link PitchScreening}.
 * <p>
 * Persistence: a pitch's life after it is sent (opened, shortlisted, declined, used, edited, withdrawn) goes through
 * its JPA entity ({@code Pitch} owns each transition's rules, locked first by {@code PitchLocks}). Creating it is one
 * SQL statement that stores the pitch with all its answers, since sending is the hottest write of the app and JPA
 * would take a statement per answer (the rules are checked first, in {@code PitchSubmission}). Columns no rule guards are written by SQL set-wise: screening's verdict
 * and the cluster (which also touch earlier pitches of the cluster) and the attribution. The inbox and the source's
 * pages read with SQL into view records.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Pitches",
        allowedDependencies = { "shared", "infrastructure", "accounts", "audit", "queries", "sources", "mail" })
package org.sourcewire.pitches;
