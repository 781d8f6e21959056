package org.sourcewire.sources;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** Profiles as entities, for changing them; views are read with plain SQL in {@link SourceManagement}. */
interface SourceProfiles extends JpaRepository<SourceProfile, Long> {

    /** The profile, its row locked until the transaction ends: two changes at once run one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from SourceProfile p where p.id = :id")
    Optional<SourceProfile> findForUpdate(long id);
}
