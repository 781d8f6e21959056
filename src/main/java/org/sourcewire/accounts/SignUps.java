package org.sourcewire.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.sourcewire.mail.Email;
import org.sourcewire.shared.SignedTokens.TokenCheck;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sign-up and the confirmation of an account's e-mail address. */
@Service
@Transactional
class SignUps {

    static final AccountMails.LinkKind VERIFY_LINK = new AccountMails.LinkKind("verify-email", "/verify-email",
            Email.subject("mail.verify-email.subject"), "mail/verify-email", Account::verificationSubject);

    private final Accounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final AccountMails mails;
    private final AccountsProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SignUps(Accounts accounts, PasswordEncoder passwordEncoder, AccountMails mails, AccountsProperties properties,
            Clock clock, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.mails = mails;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Creates the account and queues its verification mail in the same transaction; or, if the address is taken,
     * tells its owner instead. The caller cannot tell which happened: both paths hash the password (most of the time
     * a sign-up takes) and queue at most one mail, so the answer and its timing do not reveal who is a member.
     *
     * @throws EmailAlreadyRegisteredException only when a concurrent sign-up with the same address won the race
     *         (a double click); this one is rolled back and its answer should be the same as for any sign-up
     */
    void signUp(SignUp signUp) {
        String email = Account.normalizeEmail(signUp.email());
        String hash = passwordEncoder.encode(signUp.password());
        Instant now = clock.instant();
        Optional<Account> existing = accounts.findByAddress(email);
        if (existing.isPresent()) {
            tellOwnerOfSignUpAttempt(existing.get(), now);
            return;
        }
        Account account = switch (signUp.role()) {
            case JOURNALIST -> Account.journalist(email, hash, signUp.displayName().strip(), signUp.outletName().strip(),
                    signUp.outletUrl().strip(), now);
            case SOURCE -> Account.source(email, hash, signUp.displayName().strip(), now);
            case ADMIN -> throw new IllegalArgumentException("Admins are not created by sign-up");
        };
        try {
            accounts.saveAndFlush(account);
        }
        catch (DataIntegrityViolationException ex) {
            // Two sign-ups with the same address at once (e.g. a double click): the unique index decides.
            throw new EmailAlreadyRegisteredException(email);
        }
        queueVerificationMail(account);
    }

    /**
     * Someone signed up with a member's address: the member hears of it, with the ways back in. Not when the account
     * is under a minute old: that is the same sign-up sent twice (a double click, a reload), whose verification mail
     * is on its way.
     */
    private void tellOwnerOfSignUpAttempt(Account account, Instant now) {
        if (account.getCreatedAt().isAfter(now.minus(java.time.Duration.ofMinutes(1)))) {
            return;
        }
        mails.sendNotice(account, Email.subject("mail.signup-attempt.subject"), "mail/signup-attempt",
                Map.of("loginLink", "/login", "resetLink", "/password-reset"));
    }

    /** How long a verification link works, in words ("48 hours"). */
    String verificationLinkValidity() {
        return mails.inWords(properties.verificationLinkValidity());
    }

    /** @return false if the account is already verified, so no mail was sent */
    boolean resendVerification(long accountId) {
        Account account = accounts.findById(accountId).orElseThrow();
        if (account.isVerified()) {
            return false;
        }
        queueVerificationMail(account);
        return true;
    }

    /**
     * Sends a fresh confirmation link if the address belongs to an active account that is not confirmed yet; says
     * nothing either way (anyone can ask, without logging in: an unconfirmed account cannot log in).
     */
    void requestVerificationLink(String email) {
        accounts.findByAddress(email.strip()).filter(account -> !account.isVerified() && !account.isSuspended())
                .ifPresent(this::queueVerificationMail);
    }

    /** Confirms the address the link was sent to; says what happened, and for a real link, to which address. */
    Verification verifyEmail(String token) {
        TokenCheck check = mails.check(VERIFY_LINK, token);
        Optional<Account> account = mails.accountOf(VERIFY_LINK, check, accounts::findForUpdate);
        if (account.isEmpty()) {
            return new Verification(VerificationResult.INVALID, null);
        }
        String email = account.get().getEmail();
        if (account.get().isVerified()) {
            return new Verification(VerificationResult.ALREADY_VERIFIED, email);
        }
        if (!check.isValid()) {
            return new Verification(VerificationResult.EXPIRED, email);
        }
        account.get().verifyEmail(clock.instant());
        events.publishEvent(new EmailConfirmed(account.get().getId(), email, account.get().getRole()));
        return new Verification(VerificationResult.VERIFIED, email);
    }

    private void queueVerificationMail(Account account) {
        mails.sendLink(VERIFY_LINK, account, properties.verificationLinkValidity());
    }

    enum VerificationResult {
        VERIFIED, ALREADY_VERIFIED, EXPIRED, INVALID
    }

    /** @param email the address the link confirms; null for a link that is not valid */
    record Verification(VerificationResult result, String email) {
    }
}
