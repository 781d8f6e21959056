package org.sourcewire.topics;

import java.time.Instant;
import java.util.Map;

/** Figures other modules keep per topic, for the admin list and the "quiet" flag. */
public final class TopicUsage {

    private TopicUsage() {
    }

    /** Implemented by the module that keeps source subscriptions. */
    public interface Subscribers {
        Map<Long, Long> subscribersPerTopic();
    }

    /** Implemented by the module that keeps queries. */
    public interface Queries {
        Map<Long, Long> queriesPublishedSince(Instant since);
    }
}
