package org.sourcewire.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What makes a password acceptable. The limits also keep it within bcrypt's 72 bytes. */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 64;

    private static final Set<String> COMMON = Set.of("password", "password1", "password12", "password123",
            "password1234", "1234567890", "12345678910", "0123456789", "qwertyuiop", "qwerty1234", "qwerty12345",
            "iloveyou12", "letmein123", "welcome123", "abcdefghij", "abc1234567", "1q2w3e4r5t", "sourcewire",
            "sourcewire1", "sourcewire123", "aaaaaaaaaa", "trustno1234", "changeme123", "passw0rd123");

    private PasswordPolicy() {
    }

    /** @return why the password is refused, or empty if it is fine */
    static Optional<String> problem(String password, String email) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Enter a password.");
        }
        if (password.length() < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters.");
        }
        if (password.length() > MAX_LENGTH || password.getBytes(StandardCharsets.UTF_8).length > 72) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || lower.chars().distinct().count() < 4) {
            return Optional.of("This password is too easy to guess. Try a few unrelated words.");
        }
        if (email != null && email.contains("@")) {
            String localPart = email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT);
            if (localPart.length() >= 4 && lower.contains(localPart)) {
                return Optional.of("Don't use your e-mail address in your password.");
            }
        }
        return Optional.empty();
    }
}
