package org.sourcewire.shared;

import org.springframework.validation.Errors;

/**
 * An action the rules refuse, with a message for the person who tried it; {@code field} names the form field the
 * message belongs to, or is null when it belongs to the whole form. One type for every module, so a controller
 * shows any refusal the same way.
 */
public class RuleException extends RuntimeException {

    private final String field;

    public RuleException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** Shows the refusal on a form: beside its field, or above the form when it names none. */
    public void rejectIn(Errors errors) {
        if (field == null) {
            errors.reject("rule", getMessage());
        }
        else {
            errors.rejectValue(field, "rule", getMessage());
        }
    }
}
