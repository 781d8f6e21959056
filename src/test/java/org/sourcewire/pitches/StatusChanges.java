package org.sourcewire.pitches;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Records every committed PitchStatusChanged, as a listener in another module would see them, so tests can count them. */
@Component
class StatusChanges {

    private final List<PitchStatusChanged> seen = new CopyOnWriteArrayList<>();

    @TransactionalEventListener
    void on(PitchStatusChanged changed) {
        seen.add(changed);
    }

    /** The statuses the pitch was moved to, in order. */
    List<PitchStatus> of(long pitchId) {
        return seen.stream().filter(changed -> changed.pitchId() == pitchId).map(PitchStatusChanged::status).toList();
    }
}
