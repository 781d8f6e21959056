package org.sourcewire.outlets;

import java.time.Instant;

/** An outlet a journalist proposed for the registry, and what became of it. */
record OutletProposal(long id, long accountId, String journalistName, String journalistEmail, String name,
        String website, String domain, OutletType type, State state, String reason, Instant createdAt) {

    public enum State {
        PENDING, ACCEPTED, REJECTED
    }
}
