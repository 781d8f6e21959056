package org.sourcewire.screening;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Screening weights, in points of the 0-100 score.
 *
 * @param flagBelow a pitch scoring below this is flagged (so is any copy or template)
 * @param duplicateSimilarity estimated Jaccard similarity from which two pitches count as the same text
 * @param base points every pitch starts with
 * @param relevance points for answers that are about the query (high relevance earns them all)
 * @param offTopicPenalty points off when the answers hardly touch the query at all
 * @param completeness points for answering every question with substance
 * @param length points for a length within the 150-200 word guidance
 * @param trackRecord points for a good shortlist-and-use rate
 * @param templatePenalty points off for the same text sent to other queries
 * @param copyPenalty points off for text copied from another source's pitch
 * @param boilerplateCap most points taken off for filler phrases
 * @param repetitionPenalty points off for repeating sentences word for word (padding)
 * @param reportPenalty points off per upheld report against the source (at most two count)
 */
@ConfigurationProperties("sourcewire.screening")
record ScreeningProperties(int flagBelow, double duplicateSimilarity, int base, int relevance, int offTopicPenalty, int completeness,
        int length, int trackRecord, int templatePenalty, int copyPenalty, int boilerplateCap, int repetitionPenalty, int reportPenalty) {
}
