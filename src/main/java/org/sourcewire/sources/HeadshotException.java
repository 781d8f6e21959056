package org.sourcewire.sources;

import org.sourcewire.shared.RuleException;

/** An upload that cannot become a headshot; its message key and arguments say why, for the person who uploaded it. */
class HeadshotException extends RuleException {

    HeadshotException(String code, Object... arguments) {
        super("headshot", code, arguments);
    }
}
