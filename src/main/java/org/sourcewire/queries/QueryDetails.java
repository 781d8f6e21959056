package org.sourcewire.queries;

import java.time.Instant;
import java.util.List;

/** The journalist-editable content of a query, already cleaned (trimmed, blank questions dropped). */
record QueryDetails(String headline, Long topicId, String outletName, String outletUrl, MediaType mediaType,
        Instant deadline, String timeZone, List<String> questions, String requirements, String requiredCredential,
        String region, boolean firstHandOnly, Integer pitchCap, LinkPolicy linkPolicy, boolean anonymous) {
}
