package org.sourcewire.sources;

/** An upload that cannot become a headshot; the message is for the person who uploaded it. */
class HeadshotException extends RuntimeException {

    HeadshotException(String message) {
        super(message);
    }
}
