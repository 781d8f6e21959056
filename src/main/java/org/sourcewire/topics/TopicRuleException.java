package org.sourcewire.topics;

/** An admin action on topics that the rules refuse; the message is for the admin. */
class TopicRuleException extends RuntimeException {

    TopicRuleException(String message) {
        super(message);
    }
}
