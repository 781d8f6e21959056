package org.sourcewire.screening;

import java.io.InputStream;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sourcewire.SourcewireIntegrationTest;
import org.sourcewire.evaluation.EvaluationResult;
import org.sourcewire.evaluation.LabelledSet;
import org.sourcewire.evaluation.ScreeningEvaluator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Screens the corpus's test split (8 queries nothing was chosen on: src/test/resources/screening/corpus/test.json) in
 * arrival order, through the evaluation command's own evaluator, and holds screening to the figures it reaches. They
 * are below issue 16's targets (recall 0.9, and 0.8 on paraphrased templates): this guards against going backwards.
 */
@SourcewireIntegrationTest
class ScreeningEvaluationTests {

    private static final Logger log = LoggerFactory.getLogger(ScreeningEvaluationTests.class);

    @Autowired
    ScreeningEvaluator evaluator;

    @Autowired
    JsonMapper json;

    @Test
    void theTestSplitIsScreenedWithHighPrecisionAndCatchesMachineWrittenAndTemplatedPitches() throws Exception {
        LabelledSet set;
        try (InputStream in = getClass().getResourceAsStream("/screening/corpus/test.json")) {
            set = LabelledSet.read(json.readTree(in));
        }

        EvaluationResult result = evaluator.evaluate(set);
        log.info("Screening of the test split:\n{}", result.summary());

        assertThat(result.pitches()).hasSize(176);
        assertThat(result.precision()).isGreaterThanOrEqualTo(0.9);
        assertThat(result.recall()).isGreaterThanOrEqualTo(0.7);
        assertThat(result.rocAuc()).isGreaterThanOrEqualTo(0.9);
        assertThat(result.kinds().get("llm-generic").flaggedShare()).isGreaterThanOrEqualTo(0.8);
        assertThat(result.kinds().get("paraphrased-template").flaggedShare()).isGreaterThanOrEqualTo(0.65);
        assertThat(result.kinds().get("good").medianScore()).isGreaterThan(result.kinds().get("llm-generic").medianScore());
    }
}
