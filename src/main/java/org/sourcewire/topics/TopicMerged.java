package org.sourcewire.topics;

/**
 * Topic {@code fromId} was merged into {@code intoId}. Published inside the merge's transaction: modules that keep
 * rows per topic move them to the surviving topic in a synchronous listener, so the merge is all or nothing.
 */
public record TopicMerged(long fromId, long intoId) {
}
