package org.sourcewire.shared;

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
}
