package org.sourcewire.directory;

import org.sourcewire.sources.ExpertLevel;

/**
 * One directory search. Every part is optional (null: any); {@code level} means "at least this level".
 */
public record DirectoryCriteria(String words, Long topicId, String region, ExpertLevel level,
        Responsiveness responsiveness) {

    public static DirectoryCriteria any() {
        return new DirectoryCriteria(null, null, null, null, null);
    }
}
