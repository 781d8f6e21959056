package org.sourcewire.teams;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.pitches.PitchingForOthers;
import org.sourcewire.sources.SourceManagement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the teams page shows each person: the team they own, the experts they write for, the teams managing them. */
@Service
@Transactional(readOnly = true)
class TeamViews {

    record Profile(long accountId, String name, String email, boolean approvalRequired) {
    }

    record Member(long accountId, String name, String email, List<Long> experts) {

        public boolean writesFor(long expertId) {
            return experts.contains(expertId);
        }
    }

    /** {@code preparedName}: the name on the profile the owner set up for an expert without an account (else null). */
    record Invitation(long id, String kind, String email, Instant expiresAt, String preparedName) {
    }

    record Owned(TeamManagement.Team team, List<Profile> profiles, List<Member> members, List<Invitation> invitations,
            PitchingForOthers.TeamLimits limits, long seatsUsed, long profilesUsed) {
    }

    /** An expert this person writes for, through which team. */
    record Writable(long teamId, String teamName, long expertId, String expertName, boolean approvalRequired) {
    }

    /** A team that manages this person's own profile. */
    record Managing(long teamId, String teamName, boolean approvalRequired) {
    }

    private final JdbcClient jdbc;
    private final AccountManagement accounts;
    private final PitchingForOthers pitching;
    private final SourceManagement sources;
    private final Clock clock;

    TeamViews(JdbcClient jdbc, AccountManagement accounts, PitchingForOthers pitching, SourceManagement sources,
            Clock clock) {
        this.sources = sources;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.pitching = pitching;
        this.clock = clock;
    }

    Owned owned(TeamManagement.Team team) {
        record ProfileRow(long expertId, boolean approvalRequired) {
        }
        record Assignment(long memberId, long expertId) {
        }
        List<ProfileRow> profileRows = jdbc.sql("""
                select source_account_id, approval_required from team_profile
                where team_id = :team order by added_at, source_account_id""").param("team", team.id())
                .query((rs, n) -> new ProfileRow(rs.getLong(1), rs.getBoolean(2))).list();
        List<Long> memberIds = jdbc.sql("select account_id from team_member where team_id = :team order by joined_at, account_id")
                .param("team", team.id()).query(Long.class).list();
        List<Assignment> assignments = jdbc.sql("select member_account_id, source_account_id from team_assignment where team_id = :team")
                .param("team", team.id()).query((rs, n) -> new Assignment(rs.getLong(1), rs.getLong(2))).list();
        Map<Long, AccountView> people = accounts.findAll(ids(profileRows.stream().map(ProfileRow::expertId).toList(), memberIds));
        Map<Long, String> profileNames = sources.namesByAccount(profileRows.stream().map(ProfileRow::expertId).toList());
        List<Profile> profiles = profileRows.stream().filter(row -> people.containsKey(row.expertId()))
                .map(row -> new Profile(row.expertId(), expertName(people.get(row.expertId()), profileNames),
                        people.get(row.expertId()).email(), row.approvalRequired())).toList();
        List<Member> members = memberIds.stream().filter(people::containsKey)
                .map(id -> new Member(id, people.get(id).displayName(), people.get(id).email(),
                        assignments.stream().filter(a -> a.memberId() == id).map(Assignment::expertId).toList())).toList();
        List<Invitation> invitations = jdbc.sql("""
                select i.id, i.kind, i.email, i.expires_at, p.name from team_invitation i
                left join team_invitation_profile p on p.invitation_id = i.id
                where i.team_id = :team and i.accepted_at is null and i.expires_at > :now order by i.invited_at, i.id""")
                .param("team", team.id()).param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new Invitation(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5))).list();
        long seatsUsed = members.size() + invitations.stream().filter(i -> i.kind().equals("MEMBER")).count();
        long profilesUsed = profiles.size() + invitations.stream().filter(i -> i.kind().equals("EXPERT")).count();
        return new Owned(team, profiles, members, invitations, pitching.teamLimits(team.ownerId()), seatsUsed, profilesUsed);
    }

    List<Writable> writable(long accountId) {
        record Row(long teamId, String teamName, long expertId, boolean approvalRequired) {
        }
        List<Row> rows = jdbc.sql("""
                select t.id, t.name, p.source_account_id, p.approval_required from team_assignment a
                join team t on t.id = a.team_id
                join team_profile p on p.team_id = a.team_id and p.source_account_id = a.source_account_id
                where a.member_account_id = :account order by t.name, t.id""").param("account", accountId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getBoolean(4))).list();
        List<Long> expertIds = rows.stream().map(Row::expertId).toList();
        Map<Long, AccountView> experts = accounts.findAll(expertIds);
        Map<Long, String> profileNames = sources.namesByAccount(expertIds);
        return rows.stream().filter(row -> experts.containsKey(row.expertId()))
                .map(row -> new Writable(row.teamId(), row.teamName(), row.expertId(),
                        expertName(experts.get(row.expertId()), profileNames), row.approvalRequired())).toList();
    }

    /** A team this person is a member of. */
    record Membership(long teamId, String teamName) {
    }

    List<Membership> memberOf(long accountId) {
        return jdbc.sql("""
                select t.id, t.name from team_member m join team t on t.id = m.team_id where m.account_id = :account
                order by t.name, t.id""").param("account", accountId)
                .query((rs, n) -> new Membership(rs.getLong(1), rs.getString(2))).list();
    }

    List<Managing> managing(long expertId) {
        return jdbc.sql("""
                select t.id, t.name, p.approval_required from team_profile p join team t on t.id = p.team_id
                where p.source_account_id = :expert order by t.name, t.id""").param("expert", expertId)
                .query((rs, n) -> new Managing(rs.getLong(1), rs.getString(2), rs.getBoolean(3))).list();
    }

    /** The name journalists see on the expert's pitches: their profile's, else their account's. */
    private static String expertName(AccountView expert, Map<Long, String> profileNames) {
        return profileNames.getOrDefault(expert.id(), expert.displayName());
    }

    private static Collection<Long> ids(List<Long> a, List<Long> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).distinct().toList();
    }
}
