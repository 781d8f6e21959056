package org.sourcewire.sources;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SourceProfiles extends JpaRepository<SourceProfile, Long> {

    Optional<SourceProfile> findByAccountId(long accountId);

    Optional<SourceProfile> findByHandle(String handle);
}
