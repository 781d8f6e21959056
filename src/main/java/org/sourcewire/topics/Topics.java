package org.sourcewire.topics;

import java.util.List;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Topics extends JpaRepository<Topic, Long> {

    /** The topic, its row locked until the transaction ends: two changes at once run one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from Topic t where t.id = :id")
    Optional<Topic> findForUpdate(long id);


    @Query("select t from Topic t order by case when t.retiredAt is null then 0 else 1 end, lower(t.name)")
    List<Topic> findAllForAdmin();

    boolean existsByNameIgnoreCase(String name);

    boolean existsByNameIgnoreCaseAndIdNot(String name, Long id);
}
