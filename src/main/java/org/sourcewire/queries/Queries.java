package org.sourcewire.queries;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

interface Queries extends JpaRepository<Query, Long> {

    Page<Query> findByJournalistIdOrderByCreatedAtDesc(long journalistId, Pageable page);

    Page<Query> findByJournalistIdAndStatusInOrderByCreatedAtDesc(long journalistId, Collection<QueryStatus> statuses,
            Pageable page);

    Page<Query> findByStatusOrderBySubmittedAtAsc(QueryStatus status, Pageable page);

    /** The journalist's query to change, its row locked until the transaction ends (see {@link #findForUpdate}). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<Query> findByIdAndJournalistId(long id, long journalistId);

    /** The query, its row locked until the transaction ends: two changes at once run one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @org.springframework.data.jpa.repository.Query("select q from Query q where q.id = ?1")
    Optional<Query> findForUpdate(long id);

    List<Query> findByJournalistIdAndStatusIn(long journalistId, Collection<QueryStatus> statuses);

    @org.springframework.data.jpa.repository.Query("""
            select q.status as status, count(q) as count from Query q where q.journalistId = ?1 group by q.status""")
    List<StatusCount> countByStatus(long journalistId);

    interface StatusCount {
        QueryStatus getStatus();

        long getCount();
    }
}
