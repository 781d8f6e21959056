package org.sourcewire.sources;

import org.springframework.data.jpa.repository.JpaRepository;

/** Profiles as entities, for changing them; views are read with plain SQL in {@link SourceManagement}. */
interface SourceProfiles extends JpaRepository<SourceProfile, Long> {
}
