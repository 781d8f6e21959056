package org.sourcewire.queries;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface Queries extends JpaRepository<Query, Long> {

    Page<Query> findByJournalistIdOrderByCreatedAtDesc(long journalistId, Pageable page);

    Page<Query> findByJournalistIdAndStatusInOrderByCreatedAtDesc(long journalistId, Collection<QueryStatus> statuses,
            Pageable page);

    Page<Query> findByStatusOrderBySubmittedAtAsc(QueryStatus status, Pageable page);

    Optional<Query> findByIdAndJournalistId(long id, long journalistId);

    List<Query> findByJournalistIdAndStatusIn(long journalistId, Collection<QueryStatus> statuses);

    @org.springframework.data.jpa.repository.Query("""
            select q.status as status, count(q) as count from Query q where q.journalistId = ?1 group by q.status""")
    List<StatusCount> countByStatus(long journalistId);

    interface StatusCount {
        QueryStatus getStatus();

        long getCount();
    }
}
