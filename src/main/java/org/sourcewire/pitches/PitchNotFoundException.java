package org.sourcewire.pitches;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such pitch, or not one the asker may see: both look the same, so ids reveal nothing. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class PitchNotFoundException extends RuntimeException {
}
