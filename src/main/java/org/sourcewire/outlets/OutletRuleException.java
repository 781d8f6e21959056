package org.sourcewire.outlets;

/** A change the registry's rules refuse; {@code field} names the form field the message belongs to, if any. */
class OutletRuleException extends RuntimeException {

    private final String field;

    OutletRuleException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
