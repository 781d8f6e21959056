package org.sourcewire.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The one-field form that asks for a mail to an address: a password reset link, a new confirmation link. */
record AddressForm(
        @NotBlank(message = "Enter your e-mail address.")
        @EmailAddress
        @Size(max = 254, message = "Use at most 254 characters.")
        String email) {
}
