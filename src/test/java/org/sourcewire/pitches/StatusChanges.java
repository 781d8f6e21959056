package org.sourcewire.pitches;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records every committed PitchStatusChanged, as a listener in another module would see them, so tests can count them.
 * A plain listener that waits for the commit itself: a {@code @TransactionalEventListener} would make Spring Modulith
 * record each event in its publication registry and mark it completed in a transaction of its own, taking a second
 * connection while the request still holds its first (under load, which the benchmark shares this classpath with,
 * the pool runs dry).
 */
@Component
class StatusChanges {

    private final List<PitchStatusChanged> seen = new CopyOnWriteArrayList<>();

    @EventListener
    void on(PitchStatusChanged changed) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            seen.add(changed);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

            @Override
            public void afterCommit() {
                seen.add(changed);
            }
        });
    }

    /** The statuses the pitch was moved to, in order. */
    List<PitchStatus> of(long pitchId) {
        return seen.stream().filter(changed -> changed.pitchId() == pitchId).map(PitchStatusChanged::status).toList();
    }
}
