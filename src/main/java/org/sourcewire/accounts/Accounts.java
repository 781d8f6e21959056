package org.sourcewire.accounts;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

interface Accounts extends JpaRepository<Account, Long> {

    /** The account, its row locked until the transaction ends: two changes at once run one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @org.springframework.data.jpa.repository.Query("select a from Account a where a.id = ?1")
    Optional<Account> findForUpdate(long id);

    Optional<Account> findByEmail(String email);

    @org.springframework.data.jpa.repository.Query("""
            select a from Account a where lower(a.email) like ?1 escape '!' or lower(a.displayName) like ?1 escape '!'
            order by a.createdAt desc""")
    org.springframework.data.domain.Page<Account> search(String pattern, org.springframework.data.domain.Pageable page);

    boolean existsByEmail(String email);

    /** Case-insensitive: addresses are stored in lower case. */
    default Optional<Account> findByAddress(String email) {
        return findByEmail(Account.normalizeEmail(email));
    }

    default boolean existsByAddress(String email) {
        return existsByEmail(Account.normalizeEmail(email));
    }
}
