package org.sourcewire.outlets;

import java.time.Instant;
import java.util.List;

/** An outlet in the registry, with its domains. */
record OutletView(long id, String name, OutletType type, Instant createdAt, List<Domain> domains) {

    /** One of the outlet's registrable domains; {@code confirmedAt} is null until an admin confirms it. */
    public record Domain(long id, String domain, Instant confirmedAt) {

        public boolean confirmed() {
            return confirmedAt != null;
        }
    }
}
