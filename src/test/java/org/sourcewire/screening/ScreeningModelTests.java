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
        assertThat(Signal.ANSWERED.reason(true, 0.3, 0.8)).isEqualTo("half or fewer of the questions are answered");
        assertThat(Signal.SELLING.reason(false, 0.1, 0.3)).as("a bad signal without a good side").isNull();
        // Said only where true: two questions of three are not "half or fewer", nor a cosine of 0.65 a rewording.
        assertThat(Signal.ANSWERED.reason(true, 2 / 3.0, 0.95)).isNull();
        assertThat(Signal.ANSWERED.reason(true, 0.5, 0.95)).isEqualTo("half or fewer of the questions are answered");
        assertThat(Signal.SPECIFICS.reason(true, 0.5, 0.79)).isEqualTo("few or no checkable specifics: figures, names, places");
        assertThat(Signal.PARAPHRASE.reason(true, 0.65, 0.47)).isNull();
        assertThat(Signal.PARAPHRASE.reason(true, ScreeningService.PARAPHRASE, 0.47))
                .isEqualTo("says what another source's pitch says, in other words");
        assertThat(Signal.PROMOTION.reason(true, 1, 0.12)).as("one link may be a citation").isNull();
        assertThat(Signal.YOU.reason(true, 2 / 3.0, 0.26)).isNull();
        assertThat(Signal.HEDGING.reason(true, 0.5, 0.2)).isNull();
        assertThat(Signal.RESTATES.reason(true, 1, 0.2)).isNull();
        // The source's tips follow the bad side whatever the journalist is told.
        assertThat(Signal.PARAPHRASE.worse(0.65, 0.47)).isTrue();
        assertThat(Signal.SPECIFICS.worse(0.5, 0.79)).isTrue();
    }

    private ScreeningModel model(Map<String, Object> wording) {
        return new ScreeningModel(json.valueToTree(Map.of("bias", 0, "threshold", 0.5, "signals", Map.of(),
                "wording", wording)));
    }
}
