package org.sourcewire.accounts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

    private static final String EMAIL = "maria.lopez@ledger.example";

    @ParameterizedTest
    @NullAndEmptySource
    void aMissingPasswordIsAskedFor(String password) {
        assertThat(PasswordPolicy.problem(password, EMAIL)).contains("Enter a password.");
    }

    @Test
    void tenCharactersAreEnoughAndNineAreNot() {
        assertThat(PasswordPolicy.problem("plum-kite9", EMAIL)).isEmpty();
        assertThat(PasswordPolicy.problem("plum-kite", EMAIL)).contains("Use at least 10 characters.");
    }

    @Test
    void sixtyFourCharactersAreAllowedAndSixtyFiveAreNot() {
        String sixtyFour = "correct horse battery staple ".repeat(3).substring(0, 64);

        assertThat(PasswordPolicy.problem(sixtyFour, EMAIL)).isEmpty();
        assertThat(PasswordPolicy.problem(sixtyFour + "x", EMAIL)).contains("Use at most 64 characters.");
    }

    /** bcrypt reads 72 bytes: a longer password would be checked only by its start. */
    @Test
    void aPasswordOfMoreThan72BytesIsRefusedEvenWithFewerThan64Characters() {
        String seventyTwoBytes = "ßäöüé".repeat(7) + "xy"; // 35 two-byte characters and 2 one-byte ones
        assertThat(seventyTwoBytes.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSize(72);

        assertThat(PasswordPolicy.problem(seventyTwoBytes, EMAIL)).isEmpty();
        assertThat(PasswordPolicy.problem(seventyTwoBytes + "z", EMAIL)).contains("Use at most 64 characters.");
    }

    @ParameterizedTest
    @ValueSource(strings = { "password123", "PassWord123", "1234567890", "qwertyuiop", "Sourcewire123" })
    void commonPasswordsAreRefusedWhateverTheirCase(String password) {
        assertThat(PasswordPolicy.problem(password, EMAIL))
                .contains("This password is too easy to guess. Try a few unrelated words.");
    }

    @Test
    void aPasswordNeedsAtLeastFourDifferentCharacters() {
        assertThat(PasswordPolicy.problem("abcabcabcabc", EMAIL)).contains(
                "This password is too easy to guess. Try a few unrelated words.");
        assertThat(PasswordPolicy.problem("ABCabcabcabc", EMAIL)).as("case does not make a character different")
                .contains("This password is too easy to guess. Try a few unrelated words.");
        assertThat(PasswordPolicy.problem("abcdabcdabcd", EMAIL)).isEmpty();
    }

    @Test
    void aPasswordMayNotContainTheAddresssNameWhateverItsCase() {
        assertThat(PasswordPolicy.problem("my-Maria.Lopez-2026", EMAIL))
                .contains("Don't use your e-mail address in your password.");
        assertThat(PasswordPolicy.problem("maria-lopez-2026", EMAIL)).as("another spelling").isEmpty();
    }

    @Test
    void aShortAddressNameMayAppearInAPassword() {
        // Three letters are too likely to turn up by chance in a good password.
        assertThat(PasswordPolicy.problem("tomatoes-in-june", "tom@ledger.example")).isEmpty();
        assertThat(PasswordPolicy.problem("anna-tomatoes-jun", "anna@ledger.example"))
                .contains("Don't use your e-mail address in your password.");
    }

    @Test
    void withoutAnAddressOnlyThePasswordIsJudged() {
        assertThat(PasswordPolicy.problem("plum-kite-rain", null)).isEmpty();
        assertThat(PasswordPolicy.problem("plum-kite-rain", "not an address")).isEmpty();
    }
}
