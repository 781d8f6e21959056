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
 * Screens a labelled set of pitches (src/test/resources/screening/evaluation.json: good answers, off-topic, templated
 * reuse, copies, padding, filler, unanswered) in the order they were written, through the evaluation command's own
 * evaluator, and measures the "flagged" decision.
 */
@SourcewireIntegrationTest
class ScreeningEvaluationTests {

    private static final Logger log = LoggerFactory.getLogger(ScreeningEvaluationTests.class);

    @Autowired
    ScreeningEvaluator evaluator;

    @Autowired
    JsonMapper json;

    @Test
    void flaggingReachesNinetyPercentPrecisionAndEightyPercentRecallOnTheLabelledSet() throws Exception {
        LabelledSet set;
        try (InputStream in = getClass().getResourceAsStream("/screening/evaluation.json")) {
            set = LabelledSet.read(json.readTree(in));
        }

        EvaluationResult result = evaluator.evaluate(set);
        log.info("Screening evaluation:\n{}", result.summary());

        assertThat(result.pitches()).hasSizeGreaterThanOrEqualTo(200);
        assertThat(result.precision()).isGreaterThanOrEqualTo(0.9);
        assertThat(result.recall()).isGreaterThanOrEqualTo(0.8);
    }
}
