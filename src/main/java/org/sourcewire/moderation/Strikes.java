package org.sourcewire.moderation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Strikes extends JpaRepository<Strike, Long> {

    /** The strike, its row locked until the transaction ends: two changes at once run one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Strike s where s.id = :id")
    Optional<Strike> findForUpdate(long id);

    List<Strike> findByAccountIdOrderByCreatedAtDescIdDesc(long accountId);

    @Query("select count(s) from Strike s where s.accountId = :accountId and s.withdrawnAt is null and s.createdAt > :since")
    long countActiveSince(long accountId, Instant since);

    @Query("select count(s) > 0 from Strike s where s.pitchPublicId = :pitch and s.withdrawnAt is null")
    boolean existsActiveForPitch(UUID pitch);

    /** Appeals waiting for a decision first, then newest first. */
    @Query(value = """
            select s from Strike s order by case when s.appealedAt is not null and s.appealDecision is null
            and s.withdrawnAt is null then 0 else 1 end, s.createdAt desc, s.id desc""",
            countQuery = "select count(s) from Strike s")
    Page<Strike> findForAdmins(Pageable page);
}
