package org.sourcewire.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.sourcewire.shared.WebAddress;

import org.springframework.validation.Errors;

record SignUpForm(
        @NotBlank(message = "{validation.enter-your-name}")
        @Size(max = 100, message = "{validation.use-at-most-100-characters}")
        String displayName,

        @NotBlank(message = "{validation.enter-your-e-mail-address}")
        @EmailAddress
        @Size(max = 254, message = "{validation.use-at-most-254-characters}")
        String email,

        String password,

        // Text, read by chosenRole(): a value that is no role then gets its message while the other fields are still
        // validated (a record component that fails to convert leaves the whole form unvalidated).
        @NotBlank(message = "{validation.choose-whether-you-are-a-journalist-or}")
        String role,

        @Size(max = 120, message = "{validation.use-at-most-120-characters}")
        String outletName,

        @Size(max = 300, message = "{validation.use-at-most-300-characters}")
        @WebAddress
        String outletUrl) {

    static SignUpForm empty(Role role) {
        return new SignUpForm("", "", "", role.name(), "", "");
    }

    /** The checks that depend on more than one field. */
    void validate(Errors errors) {
        PasswordPolicy.problem(password, email).ifPresent(problem -> PasswordPolicy.rejectIn(errors, problem));
        if (chosenRole() == null && !errors.hasFieldErrors("role")) {
            errors.rejectValue("role", "validation.choose-whether-you-are-a-journalist-or");
        }
        if (chosenRole() == Role.JOURNALIST) {
            if (outletName == null || outletName.isBlank()) {
                errors.rejectValue("outletName", "accounts.rule.outlet-name-missing");
            }
            if (outletUrl == null || outletUrl.isBlank()) {
                errors.rejectValue("outletUrl", "accounts.rule.outlet-url-missing.sign-up");
            }
        }
    }

    /** The role chosen: journalist or source (nobody signs up as an admin), or null. */
    Role chosenRole() {
        return Role.JOURNALIST.name().equals(role) ? Role.JOURNALIST : Role.SOURCE.name().equals(role) ? Role.SOURCE : null;
    }

    SignUp toSignUp() {
        boolean journalist = chosenRole() == Role.JOURNALIST;
        return new SignUp(displayName, email, password, chosenRole(), journalist ? outletName : null,
                journalist ? outletUrl : null);
    }
}
