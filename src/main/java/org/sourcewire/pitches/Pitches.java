package org.sourcewire.pitches;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/**
 * Pitches. Whatever changes a pitch reads it with its row locked ({@code select … for update}) until the transaction
 * ends: two clicks at once then run one after the other, the second sees what the first stored (so a status mail
 * goes out once), and no write ever meets a stale {@code @Version}.
 */
interface Pitches extends JpaRepository<Pitch, Long>, PitchLocks {

    Optional<Pitch> findByPublicId(UUID publicId);

    /** The pitch, its row locked until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Pitch p where p.publicId = :publicId")
    Optional<Pitch> findForUpdate(UUID publicId);

    /** The chosen pitches of one query, their rows locked in id order (so two bulk actions cannot deadlock). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Pitch p where p.queryId = :queryId and p.publicId in :publicIds order by p.id")
    List<Pitch> findForUpdate(long queryId, Collection<UUID> publicIds);
}
