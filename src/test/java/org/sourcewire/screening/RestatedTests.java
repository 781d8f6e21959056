package org.sourcewire.screening;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How screening counts an answer that restates its question ({@link PitchSignals#restated}). */
class RestatedTests {

    private static final List<String> ASKED = List.of(
            "What did you change in response (menu price, portion, supplier)?",
            "Which ingredient's price has hit you hardest over the last 12 months?");

    @Test
    void runsOfFourOfTheQuestionsWordsAreCountedOnceEachAndOnlyAgainstTheirOwnQuestion() {
        assertThat(PitchSignals.restated(List.of(
                "What did we change in response? We changed a lot in response. What did you change? Portion sizes.",
                "Beef, which went from $4.10 to $6.20 a pound."), ASKED, "Menu math")).isEqualTo(1);
        assertThat(PitchSignals.restated(List.of(
                "Portions: the burger went from 8 oz to 6 oz in March.",
                "The price that has hit us hardest over the last 12 months is beef."), ASKED, "Menu math"))
                .isEqualTo(3); // "hardest over the last", "over the last 12", "the last 12 months"
        // The same words to the other question, or in another order, are not a restatement.
        assertThat(PitchSignals.restated(List.of(
                "Hit hardest over the last 12 months: beef.", "We changed the menu price in response."), ASKED,
                "Menu math")).isZero();
        assertThat(PitchSignals.restated(List.of("", ""), ASKED, "Menu math")).isZero();
    }

    @Test
    void anAnswerBeyondTheQuestionsIsComparedWithTheHeadline() {
        assertThat(PitchSignals.restated(List.of("", "", "Menu math for independent restaurants is brutal."), ASKED,
                "Menu math for independent restaurants")).isEqualTo(2);
    }
}
