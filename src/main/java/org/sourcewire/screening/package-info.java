/**
 * Screening: every pitch's score from 0 to 100 and the reasons a journalist reads (whether each question is answered,
 * checkable specifics, copies and reworded templates, filler, track record), from sentence embeddings and OpenNLP
 * signals weighed by a trained model; the same checks as general tips for sources before sending; the admins' list
 * of filler phrases. Runs after the pitch is stored, from the {@code PitchSubmitted} event.
 * <p>
 * Persistence: plain SQL ({@code JdbcClient}) only: signatures and band rows are written and looked up set-wise, and
 * the verdict goes back through the pitches module's service.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Screening",
        allowedDependencies = { "shared", "pitches", "audit", "accounts" })
package org.sourcewire.screening;
