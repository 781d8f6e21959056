package org.sourcewire.pitches;

import java.util.List;

/**
 * Scores a pitch with reasons. Implemented by the screening module; the pitch form asks it for the pre-flight
 * checklist, and submission stores its verdict with the pitch.
 */
public interface PitchScreening {

    /** Screens a draft (no pitch id yet) or a stored pitch, against the query and the source's history. */
    Verdict screen(Draft draft);

    /**
     * Records a stored pitch's fingerprint, so later pitches are compared with it: a new pitch's (screened before it
     * was stored, so {@code draft.pitchId()} is null) or an edited one's, which replaces what was kept for it. The
     * verdict {@link #screen} gave for the same draft carries the fingerprint, so it is not computed twice.
     */
    void remember(long pitchId, Draft draft, Verdict verdict);

    /** What is screened. {@code pitchId} is null for a draft that was not sent yet. */
    record Draft(Long pitchId, long queryId, long sourceId, String headline, List<String> questions, String requirements,
            List<String> answers, String whyMe) {
    }

    /**
     * The score (0–100), whether the pitch is flagged, every reason a journalist reads with its points (how far it alone
     * would move an undecided pitch), and the source's coaching (general advice, never what screening looks for word
     * by word, and never what other sources sent); and what screening keeps of the pitch for {@link #remember}: its
     * answers' fingerprint (null when too short to have one), their meaning, and the signals the score was computed
     * from.
     */
    record Verdict(int score, boolean flagged, List<Reason> reasons, List<String> coaching, int[] fingerprint,
            float[] meaning, java.util.Map<String, Double> signals) {

        public static Verdict none() {
            return new Verdict(50, false, List.of(), List.of(), null, null, java.util.Map.of());
        }

        /** A verdict as stored: what the journalist reads. */
        public static Verdict stored(int score, boolean flagged, List<Reason> reasons, java.util.Map<String, Double> signals) {
            return new Verdict(score, flagged, reasons, List.of(), null, null, signals);
        }
    }

    /**
     * One reason: what was found, its effect in points (how far it alone would move an undecided pitch, score 50; 0 for
     * what was found rather than weighed, such as a copy), and whether it is a warning the source should fix
     * ({@code warning}) or information.
     */
    record Reason(String text, int effect, boolean warning) {

        public String effectText() {
            return effect > 0 ? "+" + effect : String.valueOf(effect);
        }
    }
}
