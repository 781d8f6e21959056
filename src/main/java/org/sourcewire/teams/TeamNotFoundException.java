package org.sourcewire.teams;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such team, member, profile or draft, or not one the asker may touch: both look the same, so ids reveal nothing. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class TeamNotFoundException extends RuntimeException {
}
