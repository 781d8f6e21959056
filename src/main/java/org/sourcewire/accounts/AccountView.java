package org.sourcewire.accounts;

import java.time.Instant;

/** A read-only view of an account for other modules and pages. */
public record AccountView(long id, String email, String displayName, Role role, String outletName, String outletUrl,
        boolean verified, boolean suspended, Instant createdAt) {

    public boolean isJournalist() {
        return role == Role.JOURNALIST;
    }

    public boolean isSource() {
        return role == Role.SOURCE;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
