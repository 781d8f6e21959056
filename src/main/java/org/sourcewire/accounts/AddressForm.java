package org.sourcewire.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The one-field form that asks for a mail to an address: a password reset link, a new confirmation link. */
record AddressForm(
        @NotBlank(message = "{validation.enter-your-e-mail-address}")
        @EmailAddress
        @Size(max = 254, message = "{validation.use-at-most-254-characters}")
        String email) {
}
