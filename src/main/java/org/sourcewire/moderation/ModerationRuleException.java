package org.sourcewire.moderation;

/** A moderation action that the rules refuse; the message is for the person who tried it. */
class ModerationRuleException extends RuntimeException {

    ModerationRuleException(String message) {
        super(message);
    }
}
