package org.sourcewire.sources;

/** A profile change the rules refuse; {@code field} names the form field the message belongs to, if any. */
class SourceRuleException extends RuntimeException {

    private final String field;

    SourceRuleException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
