/**
 * Pitches: the pitch form and its rules, the journalist's review inbox and triage actions, follow-up messages,
 * reports to moderators, and the e-mails each step sends.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Pitches",
        allowedDependencies = { "shared", "infrastructure", "accounts", "audit", "queries", "sources", "mail" })
package org.sourcewire.pitches;
