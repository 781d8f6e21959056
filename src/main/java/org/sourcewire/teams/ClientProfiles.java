package org.sourcewire.teams;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.accounts.EncodedPassword;
import org.sourcewire.accounts.NewAccount;
import org.sourcewire.audit.AuditLog;
import org.sourcewire.shared.RuleException;
import org.sourcewire.sources.SourceManagement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Profiles a team's owner sets up for clients without an account, sent with an expert invitation: the client opens the
 * mailed link without logging in, checks the profile, chooses a password and takes it, with their account, in one step.
 * <p>
 * The owner is never told whether the address has an account: the prepared profile is kept, and shown on the owner's
 * list, either way; only the mail differs (an address with an account gets the ordinary expert invitation, and keeps
 * its own profile). Whether the link opens the profile form is decided when it is opened.
 * <p>
 * The prepared row is the client's data before they have an account, so it lives only while its invitation is open:
 * using or withdrawing the invitation deletes it ({@link TeamInvitations}), and {@link #purgeClosed} the expired ones.
 */
@Service
@Transactional
class ClientProfiles {

    /**
     * A profile the owner set up for an expert without an account, sent with the invitation; the expert sees it and
     * may change it before accepting. Fields cleaned (stripped, blank ones null), within the profile form's limits.
     */
    record Prepared(String name, String title, String company, String bio) {

        Prepared {
            name = clean(name);
            title = clean(title);
            company = clean(company);
            bio = clean(bio);
        }

        private static String clean(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /**
     * An invitation its expert may accept without logging in: an expert invitation that carries a prepared profile,
     * whose address has no account.
     */
    record Claim(TeamInvitations.Invitation invitation, String ownerName, Prepared profile) {
    }

    private final TeamInvitations invitations;
    private final JdbcClient jdbc;
    private final AccountManagement accounts;
    private final SourceManagement sources;
    private final AuditLog audit;
    private final Clock clock;

    ClientProfiles(TeamInvitations invitations, JdbcClient jdbc, AccountManagement accounts, SourceManagement sources,
            AuditLog audit, Clock clock) {
        this.invitations = invitations;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.sources = sources;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Sets up an expert profile for a client and invites them to take it: nothing is pitched for them until they set
     * a password and accept. Counted like any expert invitation.
     */
    void setUp(AccountView owner, String email, Prepared profile) {
        TeamInvitations.Opened opened = invitations.open(owner, TeamManagement.Kind.EXPERT, email);
        jdbc.sql("""
                insert into team_invitation_profile (invitation_id, name, title, company, bio)
                values (:id, :name, :title, :company, :bio)""")
                .param("id", opened.id()).param("name", profile.name()).param("title", profile.title())
                .param("company", profile.company()).param("bio", profile.bio()).update();
        // The one thing that depends on whether the address has an account, and the owner does not see it.
        invitations.mail(owner, opened, !opened.hasAccount());
        audit.record(TeamManagement.actor(owner), "team.profile.set-up", "team " + opened.team().id(),
                "Set up a profile for " + opened.email() + " (" + profile.name() + ") and invited them to let "
                        + opened.team().name() + " manage it" + (opened.hasAccount()
                                ? "; the address has an account, so it got the ordinary invitation and keeps its profile"
                                : ""),
                null, Map.of("invitation", opened.id(), "email", opened.email(), "name", profile.name(),
                        "accountExists", opened.hasAccount()));
    }

    /** The open invitation behind this link, if its expert may take its profile without logging in ({@link Claim}). */
    @Transactional(readOnly = true)
    Optional<Claim> claimable(String token) {
        return invitations.invitation(token).filter(invitation -> invitation.kind() == TeamManagement.Kind.EXPERT)
                .flatMap(invitation -> prepared(invitation.id())
                        .filter(profile -> accounts.findByEmail(invitation.email()).isEmpty())
                        .map(profile -> new Claim(invitation, owner(invitation.teamId()), profile)));
    }

    /**
     * The expert takes the profile set up for them, all in one transaction: a source account with the invited address,
     * counted as confirmed (the link came to it), the profile as they left it on the page (a new one starts in
     * {@code zone}, the browser's), and the team's management of it with the approval they chose; the invitation is
     * then used. The team's and the invitation's rows are locked first, so a second submit waits, then finds it used.
     *
     * @param password hashed before this transaction, so that no lock is held while it is
     * @return the new account; empty when the invitation cannot be taken without logging in (an account has its
     *         address by now, or it is no expert invitation with a prepared profile)
     * @throws RuleException when the invitation has expired, was withdrawn or was used
     * @throws org.sourcewire.accounts.EmailAlreadyRegisteredException when a sign-up with the address made its
     *         account at the same moment (this transaction is rolled back)
     */
    Optional<NewAccount> claim(String token, Prepared profile, EncodedPassword password, boolean approvalRequired,
            Optional<ZoneId> zone) {
        TeamInvitations.Invitation invitation = invitations.invitation(token)
                .orElseThrow(() -> new RuleException(null, "teams.rule.invitation-gone"));
        if (invitation.kind() != TeamManagement.Kind.EXPERT) {
            return Optional.empty();
        }
        TeamManagement.Team team = invitations.lockOpen(invitation);
        if (prepared(invitation.id()).isEmpty()) {
            return Optional.empty();
        }
        Optional<NewAccount> created = accounts.createConfirmedSource(profile.name(), invitation.email(), password);
        created.map(NewAccount::view).ifPresent(account -> {
            sources.introduce(account, profile.name(), profile.title(), profile.company(), profile.bio(), zone);
            invitations.join(invitation, team, account, approvalRequired,
                    Map.of("accountCreated", true, "approvalRequired", approvalRequired));
        });
        return created;
    }

    /**
     * Deletes the prepared profiles of invitations that are no longer open (expired; withdrawn and used ones went at
     * once); returns how many. Run by {@link ClientProfileCleanup}.
     */
    int purgeClosed() {
        return jdbc.sql("""
                delete from team_invitation_profile p using team_invitation i
                where i.id = p.invitation_id and (i.accepted_at is not null or i.expires_at <= :now)""")
                .param("now", Timestamp.from(clock.instant())).update();
    }

    private Optional<Prepared> prepared(long invitationId) {
        return jdbc.sql("select name, title, company, bio from team_invitation_profile where invitation_id = :id")
                .param("id", invitationId)
                .query((rs, n) -> new Prepared(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    private String owner(long teamId) {
        long ownerId = jdbc.sql("select owner_id from team where id = :id").param("id", teamId).query(Long.class).single();
        return accounts.find(ownerId).map(AccountView::displayName).orElse("");
    }
}
