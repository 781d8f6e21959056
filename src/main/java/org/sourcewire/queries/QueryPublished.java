package org.sourcewire.queries;

/** A query became visible to sources (approved, or auto-approved at submission). */
public record QueryPublished(long queryId, long topicId) {
}
