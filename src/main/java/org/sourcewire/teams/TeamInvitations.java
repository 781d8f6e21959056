package org.sourcewire.teams;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.audit.Actor;
import org.sourcewire.audit.AuditLog;
import org.sourcewire.mail.Email;
import org.sourcewire.mail.Outbox;
import org.sourcewire.pitches.PitchingForOthers;
import org.sourcewire.shared.SiteUrls;
import org.sourcewire.sources.SourceManagement;
import org.sourcewire.shared.RuleException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner's side of a team: creating it, inviting members and experts by e-mail, accepting, giving members
 * profiles, removing members and profiles, the approval setting. Plan limits are counted in the database, pending
 * invitations included, so inviting many and accepting later cannot pass them.
 */
/**
 * Invitations by e-mail to join a team as a member or to let it manage one's expert profile: sending (within the owner's
 * plan), reading and accepting a link, withdrawing. Plan limits are counted in the database with open invitations
 * included, so inviting many and accepting later cannot pass them.
 */
@Service
@Transactional
class TeamInvitations {

    record Invitation(long id, long teamId, String teamName, TeamManagement.Kind kind, String email, Instant expiresAt) {
    }

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

    /** An invitation its expert may accept without logging in: it carries a prepared profile and no account has its address. */
    record Claim(Invitation invitation, String ownerName, Prepared profile) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TeamManagement teams;
    private final JdbcClient jdbc;
    private final AccountManagement accounts;
    private final SourceManagement sources;
    private final PitchingForOthers pitching;
    private final AuditLog audit;
    private final Outbox outbox;
    private final SiteUrls urls;
    private final TeamsProperties properties;
    private final Clock clock;

    TeamInvitations(TeamManagement teams, JdbcClient jdbc, AccountManagement accounts, SourceManagement sources,
            PitchingForOthers pitching, AuditLog audit, Outbox outbox, SiteUrls urls, TeamsProperties properties,
            Clock clock) {
        this.teams = teams;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.sources = sources;
        this.pitching = pitching;
        this.audit = audit;
        this.outbox = outbox;
        this.urls = urls;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Invites someone by e-mail to join as a member or to let the team manage their expert profile; the mail carries
     * a link only the invited address can accept.
     */
    void invite(AccountView owner, TeamManagement.Kind kind, String email) {
        invite(owner, kind, email, null);
    }

    /**
     * Sets up an expert profile for a client without an account and invites them to take it: nothing is pitched for
     * them until they set a password and accept. Counted like any expert invitation. When the address has an account
     * already, this is the ordinary expert invitation (their own profile stays), and the owner is not told which it
     * was: the answer would say who has an account.
     */
    void setUpProfile(AccountView owner, String email, Prepared profile) {
        invite(owner, TeamManagement.Kind.EXPERT, email, profile);
    }

    /** {@code prepared}: a profile set up for the invited expert, kept with the invitation if they have no account. */
    private void invite(AccountView owner, TeamManagement.Kind kind, String email, Prepared prepared) {
        TeamManagement.Team team = teams.ownedBy(owner.id()).orElseThrow(() -> new RuleException(null, "teams.rule.no-team"));
        TeamManagement.requireActiveSource(owner);
        String address = email == null ? "" : email.strip();
        if (address.equalsIgnoreCase(owner.email())) {
            throw new RuleException("email", "teams.rule.own-address");
        }
        // One invitation change per team at a time, so two invitations at once cannot both take the last seat.
        jdbc.sql("select id from team where id = :id for update").param("id", team.id()).query(Long.class).single();
        Optional<AccountView> existing = accounts.findByEmail(address);
        if (existing.isPresent() && (kind == TeamManagement.Kind.MEMBER ? teams.isMember(team.id(), existing.get().id())
                : teams.isProfile(team.id(), existing.get().id()))) {
            throw new RuleException("email", kind == TeamManagement.Kind.MEMBER ? "teams.rule.already-member"
                    : "teams.rule.already-managed");
        }
        Instant now = clock.instant();
        boolean pending = jdbc.sql("""
                select exists (select 1 from team_invitation where team_id = :team and kind = :kind and email = :email
                               and accepted_at is null and expires_at > :now)""")
                .param("team", team.id()).param("kind", kind.name()).param("email", address)
                .param("now", Timestamp.from(now)).query(Boolean.class).single();
        if (pending) {
            throw new RuleException("email", "teams.rule.already-invited");
        }
        checkLimit(team, kind, now);
        // Withdrawn invitations count too: inviting and withdrawing again and again would otherwise mail anyone.
        long lastDay = jdbc.sql("select count(*) from team_invitation where team_id = :team and invited_at > :since")
                .param("team", team.id()).param("since", Timestamp.from(now.minus(Duration.ofDays(1))))
                .query(Long.class).single();
        if (lastDay >= properties.invitationsPerDay()) {
            throw new RuleException("email", "teams.rule.invitations-per-day", lastDay);
        }
        String token = token();
        Instant expires = now.plus(properties.invitationValidity());
        long id = jdbc.sql("""
                insert into team_invitation (team_id, kind, email, token_hash, invited_at, expires_at)
                values (:team, :kind, :email, :hash, :now, :expires) returning id""")
                .param("team", team.id()).param("kind", kind.name()).param("email", address).param("hash", hash(token))
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(expires)).query(Long.class).single();
        boolean setUp = prepared != null && existing.isEmpty();
        if (setUp) {
            jdbc.sql("""
                    insert into team_invitation_profile (invitation_id, name, title, company, bio)
                    values (:id, :name, :title, :company, :bio)""")
                    .param("id", id).param("name", prepared.name()).param("title", prepared.title())
                    .param("company", prepared.company()).param("bio", prepared.bio()).update();
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("from", owner.displayName());
        model.put("team", team.name());
        model.put("expert", kind == TeamManagement.Kind.EXPERT);
        model.put("prepared", setUp);
        model.put("days", properties.invitationValidity().toDays());
        model.put("link", urls.link("/teams/join", "token", token));
        outbox.queue(new Email(address, Email.subject(setUp ? "mail.team-invitation.subject.profile"
                : kind == TeamManagement.Kind.MEMBER ? "mail.team-invitation.subject.member"
                : "mail.team-invitation.subject.expert", team.name()), "mail/team-invitation", model));
        if (setUp) {
            audit.record(TeamManagement.actor(owner), "team.profile.set-up", "team " + team.id(), "Set up a profile for "
                    + address + " (" + prepared.name() + ") and invited them to let " + team.name() + " manage it", null,
                    Map.of("invitation", id, "email", address, "name", prepared.name()));
        }
        else {
            audit.record(TeamManagement.actor(owner), kind == TeamManagement.Kind.MEMBER ? "team.member.invited" : "team.expert.invited",
                    "team " + team.id(), "Invited " + address + (kind == TeamManagement.Kind.MEMBER ? " to join " : " to be managed by ")
                            + team.name() + (prepared == null ? "" : " (a profile set up for an address with an account: their own stays)"),
                    null, Map.of("invitation", id, "email", address));
        }
    }

    /** An open invitation behind this link, if it is one. */
    @Transactional(readOnly = true)
    Optional<Invitation> invitation(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select i.id, i.team_id, t.name, i.kind, i.email, i.expires_at from team_invitation i
                join team t on t.id = i.team_id
                where i.token_hash = :hash and i.accepted_at is null and i.expires_at > :now""")
                .param("hash", hash(token.strip())).param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new Invitation(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        TeamManagement.Kind.valueOf(rs.getString(4)), rs.getString(5), rs.getTimestamp(6).toInstant()))
                .optional();
    }

    /** Accepts an invitation; only the invited address's own account may. */
    Invitation accept(AccountView account, String token) {
        Invitation invitation = invitation(token)
                .orElseThrow(() -> new RuleException(null, "teams.rule.invitation-gone"));
        if (!invitation.email().equalsIgnoreCase(account.email())) {
            throw new RuleException(null, "teams.rule.invitation-for-other", invitation.email());
        }
        TeamManagement.requireActiveSource(account);
        TeamManagement.Team team = lockTeam(invitation.teamId());
        if (team.ownerId() == account.id()) {
            throw new RuleException(null, "teams.rule.own-team");
        }
        join(invitation, team, account, false, Map.of());
        return invitation;
    }

    /** The open invitation behind this link, if its expert may accept it without logging in (see {@link Claim}). */
    @Transactional(readOnly = true)
    Optional<Claim> claimable(String token) {
        return invitation(token).flatMap(invitation -> prepared(invitation.id())
                .filter(profile -> accounts.findByEmail(invitation.email()).isEmpty())
                .map(profile -> new Claim(invitation, owner(invitation.teamId()), profile)));
    }

    /**
     * The expert takes the profile set up for them, all in one transaction: a source account with the invited address,
     * counted as confirmed (the link came to it), the profile as they left it on the page, and the team's management
     * of it with the approval they chose; the invitation is then used. The invitation's row is locked first, so a
     * second submit waits, then finds it used.
     *
     * @return the new account; empty when the invitation cannot be taken without logging in (an account has its
     *         address by now, or it carries no prepared profile)
     * @throws RuleException when the invitation has expired, was withdrawn or was used
     */
    Optional<AccountView> claim(String token, Prepared profile, String password, boolean approvalRequired) {
        Invitation invitation = invitation(token)
                .orElseThrow(() -> new RuleException(null, "teams.rule.invitation-gone"));
        TeamManagement.Team team = lockTeam(invitation.teamId());
        boolean open = jdbc.sql("""
                select id from team_invitation where id = :id and accepted_at is null and expires_at > :now for update""")
                .param("id", invitation.id()).param("now", Timestamp.from(clock.instant())).query(Long.class).optional()
                .isPresent();
        if (!open) {
            throw new RuleException(null, "teams.rule.invitation-gone");
        }
        if (prepared(invitation.id()).isEmpty()) {
            return Optional.empty();
        }
        Optional<AccountView> created = accounts.createConfirmedSource(profile.name(), invitation.email(), password);
        created.ifPresent(account -> {
            sources.introduce(account, profile.name(), profile.title(), profile.company(), profile.bio());
            join(invitation, team, account, approvalRequired, Map.of("accountCreated", true, "approvalRequired", approvalRequired));
        });
        return created;
    }

    /** Lets the account in: a member's row, or the team's management of the expert's profile; the invitation is used. */
    private void join(Invitation invitation, TeamManagement.Team team, AccountView account, boolean approvalRequired,
            Map<String, Object> details) {
        Instant now = clock.instant();
        if (invitation.kind() == TeamManagement.Kind.MEMBER) {
            jdbc.sql("insert into team_member (team_id, account_id, joined_at) values (:team, :account, :now) on conflict do nothing")
                    .param("team", team.id()).param("account", account.id()).param("now", Timestamp.from(now)).update();
        }
        else {
            sources.ensureProfile(account);
            jdbc.sql("""
                    insert into team_profile (team_id, source_account_id, approval_required, added_at)
                    values (:team, :account, :approval, :now)
                    on conflict do nothing""")
                    .param("team", team.id()).param("account", account.id()).param("approval", approvalRequired)
                    .param("now", Timestamp.from(now)).update();
        }
        jdbc.sql("update team_invitation set accepted_at = :now where id = :id").param("id", invitation.id())
                .param("now", Timestamp.from(now)).update();
        Map<String, Object> after = new LinkedHashMap<>(details);
        after.put("invitation", invitation.id());
        after.put("account", account.id());
        audit.record(TeamManagement.actor(account), invitation.kind() == TeamManagement.Kind.MEMBER ? "team.member.joined" : "team.expert.joined",
                "team " + team.id(), account.email() + (invitation.kind() == TeamManagement.Kind.MEMBER ? " joined " : " let ")
                        + team.name() + (invitation.kind() == TeamManagement.Kind.MEMBER ? "" : " manage their profile")
                        + (details.containsKey("accountCreated") ? ", with the account and profile it had set up for them" : ""),
                null, after);
    }

    /** One invitation change per team at a time (the row lock), and the team as it is now. */
    private TeamManagement.Team lockTeam(long teamId) {
        return jdbc.sql("select id, name, owner_id from team where id = :id for update").param("id", teamId)
                .query((rs, n) -> new TeamManagement.Team(rs.getLong(1), rs.getString(2), rs.getLong(3))).single();
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

    /**
     * Withdraws an open invitation, so its link no longer works and its seat or profile is free again. The row stays
     * (expired now) so it still counts towards the day's invitations.
     */
    void withdraw(AccountView owner, long invitationId) {
        TeamManagement.Team team = teams.ownedBy(owner.id()).orElseThrow(TeamNotFoundException::new);
        String email = jdbc.sql("""
                update team_invitation set expires_at = :now
                where id = :id and team_id = :team and accepted_at is null and expires_at > :now returning email""")
                .param("id", invitationId).param("team", team.id()).param("now", Timestamp.from(clock.instant()))
                .query(String.class).optional()
                .orElseThrow(TeamNotFoundException::new);
        audit.record(TeamManagement.actor(owner), "team.invitation.withdrawn", "team " + team.id(), "Withdrew the invitation to " + email,
                Map.of("invitation", invitationId, "email", email), null);
    }

    /** Members (or profiles) plus open invitations of that kind must stay within the owner's plan. */
    private void checkLimit(TeamManagement.Team team, TeamManagement.Kind kind, Instant now) {
        PitchingForOthers.TeamLimits limits = pitching.teamLimits(team.ownerId());
        long used = jdbc.sql("select (" + (kind == TeamManagement.Kind.MEMBER ? "select count(*) from team_member where team_id = :team"
                : "select count(*) from team_profile where team_id = :team") + """
                ) + (select count(*) from team_invitation where team_id = :team and kind = :kind
                     and accepted_at is null and expires_at > :now)""")
                .param("team", team.id()).param("kind", kind.name()).param("now", Timestamp.from(now))
                .query(Long.class).single();
        int allowed = kind == TeamManagement.Kind.MEMBER ? limits.seats() : limits.profiles();
        if (used >= allowed) {
            throw new RuleException("email", kind == TeamManagement.Kind.MEMBER ? "teams.rule.seats-taken"
                    : "teams.rule.profiles-taken", limits.plan(), allowed);
        }
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
