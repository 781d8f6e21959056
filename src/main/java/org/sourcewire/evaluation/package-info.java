/**
 * Screening evaluation: screens a labelled file of queries and pitches exactly as production does, in file order, on
 * a throwaway database, and measures the "flagged" decision and the score (precision, recall, F1, ROC AUC, per kind).
 * Run as a command ({@code --sourcewire.screening.evaluate=file.json}) or from a test.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Screening evaluation",
        allowedDependencies = { "shared", "accounts", "topics", "queries", "pitches", "audit" })
package org.sourcewire.evaluation;
