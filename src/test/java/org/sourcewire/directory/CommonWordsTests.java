package org.sourcewire.directory;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which word searches skip the walk by activity: those that need a word few experts have. */
class CommonWordsTests {

    private static final Set<String> COMMON = Set.of("ingrid", "sleep", "open", "bank", "o'brien");

    @Test
    void aPlainSearchWithAWordOutsideTheCommonOnesIsRare() {
        assertThat(CommonWords.hasRareWord("'ingrid' & 'bergni'", COMMON)).isTrue();
        assertThat(CommonWords.hasRareWord("'polysomnographi'", COMMON)).isTrue();
        assertThat(CommonWords.hasRareWord("'open' <-> 'bank' & 'fintech'", COMMON)).isTrue();
    }

    @Test
    void commonWordsAloneOrInAPhraseAreNot() {
        assertThat(CommonWords.hasRareWord("'ingrid' & 'sleep'", COMMON)).isFalse();
        assertThat(CommonWords.hasRareWord("'open' <-> 'bank'", COMMON)).isFalse();
        assertThat(CommonWords.hasRareWord("'o''brien'", COMMON)).isFalse();
    }

    /** With "or" or "not", a rare word does not make the matches few. */
    @Test
    void alternativesExclusionsAndEmptyQueriesWalkAsBefore() {
        assertThat(CommonWords.hasRareWord("'bergni' | 'sleep'", COMMON)).isFalse();
        assertThat(CommonWords.hasRareWord("'sleep' & !'bergni'", COMMON)).isFalse();
        assertThat(CommonWords.hasRareWord("", COMMON)).isFalse();
        assertThat(CommonWords.hasRareWord(null, COMMON)).isFalse();
    }
}
