package org.sourcewire.pitches;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Pitches extends JpaRepository<Pitch, Long> {

    Optional<Pitch> findByPublicId(UUID publicId);
}
