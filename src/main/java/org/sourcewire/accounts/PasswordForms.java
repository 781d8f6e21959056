package org.sourcewire.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.validation.Errors;

/** The forms of the password pages. */
final class PasswordForms {

    private PasswordForms() {
    }

    record NewPasswordForm(String token, String password, String confirmation) {

        void validate(String email, Errors errors) {
            checkNewPassword(password, confirmation, email, errors);
        }
    }

    record ChangePasswordForm(
            @NotBlank(message = "{validation.enter-your-current-password}")
            @Size(max = 200, message = "{validation.that-is-not-your-current-password}")
            String currentPassword,
            String password,
            String confirmation) {

        void validate(String email, Errors errors) {
            checkNewPassword(password, confirmation, email, errors);
        }
    }

    /** The policy's refusal beside {@code password}, a confirmation that differs beside {@code confirmation}. */
    static void checkNewPassword(String password, String confirmation, String email, Errors errors) {
        PasswordPolicy.problem(password, email).ifPresent(problem -> PasswordPolicy.rejectIn(errors, problem));
        if (!errors.hasFieldErrors("password") && !password.equals(confirmation)) {
            errors.rejectValue("confirmation", "accounts.rule.passwords-differ");
        }
    }
}
