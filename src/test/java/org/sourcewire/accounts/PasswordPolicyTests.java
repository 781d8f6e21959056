package org.sourcewire.accounts;

import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

    private static final String EMAIL = "maria.lopez@ledger.example";

    private static final ResourceBundleMessageSource BUNDLE = new ResourceBundleMessageSource();

    static {
        BUNDLE.setBasename("messages");
        BUNDLE.setDefaultEncoding("UTF-8");
    }

    /** The policy's problem with the password, in the words of messages.properties. */
    private static Optional<String> problem(String password, String email) {
        return PasswordPolicy.problem(password, email).map(problem -> BUNDLE.getMessage(problem, Locale.ENGLISH));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void aMissingPasswordIsAskedFor(String password) {
        assertThat(problem(password, EMAIL)).contains("Enter a password.");
    }

    @Test
    void tenCharactersAreEnoughAndNineAreNot() {
        assertThat(problem("plum-kite9", EMAIL)).isEmpty();
        assertThat(problem("plum-kite", EMAIL)).contains("Use at least 10 characters.");
    }

    @Test
    void sixtyFourCharactersAreAllowedAndSixtyFiveAreNot() {
        String sixtyFour = "correct horse battery staple ".repeat(3).substring(0, 64);

        assertThat(problem(sixtyFour, EMAIL)).isEmpty();
        assertThat(problem(sixtyFour + "x", EMAIL)).contains("Use at most 64 characters.");
    }

    /** bcrypt reads 72 bytes: a longer password would be checked only by its start. */
    @Test
    void aPasswordOfMoreThan72BytesIsRefusedEvenWithFewerThan64Characters() {
        String seventyTwoBytes = "ßäöüé".repeat(7) + "xy"; // 35 two-byte characters and 2 one-byte ones
        assertThat(seventyTwoBytes.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSize(72);

        assertThat(problem(seventyTwoBytes, EMAIL)).isEmpty();
        assertThat(problem(seventyTwoBytes + "z", EMAIL)).contains("Use at most 64 characters.");
    }

    @ParameterizedTest
    @ValueSource(strings = { "password123", "PassWord123", "1234567890", "qwertyuiop", "Sourcewire123" })
    void commonPasswordsAreRefusedWhateverTheirCase(String password) {
        assertThat(problem(password, EMAIL))
                .contains("This password is too easy to guess. Try a few unrelated words.");
    }

    @Test
    void aPasswordNeedsAtLeastFourDifferentCharacters() {
        assertThat(problem("abcabcabcabc", EMAIL)).contains(
                "This password is too easy to guess. Try a few unrelated words.");
        assertThat(problem("ABCabcabcabc", EMAIL)).as("case does not make a character different")
                .contains("This password is too easy to guess. Try a few unrelated words.");
        assertThat(problem("abcdabcdabcd", EMAIL)).isEmpty();
    }

    @Test
    void aPasswordMayNotContainTheAddresssNameWhateverItsCase() {
        assertThat(problem("my-Maria.Lopez-2026", EMAIL))
                .contains("Don't use your e-mail address in your password.");
        assertThat(problem("maria-lopez-2026", EMAIL)).as("another spelling").isEmpty();
    }

    @Test
    void aShortAddressNameMayAppearInAPassword() {
        // Three letters are too likely to turn up by chance in a good password.
        assertThat(problem("tomatoes-in-june", "tom@ledger.example")).isEmpty();
        assertThat(problem("anna-tomatoes-jun", "anna@ledger.example"))
                .contains("Don't use your e-mail address in your password.");
    }

    @Test
    void withoutAnAddressOnlyThePasswordIsJudged() {
        assertThat(problem("plum-kite-rain", null)).isEmpty();
        assertThat(problem("plum-kite-rain", "not an address")).isEmpty();
    }
}
