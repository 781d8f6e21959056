package org.sourcewire.accounts;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "account")
class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(columnDefinition = "citext")
    private String email;

    private String passwordHash;

    private String displayName;

    @Enumerated(EnumType.STRING)
    private Role role;

    private String outletName;

    private String outletUrl;

    private Instant emailVerifiedAt;

    private Instant suspendedAt;

    private Instant passwordChangedAt;

    private Instant createdAt;

    /** Read only, from the one definition of a verified outlet (a view). */
    @org.hibernate.annotations.Formula("(exists (select 1 from account_verified_outlet v where v.account_id = id))")
    private boolean outletVerified;

    @Version
    private long version;

    protected Account() {
    }

    private Account(String email, String passwordHash, String displayName, Role role, Instant now) {
        this.email = normalizeEmail(email);
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.role = role;
        this.passwordChangedAt = now;
        this.createdAt = now;
    }

    static Account journalist(String email, String passwordHash, String displayName, String outletName, String outletUrl,
            Instant now) {
        Account account = new Account(email, passwordHash, displayName, Role.JOURNALIST, now);
        account.outletName = outletName;
        account.outletUrl = outletUrl;
        return account;
    }

    static Account source(String email, String passwordHash, String displayName, Instant now) {
        return new Account(email, passwordHash, displayName, Role.SOURCE, now);
    }

    static Account admin(String email, String passwordHash, String displayName, Instant now) {
        Account account = new Account(email, passwordHash, displayName, Role.ADMIN, now);
        account.emailVerifiedAt = now;
        return account;
    }

    /**
     * Addresses are kept and looked up in lower case: the column is citext, but a citext column compared with a
     * varchar parameter falls back to case-sensitive text comparison.
     */
    static String normalizeEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** @return false if the address was already verified */
    boolean verifyEmail(Instant now) {
        if (emailVerifiedAt != null) {
            return false;
        }
        emailVerifiedAt = now;
        return true;
    }

    void changePassword(String newHash, Instant now) {
        passwordHash = newHash;
        passwordChangedAt = now;
    }

    void suspend(Instant now) {
        if (role == Role.ADMIN) {
            throw new IllegalStateException("Admins are not suspended");
        }
        if (suspendedAt == null) {
            suspendedAt = now;
        }
    }

    void restore() {
        suspendedAt = null;
    }

    void rename(String displayName) {
        this.displayName = displayName;
    }

    /** @return whether it is another outlet, not the same one written another way */
    boolean changeOutlet(String outletName, String outletUrl) {
        if (role != Role.JOURNALIST) {
            throw new IllegalStateException("Only journalists have an outlet");
        }
        boolean other = !AccountView.sameOutlet(this.outletName, this.outletUrl, outletName, outletUrl);
        this.outletName = outletName;
        this.outletUrl = outletUrl;
        return other;
    }

    /** The verification link is bound to the address it was sent to. */
    String verificationSubject() {
        return id + ":" + email;
    }

    /** A reset link stops working once the password has changed, so each link works once. */
    String passwordResetSubject() {
        return id + ":" + passwordChangedAt.toEpochMilli();
    }

    boolean isVerified() {
        return emailVerifiedAt != null;
    }

    boolean isSuspended() {
        return suspendedAt != null;
    }

    CurrentUser toCurrentUser() {
        return new CurrentUser(id, email, role, isSuspended(), passwordHash);
    }

    AccountView toView() {
        return new AccountView(id, email, displayName, role, outletName, outletUrl, isVerified(), isSuspended(), createdAt,
                outletVerified);
    }

    Long getId() {
        return id;
    }

    String getEmail() {
        return email;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    String getDisplayName() {
        return displayName;
    }

    Role getRole() {
        return role;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
