package org.sourcewire.accounts;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface Accounts extends JpaRepository<Account, Long> {

    Optional<Account> findByEmail(String email);

    boolean existsByEmail(String email);

    /** Case-insensitive: addresses are stored in lower case. */
    default Optional<Account> findByAddress(String email) {
        return findByEmail(Account.normalizeEmail(email));
    }

    default boolean existsByAddress(String email) {
        return existsByEmail(Account.normalizeEmail(email));
    }
}
