package org.sourcewire.sources;

import java.util.Set;

/** A source subscribed to topics it did not follow before; matching shows them the open queries already there. */
public record TopicsSubscribed(long sourceId, Set<Long> topicIds) {
}
