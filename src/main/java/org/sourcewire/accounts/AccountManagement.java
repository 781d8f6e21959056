package org.sourcewire.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sourcewire.mail.Email;
import org.sourcewire.mail.Outbox;
import org.sourcewire.shared.PlainRead;
import org.sourcewire.shared.SignedTokens;
import org.sourcewire.shared.SignedTokens.TokenCheck;
import org.sourcewire.shared.SiteUrls;

import org.sourcewire.audit.Actor;
import org.sourcewire.audit.AuditLog;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sign-up, verification, passwords and account details. */
@Service
@Transactional
public class AccountManagement {

    private static final Logger log = LoggerFactory.getLogger(AccountManagement.class);

    static final String VERIFY_PURPOSE = "verify-email";
    static final String RESET_PURPOSE = "password-reset";

    private final Accounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final SignedTokens tokens;
    private final SiteUrls urls;
    private final Outbox outbox;
    private final AccountsProperties properties;
    private final Clock clock;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;
    private final JdbcClient jdbc;

    AccountManagement(Accounts accounts, PasswordEncoder passwordEncoder, SignedTokens tokens, SiteUrls urls, Outbox outbox,
            AccountsProperties properties, Clock clock, AuditLog audit, ApplicationEventPublisher events,
            ObjectProvider<FindByIndexNameSessionRepository<?>> sessions, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.sessions = sessions;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.tokens = tokens;
        this.urls = urls;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
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
        outbox.queue(new Email(account.getEmail(), "Someone tried to sign up to Sourcewire with your address",
                "mail/signup-attempt", Map.of("name", account.getDisplayName(), "loginLink", urls.link("/login"),
                        "resetLink", urls.link("/password-reset"))));
    }

    /** How long a verification link works, in words ("48 hours"). */
    String verificationLinkValidity() {
        return humanDuration(properties.verificationLinkValidity());
    }

    /**
     * Read with plain SQL rather than as an entity: pages read one or more accounts on every request (the layout's
     * name, the owner check, the bylines), and this is several times cheaper than loading entities.
     */
    @PlainRead
    public Optional<AccountView> find(long id) {
        return jdbc.sql(VIEW_SELECT + " where id = :id").param("id", id).query(AccountManagement::view).optional();
    }

    @Transactional(readOnly = true)
    public Optional<AccountView> findByEmail(String email) {
        return accounts.findByAddress(email).map(Account::toView);
    }

    @PlainRead
    public Map<Long, AccountView> findAll(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql(VIEW_SELECT + " where id in (:ids)").param("ids", ids).query(AccountManagement::view).stream()
                .collect(java.util.stream.Collectors.toMap(AccountView::id, view -> view));
    }

    private static final String VIEW_SELECT = """
            select id, email, display_name, role, outlet_name, outlet_url, email_verified_at is not null,
                   suspended_at is not null, created_at,
                   exists (select 1 from account_verified_outlet v where v.account_id = account.id)
            from account""";

    private static AccountView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new AccountView(rs.getLong(1), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getBoolean(8), rs.getTimestamp(9).toInstant(),
                rs.getBoolean(10));
    }

    @Transactional(readOnly = true)
    CurrentUser currentUser(long id) {
        return accounts.findById(id).orElseThrow().toCurrentUser();
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
        TokenCheck check = tokens.check(VERIFY_PURPOSE, token);
        Optional<Account> account = check.subject() == null ? Optional.empty()
                : accountIdFromSubject(check.subject()).flatMap(accounts::findForUpdate)
                        .filter(candidate -> candidate.verificationSubject().equals(check.subject()));
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

    /** Sends a reset link if the address belongs to an active account; says nothing either way. */
    void requestPasswordReset(String email) {
        accounts.findByAddress(email.strip()).filter(account -> !account.isSuspended()).ifPresent(account -> {
            String token = tokens.issue(RESET_PURPOSE, account.passwordResetSubject(),
                    clock.instant().plus(properties.passwordResetLinkValidity()));
            outbox.queue(new Email(account.getEmail(), "Reset your Sourcewire password", "mail/password-reset",
                    Map.of("name", account.getDisplayName(), "link", urls.link("/password-reset/new", "token", token),
                            "validity", humanDuration(properties.passwordResetLinkValidity()))));
        });
    }

    @Transactional(readOnly = true)
    ResetLinkCheck checkResetLink(String token) {
        TokenCheck check = tokens.check(RESET_PURPOSE, token);
        Optional<Account> account = check.subject() == null ? Optional.empty()
                : accountIdFromSubject(check.subject()).flatMap(accounts::findById)
                        .filter(candidate -> candidate.passwordResetSubject().equals(check.subject()));
        if (account.isEmpty()) {
            return new ResetLinkCheck(TokenCheck.Status.INVALID, null);
        }
        return new ResetLinkCheck(check.status(), account.get().getEmail());
    }

    /** @return false if the link is no longer valid */
    boolean resetPassword(String token, String newPassword) {
        TokenCheck check = tokens.check(RESET_PURPOSE, token);
        if (!check.isValid()) {
            return false;
        }
        // Locked: the same link sent twice at once changes the password once (the second finds the link used).
        Optional<Account> account = accountIdFromSubject(check.subject()).flatMap(accounts::findForUpdate)
                .filter(candidate -> candidate.passwordResetSubject().equals(check.subject()));
        account.ifPresent(this::changePasswordAndNotify);
        account.ifPresent(found -> found.changePassword(passwordEncoder.encode(newPassword), clock.instant()));
        // Whoever knew the old password (or held a stolen session) is logged out everywhere.
        account.ifPresent(found -> endSessions(found.getEmail(), null));
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
        endSessions(account.getEmail(), currentSessionId);
        return true;
    }

    void updateDetails(long accountId, String displayName, String outletName, String outletUrl) {
        Account account = accounts.findForUpdate(accountId).orElseThrow();
        account.rename(displayName.strip());
        if (account.getRole() == Role.JOURNALIST) {
            account.changeOutlet(outletName.strip(), outletUrl.strip());
        }
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
            outbox.queue(new Email(account.getEmail(), "Your Sourcewire account is suspended", "mail/account-suspended",
                    Map.of("name", account.getDisplayName(), "reason", reason)));
        }
        endSessions(account.getEmail(), null);
        return true;
    }

    /**
     * Deletes the account's sessions (Spring Session indexes them by principal name), except {@code keepSessionId}.
     * Each deletion commits on its own (Spring Session's writes run in a new transaction), so a session is gone
     * even before the password change commits; if that change then fails, the owner only has to log in again.
     */
    private void endSessions(String email, String keepSessionId) {
        sessions.ifAvailable(repository -> repository.findByPrincipalName(email).keySet().stream()
                .filter(id -> !id.equals(keepSessionId))
                .forEach(repository::deleteById));
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

    @Transactional(readOnly = true)
    Page<AccountView> search(String text, Pageable page) {
        String pattern = "%" + text.strip().toLowerCase(java.util.Locale.ROOT).replace("!", "!!")
                .replace("%", "!%").replace("_", "!_") + "%";
        return accounts.search(pattern, page).map(Account::toView);
    }

    /** Creates the configured first admin unless an account with that address exists. */
    void ensureAdmin(String email, String password, String displayName) {
        if (accounts.existsByAddress(email)) {
            return;
        }
        accounts.save(Account.admin(email, passwordEncoder.encode(password), displayName, clock.instant()));
        log.info("Created the admin account {}", email);
    }

    /**
     * For demo data and the screening evaluation: an account whose address counts as verified. An existing account
     * with the address is left as it is.
     */
    public AccountView createVerified(SignUp signUp) {
        Optional<Account> existing = accounts.findByAddress(signUp.email());
        if (existing.isPresent()) {
            return existing.get().toView();
        }
        Instant now = clock.instant();
        String hash = passwordEncoder.encode(signUp.password());
        Account account = switch (signUp.role()) {
            case JOURNALIST -> Account.journalist(signUp.email(), hash, signUp.displayName(), signUp.outletName(),
                    signUp.outletUrl(), now);
            case SOURCE -> Account.source(signUp.email(), hash, signUp.displayName(), now);
            case ADMIN -> Account.admin(signUp.email(), hash, signUp.displayName(), now);
        };
        account.verifyEmail(now);
        long id = accounts.save(account).getId();
        events.publishEvent(new EmailConfirmed(id, account.getEmail(), account.getRole()));
        return find(id).orElseThrow();
    }

    /**
     * Confirmed journalists whose e-mail address is at this registrable domain (anna@ledger.example and
     * anna@news.ledger.example for "ledger.example"), for the outlet registry's checks.
     */
    @Transactional(readOnly = true)
    public java.util.List<AccountView> journalistsAtDomain(String registrableDomain) {
        String domain = registrableDomain.strip().toLowerCase(java.util.Locale.ROOT);
        // The index-free suffix match narrows; the public suffix list decides (a host under a private suffix).
        return jdbc.sql(VIEW_SELECT + " " + """
                 where role = 'JOURNALIST' and email_verified_at is not null
                   and (lower(split_part(email, '@', 2)) = :domain or lower(split_part(email, '@', 2)) like :suffix)""")
                .param("domain", domain).param("suffix", "%." + domain.replace("%", "").replace("_", "\\_"))
                .query(AccountManagement::view).stream()
                .filter(view -> org.sourcewire.shared.Domains.ofEmail(view.email()).filter(domain::equals).isPresent())
                .toList();
    }

    private void changePasswordAndNotify(Account account) {
        outbox.queue(new Email(account.getEmail(), "Your Sourcewire password was changed", "mail/password-changed",
                Map.of("name", account.getDisplayName(), "resetLink", urls.link("/password-reset"))));
    }

    private void queueVerificationMail(Account account) {
        String token = tokens.issue(VERIFY_PURPOSE, account.verificationSubject(),
                clock.instant().plus(properties.verificationLinkValidity()));
        outbox.queue(new Email(account.getEmail(), "Confirm your e-mail address for Sourcewire", "mail/verify-email",
                Map.of("name", account.getDisplayName(), "link", urls.link("/verify-email", "token", token),
                        "validity", humanDuration(properties.verificationLinkValidity()))));
    }

    /** The id of the account a signed link's subject ({@code <id>:<...>}) names, if it names one. */
    private static Optional<Long> accountIdFromSubject(String subject) {
        int colon = subject.indexOf(':');
        if (colon < 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(subject.substring(0, colon)));
        }
        catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }

    private static String humanDuration(java.time.Duration duration) {
        long hours = duration.toHours();
        return hours >= 1 ? hours + (hours == 1 ? " hour" : " hours") : duration.toMinutes() + " minutes";
    }

    enum VerificationResult {
        VERIFIED, ALREADY_VERIFIED, EXPIRED, INVALID
    }

    /** @param email the address the link confirms; null for a link that is not valid */
    record Verification(VerificationResult result, String email) {
    }

    record ResetLinkCheck(TokenCheck.Status status, String email) {
    }
}
