package org.sourcewire.screening;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Screening's settings. The score itself comes from the trained model ({@link ScreeningModel}), not from settings.
 *
 * @param duplicateSimilarity estimated Jaccard similarity from which two pitches count as the same text
 * @param trackRecord points a source's shortlist-and-use rate moves the score, at most
 * @param reportPenalty points off per upheld report against the source (at most two count)
 */
@ConfigurationProperties("sourcewire.screening")
record ScreeningProperties(double duplicateSimilarity, int trackRecord, int reportPenalty) {
}
