package org.sourcewire.screening;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

/** The trained combiner as read from its file: the wording model, the points a reason is worth, what a signal says. */
class ScreeningModelTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theWordingIsTheClippedLogOddsOfItsWeightsAndNothingWithoutAModelOrAnAnswer() {
        List<Double> weights = new ArrayList<>();
        for (int i = 0; i < 2 * Embeddings.DIMENSIONS; i++) {
            weights.add(i == 0 ? 2.0 : 0.0);
        }
        ScreeningModel model = model(Map.of("bias", -1.0, "weights", weights));
        float[] wording = new float[2 * Embeddings.DIMENSIONS];
        wording[0] = 1.5f;
        wording[1] = 9f; // weight 0

        assertThat(model.wording(wording)).isCloseTo(2.0, within(1e-9));
        wording[0] = 100f;
        assertThat(model.wording(wording)).isEqualTo(ScreeningModel.WORDING_LIMIT);
        assertThat(model.wording(null)).as("nothing answered").isNull();
        assertThat(new ScreeningModel(json.valueToTree(Map.of("bias", 0, "threshold", 0.5, "signals", Map.of())))
                .wording(wording)).as("a model without a wording part").isNull();
    }

    @Test
    void aWordingModelOfTheWrongSizeIsRefusedWhenRead() {
        assertThatIllegalStateException().isThrownBy(() -> model(Map.of("bias", 0.0, "weights", List.of(1.0, 2.0))))
                .withMessageContaining("retrain");
    }

    @Test
    void aReasonIsWorthWhatItsSignalAloneDoesToAnUndecidedPitchHoweverSureTheOthersAre() {
        // Two signals that each make the pitch certainly bad: "the score without one of them" would be 0 for both.
        ScreeningModel model = new ScreeningModel(json.valueToTree(Map.of("bias", 0, "threshold", 0.5, "signals", Map.of(
                "off_topic", Map.of("mean", 0, "scale", 1, "weight", 20),
                "deflecting", Map.of("mean", 0, "scale", 1, "weight", 20),
                "specifics", Map.of("mean", 0, "scale", 1, "weight", -1)))));
        Map<Signal, Double> values = new EnumMap<>(Signal.class);
        values.put(Signal.OFF_TOPIC, 1.0);
        values.put(Signal.DEFLECTING, 1.0);
        values.put(Signal.SPECIFICS, 1.0);

        ScreeningModel.Judgement judgement = model.judge(values);

        assertThat(judgement.score()).isZero();
        assertThat(judgement.pulls()).extracting(ScreeningModel::points).containsExactly(-50, -50, 23);
    }

    @Test
    void aSignalSaysItsBadSideOnlyWhenItPullsDownAndItsGoodSideOnlyWhenItPullsUp() {
        for (Signal signal : Signal.values()) {
            boolean higherIsWorse = signal.reason(true, 2, 1) != null;
            double bad = higherIsWorse ? 2 : 0;
            double good = higherIsWorse ? 0 : 2;
            assertThat(signal.reason(true, bad, 1)).as(signal + " pulling down on its bad side").isNotNull();
            assertThat(signal.reason(true, good, 1)).as(signal + " pulling down on its good side").isNull();
            assertThat(signal.reason(false, bad, 1)).as(signal + " pulling up on its bad side").isNull();
        }
        assertThat(Signal.WORDING.reason(true, 3, 0.3)).isEqualTo("worded like machine-written, template or sales pitches");
        assertThat(Signal.WORDING.reason(false, -3, 0.3)).isEqualTo("worded like an expert's own answer");
        assertThat(Signal.ANSWERED.reason(false, 1, 0.8)).isEqualTo("answers every question");
        assertThat(Signal.ANSWERED.reason(true, 0.3, 0.8)).isEqualTo("few of the questions are answered");
        assertThat(Signal.SELLING.reason(false, 0.1, 0.3)).as("a bad signal without a good side").isNull();
        // Fewer figures than usual is not "no figures", nor two questions of three "few": said only where true.
        assertThat(Signal.SPECIFICS.reason(true, 0.5, 0.79)).isNull();
        assertThat(Signal.SPECIFICS.reason(true, 0, 0.79)).isEqualTo("nothing a journalist could check: no figures, names or places");
        assertThat(Signal.GROUNDED.reason(true, 1, 1.45)).isNull();
        assertThat(Signal.GROUNDED.reason(true, 0, 1.45)).isNotNull();
        assertThat(Signal.ANSWERED.reason(true, 2 / 3.0, 0.95)).isNull();
        // Nearer another source's pitch than usual, but not a rewording: nothing to say.
        assertThat(Signal.PARAPHRASE.reason(true, 0.65, 0.47)).isNull();
        assertThat(Signal.PARAPHRASE.reason(true, ScreeningService.PARAPHRASE, 0.47))
                .isEqualTo("a reworded version of pitches other sources sent (a template)");
    }

    private ScreeningModel model(Map<String, Object> wording) {
        return new ScreeningModel(json.valueToTree(Map.of("bias", 0, "threshold", 0.5, "signals", Map.of(),
                "wording", wording)));
    }
}
