package org.sourcewire.shared;

import java.util.UUID;

/**
 * The one-time key a form carries in a hidden field, so the same form sent twice (a double click, a re-sent request)
 * makes one record: the record stores the key under a unique index and a repeat finds it.
 */
public final class OneTimeKey {

    private OneTimeKey() {
    }

    /** The key as posted, or a fresh one when it is missing or malformed (such a form then counts as sent once). */
    public static UUID from(String posted) {
        try {
            return posted == null ? UUID.randomUUID() : UUID.fromString(posted);
        }
        catch (IllegalArgumentException ex) {
            return UUID.randomUUID();
        }
    }
}
