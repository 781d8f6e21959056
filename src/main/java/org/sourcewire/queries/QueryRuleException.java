package org.sourcewire.queries;

/** A change the query's rules refuse; {@code field} names the form field the message belongs to, if any. */
class QueryRuleException extends RuntimeException {

    private final String field;

    QueryRuleException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
