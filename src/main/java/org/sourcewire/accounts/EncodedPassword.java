package org.sourcewire.accounts;

/**
 * A new password that passed the policy for one address, hashed already ({@link AccountManagement#encodeNewPassword}).
 * Hashing takes most of the time a sign-up takes, so a caller hashes before its transaction locks anything. Only the
 * accounts module reads the hash.
 */
public final class EncodedPassword {

    private final String email;
    private final String hash;

    EncodedPassword(String email, String hash) {
        this.email = Account.normalizeEmail(email);
        this.hash = hash;
    }

    String hash() {
        return hash;
    }

    /** Whether the policy checked it for this address (it refuses a password that contains the address). */
    boolean isFor(String address) {
        return email.equals(Account.normalizeEmail(address));
    }
}
