/**
 * Screening: every pitch's score from 0 to 100 with the reasons a journalist reads (relevance, completeness, length,
 * near-duplicates, boilerplate, track record), the same checks as a pre-flight for sources, and the admins' list of
 * boilerplate phrases.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Screening",
        allowedDependencies = { "shared", "pitches", "audit", "accounts" })
package org.sourcewire.screening;
