package org.sourcewire.pitches;

/** A pitch action the rules refuse; {@code field} names the form field the message belongs to, if any. */
public class PitchRuleException extends RuntimeException {

    private final String field;

    PitchRuleException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
