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
            @NotBlank(message = "{validation.enter-the-outlet-s-name}") @Size(max = 200, message = "{validation.use-at-most-200-characters}")
            String name,
            @NotBlank(message = "{validation.enter-the-outlet-s-web-address-e}")
            @Size(max = 500, message = "{validation.use-at-most-500-characters}")
            String website,
            @NotNull(message = "{validation.choose-the-kind-of-outlet}")
            OutletType type) {

        static OutletForm empty() {
            return new OutletForm("", "", null);
        }
    }

    /** Editing an outlet: name and type (domains are added and confirmed one by one). */
    record EditForm(
            @NotBlank(message = "{validation.enter-the-outlet-s-name}") @Size(max = 200, message = "{validation.use-at-most-200-characters}")
            String name,
            @NotNull(message = "{validation.choose-the-kind-of-outlet}")
            OutletType type) {
    }

    record DomainForm(
            @NotBlank(message = "{validation.enter-a-domain-such-as-ledger-example}") @Size(max = 253, message = "{validation.use-at-most-253-characters}")
            String domain) {
    }

    record ReasonForm(
            @NotBlank(message = "{validation.give-the-journalist-a-reason}") @Size(max = 500, message = "{validation.use-at-most-500-characters}")
            String reason) {
    }

    /** An admin's decision on a journalist's outlet. */
    /** {@code decision} is text, so a mangled value is a message beside the choice, never a form that cannot bind. */
    record ConfirmForm(
            @NotBlank(message = "{validation.say-how-you-checked-e-g-the}")
            @Size(max = 1000, message = "{validation.use-at-most-1-000-characters}")
            String note,
            @jakarta.validation.constraints.NotNull(message = "{validation.choose-whether-to-confirm-or-withdraw}")
            @jakarta.validation.constraints.Pattern(regexp = "true|false", message = "{validation.choose-whether-to-confirm-or-withdraw}")
            String confirmed) {

        boolean confirms() {
            return "true".equals(confirmed);
        }
    }
}
