package org.sourcewire.accounts;

import java.time.Clock;
import java.util.Map;

import org.sourcewire.audit.Actor;
import org.sourcewire.audit.AuditLog;
import org.sourcewire.mail.Email;
import org.sourcewire.mail.Outbox;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Suspending an account (by an admin, or at the strike limit) and restoring it; both audited. */
@Service
@Transactional
public class AccountSuspensions {

    private final Accounts accounts;
    private final Outbox outbox;
    private final Clock clock;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final AccountSessions sessions;

    AccountSuspensions(Accounts accounts, Outbox outbox, Clock clock, AuditLog audit, ApplicationEventPublisher events,
            AccountSessions sessions) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
        this.sessions = sessions;
    }

    /**
     * Suspends a journalist or source: no more log-ins, current sessions end, and (through {@link AccountSuspended})
     * their open queries close, all in this transaction.
     */
    void suspend(long accountId, Actor admin) {
        suspend(accountId, admin, null);
    }

    /**
     * Suspends a source who reached the strike limit, as {@link #suspend(long, Actor)} does, and tells them why by
     * e-mail. Does nothing if the account is already suspended.
     *
     * @param reason shown to the source and kept in the audit log, e.g. "3 upheld reports within 90 days"
     * @return true if this call suspended the account
     */
    public boolean suspendForStrikes(long accountId, Actor admin, String reason) {
        return suspend(accountId, admin, reason);
    }

    private boolean suspend(long accountId, Actor admin, String reason) {
        Account account = accounts.findForUpdate(accountId).orElseThrow();
        if (account.isSuspended()) {
            return false;
        }
        if (account.getRole() == Role.ADMIN) {
            throw new IllegalArgumentException("Admins cannot be suspended.");
        }
        account.suspend(clock.instant());
        events.publishEvent(new AccountSuspended(accountId));
        audit.record(admin, "account.suspended", "account " + accountId,
                "Suspended " + account.getEmail() + (reason == null ? "" : ": " + reason),
                Map.of("suspended", false), reason == null ? Map.of("suspended", true) : Map.of("suspended", true, "reason", reason));
        if (reason != null) {
            outbox.queue(new Email(account.getEmail(), Email.subject("mail.account-suspended.subject"), "mail/account-suspended",
                    Map.of("name", account.getDisplayName(), "reason", reason)));
        }
        sessions.end(account.getEmail(), null);
        return true;
    }

    void restore(long accountId, Actor admin) {
        Account account = accounts.findForUpdate(accountId).orElseThrow();
        if (!account.isSuspended()) {
            return;
        }
        account.restore();
        audit.record(admin, "account.restored", "account " + accountId, "Restored " + account.getEmail(),
                Map.of("suspended", true), Map.of("suspended", false));
    }
}
