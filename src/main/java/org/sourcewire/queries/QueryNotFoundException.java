package org.sourcewire.queries;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Not there, or not yours: both answer 404, so ids do not reveal what exists. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class QueryNotFoundException extends RuntimeException {
}
