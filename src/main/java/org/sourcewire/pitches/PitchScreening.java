package org.sourcewire.pitches;

import java.util.List;

/**
 * Scores a pitch with reasons. Implemented by the screening module; the pitch form asks it for the pre-flight
 * checklist, and submission stores its verdict with the pitch.
 */
public interface PitchScreening {

    /** Screens a draft (no pitch id yet) or a stored pitch, against the query and the source's history. */
    Verdict screen(Draft draft);

    /** Records a stored pitch's fingerprint, so later pitches are compared with it. */
    void remember(long pitchId, Draft draft);

    /** What is screened. {@code pitchId} is null for a draft that was not sent yet. */
    record Draft(Long pitchId, long queryId, long sourceId, String headline, List<String> questions, String requirements,
            List<String> answers, String whyMe) {
    }

    /** The score (0–100), whether the pitch is flagged, and every reason with its effect on the score. */
    record Verdict(int score, boolean flagged, List<Reason> reasons) {

        public static Verdict none() {
            return new Verdict(50, false, List.of());
        }
    }

    /**
     * One reason: what was found, its effect in points, and whether it is a warning the source should fix
     * ({@code warning}) or information.
     */
    record Reason(String text, int effect, boolean warning) {

        public String effectText() {
            return effect > 0 ? "+" + effect : String.valueOf(effect);
        }
    }
}
