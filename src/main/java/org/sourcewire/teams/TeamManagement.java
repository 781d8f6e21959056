package org.sourcewire.teams;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.audit.Actor;
import org.sourcewire.audit.AuditLog;
import org.sourcewire.shared.RuleException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner's side of a team: creating it, giving members profiles, removing members and profiles, a member leaving,
 * the approval setting. Invitations are {@link TeamInvitations}.
 */
@Service
@Transactional
class TeamManagement {

    enum Kind { MEMBER, EXPERT }

    record Team(long id, String name, long ownerId) {
    }

    private final JdbcClient jdbc;
    private final AccountManagement accounts;
    private final AuditLog audit;
    private final TeamsProperties properties;
    private final Clock clock;

    TeamManagement(JdbcClient jdbc, AccountManagement accounts, AuditLog audit, TeamsProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
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
            throw new RuleException("name", "teams.rule.name-required");
        }
        if (clean.length() > properties.maxNameLength()) {
            throw new RuleException("name", "teams.rule.name-too-long", properties.maxNameLength());
        }
        if (ownedBy(owner.id()).isPresent()) {
            throw new RuleException("name", "teams.rule.has-team");
        }
        long id = jdbc.sql("insert into team (name, owner_id, created_at) values (:name, :owner, :now) returning id")
                .param("name", clean).param("owner", owner.id()).param("now", Timestamp.from(clock.instant()))
                .query(Long.class).single();
        audit.record(actor(owner), "team.created", "team " + id, "Created the team " + clean, null, Map.of("name", clean));
        return new Team(id, clean, owner.id());
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
            throw new RuleException(null, "teams.rule.only-expert-stops-approval");
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


    static void requireActiveSource(AccountView account) {
        if (!account.isSource()) {
            throw new RuleException(null, "teams.rule.sources-only");
        }
        if (account.suspended()) {
            throw new RuleException(null, "teams.rule.suspended");
        }
        if (!account.verified()) {
            throw new RuleException(null, "teams.rule.confirm-email");
        }
    }

    private String email(long accountId) {
        return accounts.find(accountId).map(AccountView::email).orElse("account " + accountId);
    }

    static Actor actor(AccountView account) {
        return new Actor(account.id(), account.email());
    }

}
