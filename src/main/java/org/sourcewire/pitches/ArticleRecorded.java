package org.sourcewire.pitches;

import java.time.Instant;
import java.util.UUID;

/**
 * The journalist recorded (or changed) the address of the article a used pitch went into, at {@code at}. Placements
 * reads the article from it.
 */
public record ArticleRecorded(long pitchId, UUID publicId, String articleUrl, Instant at) {
}
