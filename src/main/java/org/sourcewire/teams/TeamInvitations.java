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
 * Invitations by e-mail to join a team as a member or to let it manage one's expert profile: sending (within the owner's
 * plan), reading and accepting a link, withdrawing. Plan limits are counted in the database with open invitations
 * included, so inviting many and accepting later cannot pass them. A profile the owner set up for a client without an
 * account travels with an expert invitation: {@link ClientProfiles}.
 */
@Service
@Transactional
class TeamInvitations {

    record Invitation(long id, long teamId, String teamName, TeamManagement.Kind kind, String email, Instant expiresAt) {
    }

    /**
     * An invitation just made, before its mail: its link's token, the team, and whether its address has an account
     * (which only the mail may depend on, never what the owner sees).
     */
    record Opened(long id, String token, TeamManagement.Team team, TeamManagement.Kind kind, String email,
            boolean hasAccount) {
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
        Opened opened = open(owner, kind, email);
        mail(owner, opened, false);
        audit.record(TeamManagement.actor(owner), kind == TeamManagement.Kind.MEMBER ? "team.member.invited" : "team.expert.invited",
                "team " + opened.team().id(), "Invited " + opened.email()
                        + (kind == TeamManagement.Kind.MEMBER ? " to join " : " to be managed by ") + opened.team().name(),
                null, Map.of("invitation", opened.id(), "email", opened.email()));
    }

    /**
     * Checks the owner may invite this address (not their own, not in the team already, not invited already, within
     * the plan and the day's invitations) and makes the invitation, under the team's row lock, which the caller's
     * transaction holds until it ends; the caller sends its mail ({@link #mail}) and records it.
     */
    Opened open(AccountView owner, TeamManagement.Kind kind, String email) {
        TeamManagement.Team team = teams.ownedBy(owner.id()).orElseThrow(() -> new RuleException(null, "teams.rule.no-team"));
        TeamManagement.requireActiveSource(owner);
        String address = email == null ? "" : email.strip();
        if (address.equalsIgnoreCase(owner.email())) {
            throw new RuleException("email", "teams.rule.own-address");
        }
        // One invitation change per team at a time, so two invitations at once cannot both take the last seat.
        lockTeam(team.id());
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
        return new Opened(id, token, team, kind, address, existing.isPresent());
    }

    /**
     * Queues the invitation's mail. {@code prepared}: the mail of a profile set up for the invited expert, to see and
     * take with a password; else the ordinary invitation, to accept after logging in or signing up.
     */
    void mail(AccountView owner, Opened opened, boolean prepared) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("from", owner.displayName());
        model.put("team", opened.team().name());
        model.put("expert", opened.kind() == TeamManagement.Kind.EXPERT);
        model.put("prepared", prepared);
        model.put("days", properties.invitationValidity().toDays());
        model.put("link", urls.link("/teams/join", "token", opened.token()));
        outbox.queue(new Email(opened.email(), Email.subject(prepared ? "mail.team-invitation.subject.profile"
                : opened.kind() == TeamManagement.Kind.MEMBER ? "mail.team-invitation.subject.member"
                : "mail.team-invitation.subject.expert", opened.team().name()), "mail/team-invitation", model));
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

    /**
     * Locks the team (one invitation change at a time), then checks the invitation is still open: a second submit of
     * the same link waits for the first, then finds it used.
     *
     * @throws RuleException when it has expired, was withdrawn or was used meanwhile
     */
    TeamManagement.Team lockOpen(Invitation invitation) {
        TeamManagement.Team team = lockTeam(invitation.teamId());
        boolean open = jdbc.sql("""
                select id from team_invitation where id = :id and accepted_at is null and expires_at > :now for update""")
                .param("id", invitation.id()).param("now", Timestamp.from(clock.instant())).query(Long.class).optional()
                .isPresent();
        if (!open) {
            throw new RuleException(null, "teams.rule.invitation-gone");
        }
        return team;
    }

    /**
     * Lets the account in: a member's row, or the team's management of the expert's profile; the invitation is used,
     * and a profile set up with it is deleted (the expert's own profile has what they kept of it).
     */
    void join(Invitation invitation, TeamManagement.Team team, AccountView account, boolean approvalRequired,
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
        forgetPrepared(invitation.id());
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

    /**
     * Withdraws an open invitation, so its link no longer works and its seat or profile is free again. The row stays
     * (expired now) so it still counts towards the day's invitations; a profile set up with it is deleted.
     */
    void withdraw(AccountView owner, long invitationId) {
        TeamManagement.Team team = teams.ownedBy(owner.id()).orElseThrow(TeamNotFoundException::new);
        String email = jdbc.sql("""
                update team_invitation set expires_at = :now
                where id = :id and team_id = :team and accepted_at is null and expires_at > :now returning email""")
                .param("id", invitationId).param("team", team.id()).param("now", Timestamp.from(clock.instant()))
                .query(String.class).optional()
                .orElseThrow(TeamNotFoundException::new);
        forgetPrepared(invitationId);
        audit.record(TeamManagement.actor(owner), "team.invitation.withdrawn", "team " + team.id(), "Withdrew the invitation to " + email,
                Map.of("invitation", invitationId, "email", email), null);
    }

    /**
     * The profile a client's invitation carried (see {@link ClientProfiles}) is the client's data before they have an
     * account: kept only while the invitation is open. Expired ones: {@link ClientProfiles#purgeClosed}.
     */
    private void forgetPrepared(long invitationId) {
        jdbc.sql("delete from team_invitation_profile where invitation_id = :id").param("id", invitationId).update();
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
