package org.sourcewire.evaluation;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class ScreeningEvaluatorTests extends IntegrationTest {

    @Autowired
    ScreeningEvaluator evaluator;

    @Test
    void screensEachPitchInFileOrderThroughThePitchServiceWithOneAccountPerSource() {
        String copied = "We audited 312 rental contracts in Ohio last year; 41 had illegal late-fee clauses above the "
                + "5% cap, and most tenants paid them without asking.";
        LabelledSet set = new LabelledSet(
                List.of(new LabelledSet.Query("t1", "Legal", "Tenants: which lease clauses are unlawful?", "Lawyers",
                        List.of("Which clauses do you see most often that a court would not enforce?"))),
                List.of(new LabelledSet.Pitch("p1", "t1", "s1", List.of(copied), "good"),
                        new LabelledSet.Pitch("p2", "t1", "s2", List.of(copied), "copy"),
                        new LabelledSet.Pitch("p3", "t1", "s1", List.of("word ".repeat(450)), "padding")));

        EvaluationResult result = evaluator.evaluate(set);

        assertThat(result.pitches()).extracting(EvaluationResult.Screened::id).containsExactly("p1", "p2", "p3");
        assertThat(result.pitches().get(1).flagged()).as("the later copy of another source's text").isTrue();
        assertThat(result.pitches().get(2).reasons().get(0).text()).startsWith("refused by the pitch form");
        assertThat(jdbc.sql("""
                select count(distinct p.source_id) from pitch p join journalist_query q on q.id = p.query_id
                where q.headline = 'Tenants: which lease clauses are unlawful?'""").query(Long.class).single())
                .isEqualTo(2);
    }
}
