package org.sourcewire.evaluation;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EvaluationResultTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void precisionRecallAndRocAucOfTheFlaggedDecisionAndTheScore() {
        EvaluationResult result = new EvaluationResult(List.of(
                screened("good", 90, false), screened("good", 80, false), screened("good", 40, true),
                screened("copy", 10, true), screened("copy", 85, false), screened("llm-generic", 30, true)));

        assertThat(result.truePositives()).isEqualTo(2);
        assertThat(result.precision()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(result.recall()).isCloseTo(2 / 3.0, within(1e-9));
        // Bad pitches scoring below good ones: copy 10 is below all 3, copy 85 only below 90, generic 30 below all 3.
        assertThat(result.rocAuc()).isCloseTo(7 / 9.0, within(1e-9));
        assertThat(result.kinds().keySet()).containsExactly("good", "copy", "llm-generic");
        assertThat(result.kinds().get("copy").medianScore()).isEqualTo(47.5);
        assertThat(result.summary()).contains("precision 0.67, recall 0.67").contains("llm-generic");
    }

    @Test
    void aLabelledFileIsReadExactlyAndItsMistakesAreNamed() {
        LabelledSet set = LabelledSet.read(json.readTree("""
                {"queries": [{"id": "q1", "topic": "Travel", "headline": "H", "requirements": "R", "questions": ["A?", "B?"]}],
                 "pitches": [{"id": "p1", "query": "q1", "source": "s1", "answers": ["a", ""], "label": "good"}]}"""));
        assertThat(set.pitches().get(0).bad()).isFalse();
        assertThat(set.queries().get(0).questions()).containsExactly("A?", "B?");

        assertThatThrownBy(() -> LabelledSet.read(json.readTree("""
                {"queries": [{"id": "q1", "topic": "Travel", "headline": "H", "questions": ["A?"]}],
                 "pitches": [{"id": "p1", "query": "q1", "source": "s1", "answers": ["a", "b"], "label": "good"}]}""")))
                .hasMessage("pitches[0].answers: 2 answers for 1 questions");
        assertThatThrownBy(() -> LabelledSet.read(json.readTree("""
                {"queries": [], "pitches": [{"id": "p1", "query": "q9", "source": "s1", "answers": [], "label": "good"}]}""")))
                .hasMessage("pitches[0].query: no query \"q9\"");
        assertThatThrownBy(() -> LabelledSet.read(json.readTree("{\"pitches\": []}")))
                .hasMessage("queries: an array is missing");
    }

    private static EvaluationResult.Screened screened(String label, int score, boolean flagged) {
        return new EvaluationResult.Screened(label + score, "q", label, score, flagged, List.of(), java.util.Map.of());
    }
}
