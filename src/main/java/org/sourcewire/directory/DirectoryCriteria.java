package org.sourcewire.directory;

import org.sourcewire.sources.ExpertLevel;

/**
 * One directory search. Every part is optional (null: any); {@code level} means "at least this level".
 */
public record DirectoryCriteria(String words, Long topicId, String region, ExpertLevel level,
        Responsiveness responsiveness) {

    /** Whether words are searched for (which orders the results by how well they match, not by name). */
    public boolean hasWords() {
        return words != null && !words.isBlank();
    }

    public static DirectoryCriteria any() {
        return new DirectoryCriteria(null, null, null, null, null);
    }
}
