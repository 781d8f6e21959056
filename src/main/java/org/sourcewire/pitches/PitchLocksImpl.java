package org.sourcewire.pitches;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/** Spring Data's fragment implementation of {@link PitchLocks} (found by its name). */
class PitchLocksImpl implements PitchLocks {

    private final EntityManager entityManager;

    PitchLocksImpl(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public void lockAndRefresh(Pitch pitch) {
        // A locking query would hand back the managed entity as it was read; refresh reads the row again.
        entityManager.refresh(pitch, LockModeType.PESSIMISTIC_WRITE);
    }
}
