package org.sourcewire.topics;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Topics extends JpaRepository<Topic, Long> {

    @Query("select t from Topic t where t.retiredAt is null order by lower(t.name)")
    List<Topic> findActive();

    @Query("select t from Topic t order by case when t.retiredAt is null then 0 else 1 end, lower(t.name)")
    List<Topic> findAllForAdmin();

    boolean existsByNameIgnoreCase(String name);

    boolean existsByNameIgnoreCaseAndIdNot(String name, Long id);
}
