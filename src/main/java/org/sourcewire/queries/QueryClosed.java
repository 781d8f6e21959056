package org.sourcewire.queries;

/** A published query stopped taking pitches: closed by its journalist or a moderator, or its deadline passed. */
public record QueryClosed(long queryId, QueryStatus status) {
}
