package org.sourcewire.matching;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sourcewire.queries.QueryPublished;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Matches a query when it is published: after the publishing transaction commits, kept in the event publication
 * registry until done, so a crash in between only delays the matching (which is idempotent, so a replay is safe).
 */
@Component
class QueryMatcher {

    private static final Logger log = LoggerFactory.getLogger(QueryMatcher.class);

    private final MatchingService matching;

    QueryMatcher(MatchingService matching) {
        this.matching = matching;
    }

    /** A source chose new topics: the queries already open in them reach the source's digests too. */
    @ApplicationModuleListener
    void on(org.sourcewire.sources.TopicsSubscribed subscribed) {
        subscribed.topicIds().forEach(topic -> matching.subscribed(subscribed.sourceId(), topic));
    }

    @ApplicationModuleListener
    void on(QueryPublished published) {
        long started = System.nanoTime();
        int matched = matching.match(published.queryId());
        log.info("Query {} matched to {} sources in {} ms", published.queryId(), matched,
                (System.nanoTime() - started) / 1_000_000);
    }
}
