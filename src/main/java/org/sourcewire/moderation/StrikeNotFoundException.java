package org.sourcewire.moderation;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such strike, or (for a source) not theirs: both are a 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class StrikeNotFoundException extends RuntimeException {
}
