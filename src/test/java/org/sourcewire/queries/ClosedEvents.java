package org.sourcewire.queries;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records every QueryClosed event, so tests can count them. */
@Component
class ClosedEvents {

    private final List<Long> ids = new CopyOnWriteArrayList<>();

    @EventListener
    void on(QueryClosed closed) {
        ids.add(closed.queryId());
    }

    List<Long> ids() {
        return ids;
    }
}
