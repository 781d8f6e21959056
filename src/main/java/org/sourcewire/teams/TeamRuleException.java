package org.sourcewire.teams;

/** A team action the rules refuse; {@code field} names the form field the message belongs to, if any. */
class TeamRuleException extends RuntimeException {

    private final String field;

    TeamRuleException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
