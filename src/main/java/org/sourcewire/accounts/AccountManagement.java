package org.sourcewire.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.hibernate.exception.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sourcewire.infrastructure.PlainRead;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * Accounts as other modules and the admin pages see them: found by id, address or domain, searched, their details
 * changed, the first admin and demo accounts created. Sign-up and e-mail confirmation: {@link SignUps}; passwords:
 * {@link Passwords}; suspension: {@link AccountSuspensions}.
 */
@Service
@Transactional
public class AccountManagement {

    private static final Logger log = LoggerFactory.getLogger(AccountManagement.class);

    private final Accounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Verifications verifications;

    AccountManagement(Accounts accounts, PasswordEncoder passwordEncoder, Clock clock, ApplicationEventPublisher events,
            JdbcClient jdbc, Verifications verifications) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.events = events;
        this.jdbc = jdbc;
        this.verifications = verifications;
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

    /**
     * A journalist who names another outlet loses the verification of the one before, whichever check gave it (an
     * address at its domain, an admin's confirmation): superseded by a failed check, as a changed website ends an
     * expert's proof. An admin may confirm the new outlet.
     */
    void updateDetails(long accountId, String displayName, String outletName, String outletUrl) {
        Account account = accounts.findForUpdate(accountId).orElseThrow();
        account.rename(displayName.strip());
        if (account.getRole() == Role.JOURNALIST) {
            if (account.changeOutlet(outletName.strip(), outletUrl.strip())) {
                verifications.passed(accountId).stream()
                        .filter(check -> check.kind() == VerificationKind.OUTLET_EMAIL_DOMAIN
                                || check.kind() == VerificationKind.OUTLET_CONFIRMED)
                        .forEach(check -> verifications.record(accountId, check.kind(), check.subject(), false,
                                "Superseded: the account's outlet changed"));
            }
        }
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
     * A new password checked against the policy for {@code email} and hashed, for {@link #createConfirmedSource}. Runs
     * outside any transaction of the caller's choosing: call it before taking locks, as hashing takes a while.
     *
     * @throws IllegalArgumentException when the password does not pass the policy (check it first with
     *         {@link #checkNewPassword}, which says why beside the form's field)
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public EncodedPassword encodeNewPassword(String password, String email) {
        if (PasswordPolicy.problem(password, email).isPresent()) {
            throw new IllegalArgumentException("The password does not pass the policy");
        }
        return new EncodedPassword(email, passwordEncoder.encode(password));
    }

    /**
     * A source's account whose address counts as confirmed because its owner followed a link mailed to it (a team's
     * invitation to a profile it set up for them), as a confirmation link would. Empty when the address has an account
     * already.
     *
     * @param password from {@link #encodeNewPassword} for this address
     * @throws EmailAlreadyRegisteredException when another request (a sign-up) gave the address an account at the same
     *         moment: the unique index decided, as in sign-up, and the caller's transaction is to be rolled back
     */
    public Optional<NewAccount> createConfirmedSource(String displayName, String email, EncodedPassword password) {
        if (!password.isFor(email)) {
            throw new IllegalArgumentException("The password was checked for another address");
        }
        if (accounts.existsByAddress(email)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Account account = Account.source(email, password.hash(), displayName.strip(), now);
        account.verifyEmail(now);
        try {
            accounts.saveAndFlush(account);
        }
        catch (DataIntegrityViolationException ex) {
            if (!violates(ex, "account_email_unique")) {
                throw ex;
            }
            throw new EmailAlreadyRegisteredException(account.getEmail());
        }
        events.publishEvent(new EmailConfirmed(account.getId(), account.getEmail(), account.getRole()));
        return Optional.of(new NewAccount(account.toView()));
    }

    private static boolean violates(DataIntegrityViolationException ex, String constraint) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation) {
                return constraint.equalsIgnoreCase(violation.getConstraintName());
            }
        }
        return false;
    }

    /**
     * The checks a new password gets on sign-up and the password pages, for another module's form: the policy's
     * refusal beside its {@code password} field, a confirmation that differs beside {@code confirmation}.
     */
    public void checkNewPassword(String password, String confirmation, String email, Errors errors) {
        PasswordForms.checkNewPassword(password, confirmation, email, errors);
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
}
