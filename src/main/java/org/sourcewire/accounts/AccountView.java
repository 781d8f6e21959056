package org.sourcewire.accounts;

import java.time.Instant;

/** A read-only view of an account for other modules and pages. */
public record AccountView(long id, String email, String displayName, Role role, String outletName, String outletUrl,
        boolean verified, boolean suspended, Instant createdAt, boolean outletVerified) {

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
     * The "verified outlet" badge, which anonymous posting and auto-approval need: a confirmed journalist whose
     * e-mail address is at a confirmed domain of an outlet in the admins' registry, or whose outlet an admin
     * confirmed. Read with the account from the view {@code account_verified_outlet}, the one place that decides it
     * (a domain of one's own typed in as the outlet's website no longer counts).
     */
    public boolean hasVerifiedOutlet() {
        return outletVerified;
    }
}
