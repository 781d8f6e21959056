package org.sourcewire.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.validation.Errors;

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

    /** @return why the password is refused (a key of {@code messages.properties} and its arguments), or empty if it is fine */
    static Optional<MessageSourceResolvable> problem(String password, String email) {
        if (password == null || password.isEmpty()) {
            return problem("accounts.rule.password-missing");
        }
        if (password.length() < MIN_LENGTH) {
            return problem("accounts.rule.password-too-short", MIN_LENGTH);
        }
        if (password.length() > MAX_LENGTH || password.getBytes(StandardCharsets.UTF_8).length > 72) {
            return problem("accounts.rule.password-too-long", MAX_LENGTH);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || lower.chars().distinct().count() < 4) {
            return problem("accounts.rule.password-too-common");
        }
        if (email != null && email.contains("@")) {
            String localPart = email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT);
            if (localPart.length() >= 4 && lower.contains(localPart)) {
                return problem("accounts.rule.password-contains-address");
            }
        }
        return Optional.empty();
    }

    /** Shows the problem beside a form's {@code password} field. */
    static void rejectIn(Errors errors, MessageSourceResolvable problem) {
        errors.rejectValue("password", problem.getCodes()[0], problem.getArguments(), null);
    }

    private static Optional<MessageSourceResolvable> problem(String code, Object... arguments) {
        return Optional.of(new DefaultMessageSourceResolvable(new String[] { code }, arguments));
    }
}
