package org.sourcewire.outlets;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The registry's forms. */
final class OutletForms {

    private OutletForms() {
    }

    /** A new outlet (admins) or a proposed one (journalists): name, website, type. */
    record OutletForm(
            @NotBlank(message = "Enter the outlet's name.") @Size(max = 200, message = "Use at most 200 characters.")
            String name,
            @NotBlank(message = "Enter the outlet's web address, e.g. https://ledger.example.")
            @Size(max = 500, message = "Use at most 500 characters.")
            String website,
            @NotNull(message = "Choose the kind of outlet.")
            OutletType type) {

        static OutletForm empty() {
            return new OutletForm("", "", null);
        }
    }

    /** Editing an outlet: name and type (domains are added and confirmed one by one). */
    record EditForm(
            @NotBlank(message = "Enter the outlet's name.") @Size(max = 200, message = "Use at most 200 characters.")
            String name,
            @NotNull(message = "Choose the kind of outlet.")
            OutletType type) {
    }

    record DomainForm(
            @NotBlank(message = "Enter a domain such as ledger.example.") @Size(max = 253, message = "Use at most 253 characters.")
            String domain) {
    }

    record ReasonForm(
            @NotBlank(message = "Give the journalist a reason.") @Size(max = 500, message = "Use at most 500 characters.")
            String reason) {
    }

    /** An admin's decision on a journalist's outlet. */
    /** {@code decision} is text, so a mangled value is a message beside the choice, never a form that cannot bind. */
    record ConfirmForm(
            @NotBlank(message = "Say how you checked (e.g. the masthead lists them, a call to the desk).")
            @Size(max = 1000, message = "Use at most 1,000 characters.")
            String note,
            @jakarta.validation.constraints.NotNull(message = "Choose whether to confirm or withdraw.")
            @jakarta.validation.constraints.Pattern(regexp = "true|false", message = "Choose whether to confirm or withdraw.")
            String confirmed) {

        boolean confirms() {
            return "true".equals(confirmed);
        }
    }
}
