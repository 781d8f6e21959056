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

    /**
     * The "verified outlet" badge: a journalist whose confirmed e-mail address is at the outlet's own registrable
     * domain (maria@ledger.example writing for https://www.ledger.example).
     */
    public boolean hasVerifiedOutlet() {
        return role == Role.JOURNALIST && verified && org.sourcewire.shared.Domains.sameOrganisation(email, outletUrl);
    }
}
