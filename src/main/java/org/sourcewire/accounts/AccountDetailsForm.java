package org.sourcewire.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.sourcewire.shared.WebAddress;

import org.springframework.validation.Errors;

record AccountDetailsForm(
        @NotBlank(message = "{validation.enter-your-name}")
        @Size(max = 100, message = "{validation.use-at-most-100-characters}")
        String displayName,

        @Size(max = 120, message = "{validation.use-at-most-120-characters}")
        String outletName,

        @Size(max = 300, message = "{validation.use-at-most-300-characters}")
        @WebAddress
        String outletUrl) {

    static AccountDetailsForm of(AccountView account) {
        return new AccountDetailsForm(account.displayName(), account.outletName(), account.outletUrl());
    }

    void validate(Role role, Errors errors) {
        if (role == Role.JOURNALIST) {
            if (outletName == null || outletName.isBlank()) {
                errors.rejectValue("outletName", "accounts.rule.outlet-name-missing");
            }
            if (outletUrl == null || outletUrl.isBlank()) {
                errors.rejectValue("outletUrl", "accounts.rule.outlet-url-missing");
            }
        }
    }
}
