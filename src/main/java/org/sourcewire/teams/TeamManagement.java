package org.sourcewire.teams;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
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

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner's side of a team: creating it, inviting members and experts by e-mail, accepting, giving members
 * profiles, removing members and profiles, the approval setting. Plan limits are counted in the database, pending
 * invitations included, so inviting many and accepting later cannot pass them.
 */
@Service
@Transactional
class TeamManagement {

    enum Kind { MEMBER, EXPERT }

    record Team(long id, String name, long ownerId) {
    }

    record Invitation(long id, long teamId, String teamName, Kind kind, String email, Instant expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AccountManagement accounts;
    private final SourceManagement sources;
    private final PitchingForOthers pitching;
    private final AuditLog audit;
    private final Outbox outbox;
    private final SiteUrls urls;
    private final TeamsProperties properties;
    private final Clock clock;

    TeamManagement(JdbcClient jdbc, AccountManagement accounts, SourceManagement sources, PitchingForOthers pitching,
            AuditLog audit, Outbox outbox, SiteUrls urls, TeamsProperties properties, Clock clock) {
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

    @Transactional(readOnly = true)
    Optional<Team> ownedBy(long accountId) {
        return jdbc.sql("select id, name, owner_id from team where owner_id = :id").param("id", accountId)
                .query((rs, n) -> new Team(rs.getLong(1), rs.getString(2), rs.getLong(3))).optional();
    }

    Team create(AccountView owner, String name) {
        requireActiveSource(owner);
        String clean = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (clean.isEmpty()) {
            throw new TeamRuleException("name", "Enter your agency's or team's name: pitches show it.");
        }
        if (clean.length() > properties.maxNameLength()) {
            throw new TeamRuleException("name", "Keep the name under " + properties.maxNameLength() + " characters.");
        }
        if (ownedBy(owner.id()).isPresent()) {
            throw new TeamRuleException("name", "You already have a team.");
        }
        long id = jdbc.sql("insert into team (name, owner_id, created_at) values (:name, :owner, :now) returning id")
                .param("name", clean).param("owner", owner.id()).param("now", Timestamp.from(clock.instant()))
                .query(Long.class).single();
        audit.record(actor(owner), "team.created", "team " + id, "Created the team " + clean, null, Map.of("name", clean));
        return new Team(id, clean, owner.id());
    }

    /**
     * Invites someone by e-mail to join as a member or to let the team manage their expert profile; the mail carries
     * a link only the invited address can accept.
     */
    void invite(AccountView owner, Kind kind, String email) {
        Team team = ownedBy(owner.id()).orElseThrow(() -> new TeamRuleException(null, "Create your team first."));
        requireActiveSource(owner);
        String address = email == null ? "" : email.strip();
        if (address.equalsIgnoreCase(owner.email())) {
            throw new TeamRuleException("email", "That is your own address.");
        }
        // One invitation change per team at a time, so two invitations at once cannot both take the last seat.
        jdbc.sql("select id from team where id = :id for update").param("id", team.id()).query(Long.class).single();
        Optional<AccountView> existing = accounts.findByEmail(address);
        if (existing.isPresent() && (kind == Kind.MEMBER ? isMember(team.id(), existing.get().id())
                : isProfile(team.id(), existing.get().id()))) {
            throw new TeamRuleException("email", kind == Kind.MEMBER ? "They are already a member of your team."
                    : "Your team already manages their profile.");
        }
        Instant now = clock.instant();
        boolean pending = jdbc.sql("""
                select exists (select 1 from team_invitation where team_id = :team and kind = :kind and email = :email
                               and accepted_at is null and expires_at > :now)""")
                .param("team", team.id()).param("kind", kind.name()).param("email", address)
                .param("now", Timestamp.from(now)).query(Boolean.class).single();
        if (pending) {
            throw new TeamRuleException("email", "You have already invited that address; the invitation is open until "
                    + "it is accepted or expires.");
        }
        checkLimit(team, kind, now);
        String token = token();
        Instant expires = now.plus(properties.invitationValidity());
        long id = jdbc.sql("""
                insert into team_invitation (team_id, kind, email, token_hash, invited_at, expires_at)
                values (:team, :kind, :email, :hash, :now, :expires) returning id""")
                .param("team", team.id()).param("kind", kind.name()).param("email", address).param("hash", hash(token))
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(expires)).query(Long.class).single();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("from", owner.displayName());
        model.put("team", team.name());
        model.put("expert", kind == Kind.EXPERT);
        model.put("days", properties.invitationValidity().toDays());
        model.put("link", urls.link("/teams/join", "token", token));
        outbox.queue(new Email(address, kind == Kind.MEMBER ? team.name() + " invites you to its team on Sourcewire"
                : team.name() + " asks to manage your expert profile on Sourcewire", "mail/team-invitation", model));
        audit.record(actor(owner), kind == Kind.MEMBER ? "team.member.invited" : "team.expert.invited",
                "team " + team.id(), "Invited " + address + (kind == Kind.MEMBER ? " to join " : " to be managed by ")
                        + team.name(), null, Map.of("invitation", id, "email", address));
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
                        Kind.valueOf(rs.getString(4)), rs.getString(5), rs.getTimestamp(6).toInstant()))
                .optional();
    }

    /** Accepts an invitation; only the invited address's own account may. */
    Invitation accept(AccountView account, String token) {
        Invitation invitation = invitation(token)
                .orElseThrow(() -> new TeamRuleException(null, "This invitation has expired or was already used."));
        if (!invitation.email().equalsIgnoreCase(account.email())) {
            throw new TeamRuleException(null, "This invitation is for " + invitation.email() + ". Log in with that "
                    + "address to accept it.");
        }
        requireActiveSource(account);
        jdbc.sql("select id from team where id = :id for update").param("id", invitation.teamId()).query(Long.class).single();
        Team team = jdbc.sql("select id, name, owner_id from team where id = :id").param("id", invitation.teamId())
                .query((rs, n) -> new Team(rs.getLong(1), rs.getString(2), rs.getLong(3))).single();
        if (team.ownerId() == account.id()) {
            throw new TeamRuleException(null, "You own this team already.");
        }
        Instant now = clock.instant();
        if (invitation.kind() == Kind.MEMBER) {
            jdbc.sql("insert into team_member (team_id, account_id, joined_at) values (:team, :account, :now) on conflict do nothing")
                    .param("team", team.id()).param("account", account.id()).param("now", Timestamp.from(now)).update();
        }
        else {
            sources.ensureProfile(account);
            jdbc.sql("""
                    insert into team_profile (team_id, source_account_id, added_at) values (:team, :account, :now)
                    on conflict do nothing""")
                    .param("team", team.id()).param("account", account.id()).param("now", Timestamp.from(now)).update();
        }
        jdbc.sql("update team_invitation set accepted_at = :now where id = :id").param("id", invitation.id())
                .param("now", Timestamp.from(now)).update();
        audit.record(actor(account), invitation.kind() == Kind.MEMBER ? "team.member.joined" : "team.expert.joined",
                "team " + team.id(), account.email() + (invitation.kind() == Kind.MEMBER ? " joined " : " let ")
                        + team.name() + (invitation.kind() == Kind.MEMBER ? "" : " manage their profile"), null,
                Map.of("invitation", invitation.id(), "account", account.id()));
        return invitation;
    }

    /** Withdraws an open invitation, so its link no longer works and its seat or profile is free again. */
    void withdraw(AccountView owner, long invitationId) {
        Team team = ownedBy(owner.id()).orElseThrow(TeamNotFoundException::new);
        String email = jdbc.sql("""
                delete from team_invitation where id = :id and team_id = :team and accepted_at is null returning email""")
                .param("id", invitationId).param("team", team.id()).query(String.class).optional()
                .orElseThrow(TeamNotFoundException::new);
        audit.record(actor(owner), "team.invitation.withdrawn", "team " + team.id(), "Withdrew the invitation to " + email,
                Map.of("invitation", invitationId, "email", email), null);
    }

    /** Removes a member: their assignments go with the row, and pitches they left for approval are declined. */
    void removeMember(AccountView owner, long memberId) {
        Team team = ownedBy(owner.id()).orElseThrow(TeamNotFoundException::new);
        int removed = jdbc.sql("delete from team_member where team_id = :team and account_id = :member")
                .param("team", team.id()).param("member", memberId).update();
        if (removed == 0) {
            throw new TeamNotFoundException();
        }
        int drafts = jdbc.sql("""
                update team_pitch_draft set status = 'DECLINED', decided_at = :now
                where team_id = :team and author_account_id = :member and status = 'PENDING'""")
                .param("team", team.id()).param("member", memberId).param("now", Timestamp.from(clock.instant())).update();
        String email = accounts.find(memberId).map(AccountView::email).orElse("account " + memberId);
        audit.record(actor(owner), "team.member.removed", "team " + team.id(), "Removed " + email + " from " + team.name(),
                Map.of("member", memberId), Map.of("pendingDraftsDeclined", drafts));
    }

    /** A member leaves on their own; as with removal, their pending drafts are declined. */
    void leave(AccountView member, long teamId) {
        Team team = team(teamId).orElseThrow(TeamNotFoundException::new);
        int left = jdbc.sql("delete from team_member where team_id = :team and account_id = :member")
                .param("team", teamId).param("member", member.id()).update();
        if (left == 0) {
            throw new TeamNotFoundException();
        }
        jdbc.sql("""
                update team_pitch_draft set status = 'DECLINED', decided_at = :now
                where team_id = :team and author_account_id = :member and status = 'PENDING'""")
                .param("team", teamId).param("member", member.id()).param("now", Timestamp.from(clock.instant())).update();
        audit.record(actor(member), "team.member.left", "team " + teamId, member.email() + " left " + team.name(),
                Map.of("member", member.id()), null);
    }

    /** The owner stops managing an expert's profile, or the expert takes it back. */
    void removeProfile(AccountView actor, long teamId, long expertId) {
        Team team = team(teamId).orElseThrow(TeamNotFoundException::new);
        if (actor.id() != team.ownerId() && actor.id() != expertId) {
            throw new TeamNotFoundException();
        }
        int removed = jdbc.sql("delete from team_profile where team_id = :team and source_account_id = :expert")
                .param("team", teamId).param("expert", expertId).update();
        if (removed == 0) {
            throw new TeamNotFoundException();
        }
        jdbc.sql("""
                update team_pitch_draft set status = 'DECLINED', decided_at = :now
                where team_id = :team and source_account_id = :expert and status = 'PENDING'""")
                .param("team", teamId).param("expert", expertId).param("now", Timestamp.from(clock.instant())).update();
        String email = accounts.find(expertId).map(AccountView::email).orElse("account " + expertId);
        audit.record(actor(actor), "team.profile.removed", "team " + teamId,
                (actor.id() == expertId ? email + " took their profile back from " : "Stopped managing " + email + " in ")
                        + team.name(), Map.of("expert", expertId), null);
    }

    /** Gives a member one of the team's profiles to write for, or takes it away. */
    void assign(AccountView owner, long memberId, long expertId, boolean given) {
        Team team = ownedBy(owner.id()).orElseThrow(TeamNotFoundException::new);
        if (!isMember(team.id(), memberId) || !isProfile(team.id(), expertId)) {
            throw new TeamNotFoundException();
        }
        int changed = given ? jdbc.sql("""
                insert into team_assignment (team_id, member_account_id, source_account_id) values (:team, :member, :expert)
                on conflict do nothing""").param("team", team.id()).param("member", memberId).param("expert", expertId).update()
                : jdbc.sql("""
                delete from team_assignment where team_id = :team and member_account_id = :member
                and source_account_id = :expert""").param("team", team.id()).param("member", memberId)
                        .param("expert", expertId).update();
        if (!given) {
            // What they wrote for the expert and left for approval goes with their right to write for them.
            jdbc.sql("""
                    update team_pitch_draft set status = 'DECLINED', decided_at = :now
                    where team_id = :team and author_account_id = :member and source_account_id = :expert
                      and status = 'PENDING'""")
                    .param("team", team.id()).param("member", memberId).param("expert", expertId)
                    .param("now", Timestamp.from(clock.instant())).update();
        }
        if (changed > 0) {
            audit.record(actor(owner), given ? "team.assignment.given" : "team.assignment.taken", "team " + team.id(),
                    (given ? "Gave " : "Took from ") + email(memberId) + " the profile of " + email(expertId),
                    Map.of("member", memberId, "expert", expertId, "given", !given),
                    Map.of("member", memberId, "expert", expertId, "given", given));
        }
    }

    /**
     * Whether the expert approves each pitch before it is sent. The expert may turn it on or off; the owner may only
     * turn it on (asking the expert to approve), never off behind the expert's back.
     */
    void requireApproval(AccountView actor, long teamId, long expertId, boolean required) {
        Team team = team(teamId).orElseThrow(TeamNotFoundException::new);
        boolean expert = actor.id() == expertId;
        if (!expert && actor.id() != team.ownerId() || !isProfile(teamId, expertId)) {
            throw new TeamNotFoundException();
        }
        if (!expert && !required) {
            throw new TeamRuleException(null, "Only the expert can stop approving pitches before they are sent.");
        }
        int changed = jdbc.sql("""
                update team_profile set approval_required = :required
                where team_id = :team and source_account_id = :expert and approval_required <> :required""")
                .param("required", required).param("team", teamId).param("expert", expertId).update();
        if (changed > 0) {
            audit.record(actor(actor), "team.approval.changed", "team " + teamId,
                    email(expertId) + (required ? " approves" : " no longer approves") + " pitches from " + team.name()
                            + " before they are sent", Map.of("expert", expertId, "approvalRequired", !required),
                    Map.of("expert", expertId, "approvalRequired", required));
        }
    }

    @Transactional(readOnly = true)
    Optional<Team> team(long teamId) {
        return jdbc.sql("select id, name, owner_id from team where id = :id").param("id", teamId)
                .query((rs, n) -> new Team(rs.getLong(1), rs.getString(2), rs.getLong(3))).optional();
    }

    boolean isMember(long teamId, long accountId) {
        return jdbc.sql("select exists (select 1 from team_member where team_id = :team and account_id = :account)")
                .param("team", teamId).param("account", accountId).query(Boolean.class).single();
    }

    boolean isProfile(long teamId, long accountId) {
        return jdbc.sql("select exists (select 1 from team_profile where team_id = :team and source_account_id = :account)")
                .param("team", teamId).param("account", accountId).query(Boolean.class).single();
    }

    /** Members (or profiles) plus open invitations of that kind must stay within the owner's plan. */
    private void checkLimit(Team team, Kind kind, Instant now) {
        PitchingForOthers.TeamLimits limits = pitching.teamLimits(team.ownerId());
        long used = jdbc.sql("select (" + (kind == Kind.MEMBER ? "select count(*) from team_member where team_id = :team"
                : "select count(*) from team_profile where team_id = :team") + """
                ) + (select count(*) from team_invitation where team_id = :team and kind = :kind
                     and accepted_at is null and expires_at > :now)""")
                .param("team", team.id()).param("kind", kind.name()).param("now", Timestamp.from(now))
                .query(Long.class).single();
        int allowed = kind == Kind.MEMBER ? limits.seats() : limits.profiles();
        if (used >= allowed) {
            throw new TeamRuleException("email", kind == Kind.MEMBER
                    ? "Your " + limits.plan() + " plan has " + allowed + (allowed == 1 ? " seat" : " seats")
                            + " besides yours, and all are taken or invited. Remove a member or withdraw an invitation, "
                            + "or ask us for a larger plan."
                    : "Your " + limits.plan() + " plan manages up to " + allowed + (allowed == 1 ? " expert profile" : " expert profiles")
                            + ", and all are taken or invited. Remove a profile or withdraw an invitation, or ask us for a "
                            + "larger plan.");
        }
    }

    static void requireActiveSource(AccountView account) {
        if (!account.isSource()) {
            throw new TeamRuleException(null, "Teams are for sources' accounts: experts, agencies and their members.");
        }
        if (account.suspended()) {
            throw new TeamRuleException(null, "Your account is suspended.");
        }
        if (!account.verified()) {
            throw new TeamRuleException(null, "Confirm your e-mail address first. We sent you a link.");
        }
    }

    private String email(long accountId) {
        return accounts.find(accountId).map(AccountView::email).orElse("account " + accountId);
    }

    static Actor actor(AccountView account) {
        return new Actor(account.id(), account.email());
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
