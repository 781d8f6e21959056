package org.sourcewire.accounts;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.sourcewire.mail.Email;
import org.sourcewire.shared.SignedTokens.TokenCheck;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password reset by a signed link, and a logged-in change of password; each ends the account's other sessions and
 * lifts a lock on its log-ins.
 */
@Service
@Transactional
class Passwords {

    static final AccountMails.LinkKind RESET_LINK = new AccountMails.LinkKind("password-reset", "/password-reset/new",
            Email.subject("mail.password-reset.subject"), "mail/password-reset", Account::passwordResetSubject);

    private final Accounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final AccountMails mails;
    private final AccountsProperties properties;
    private final Clock clock;
    private final AccountSessions sessions;
    private final LoginThrottle throttle;

    Passwords(Accounts accounts, PasswordEncoder passwordEncoder, AccountMails mails, AccountsProperties properties,
            Clock clock, AccountSessions sessions, LoginThrottle throttle) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.mails = mails;
        this.properties = properties;
        this.clock = clock;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    /** Sends a reset link if the address belongs to an active account; says nothing either way. */
    void requestPasswordReset(String email) {
        accounts.findByAddress(email.strip()).filter(account -> !account.isSuspended())
                .ifPresent(account -> mails.sendLink(RESET_LINK, account, properties.passwordResetLinkValidity()));
    }

    @Transactional(readOnly = true)
    ResetLinkCheck checkResetLink(String token) {
        TokenCheck check = mails.check(RESET_LINK, token);
        Optional<Account> account = mails.accountOf(RESET_LINK, check, accounts::findById);
        if (account.isEmpty()) {
            return new ResetLinkCheck(TokenCheck.Status.INVALID, null);
        }
        return new ResetLinkCheck(check.status(), account.get().getEmail());
    }

    /** @return false if the link is no longer valid */
    boolean resetPassword(String token, String newPassword) {
        TokenCheck check = mails.check(RESET_LINK, token);
        if (!check.isValid()) {
            return false;
        }
        // Locked: the same link sent twice at once changes the password once (the second finds the link used).
        Optional<Account> account = mails.accountOf(RESET_LINK, check, accounts::findForUpdate);
        account.ifPresent(this::changePasswordAndNotify);
        account.ifPresent(found -> found.changePassword(passwordEncoder.encode(newPassword), clock.instant()));
        // Whoever knew the old password (or held a stolen session) is logged out everywhere.
        account.ifPresent(found -> sessions.end(found.getEmail(), null));
        account.ifPresent(found -> throttle.forget(found.getEmail()));
        return account.isPresent();
    }

    /**
     * Changes the password of a logged-in account and ends its other sessions.
     *
     * @param currentSessionId the session that made the change, which stays logged in (null: none)
     * @return false if the current password was wrong
     */
    boolean changePassword(long accountId, String currentPassword, String newPassword, String currentSessionId) {
        Account account = accounts.findForUpdate(accountId).orElseThrow();
        if (!passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            return false;
        }
        changePasswordAndNotify(account);
        account.changePassword(passwordEncoder.encode(newPassword), clock.instant());
        sessions.end(account.getEmail(), currentSessionId);
        throttle.forget(account.getEmail());
        return true;
    }

    private void changePasswordAndNotify(Account account) {
        mails.sendNotice(account, Email.subject("mail.password-changed.subject"), "mail/password-changed",
                Map.of("resetLink", "/password-reset"));
    }

    record ResetLinkCheck(TokenCheck.Status status, String email) {
    }
}
