package org.sourcewire.teams;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.audit.AuditLog;
import org.sourcewire.mail.Email;
import org.sourcewire.mail.Outbox;
import org.sourcewire.pitches.PitchAttributions;
import org.sourcewire.pitches.PitchingForOthers;
import org.sourcewire.queries.QueryManagement;
import org.sourcewire.queries.QueryView;
import org.sourcewire.shared.SiteUrls;
import org.sourcewire.shared.SqlArrays;
import org.sourcewire.sources.ProfileView;
import org.sourcewire.sources.SourceManagement;
import org.sourcewire.shared.RuleException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may write for which expert, and writing: a pitch goes out at once through the pitch rules as the expert's,
 * naming its writer and team, or waits for the expert's approval when the expert asked for that. Access is read from
 * the database on every request, so a removed member or profile is refused from the next click on.
 */
@Service
@Transactional
class TeamPitches {

    /** The right to write for an expert: through which team, and whether the expert approves first. */
    record Writing(long teamId, String teamName, AccountView writer, AccountView expert, ProfileView profile,
            boolean approvalRequired) {
    }

    /** A pitch waiting for the expert's approval, as the expert sees it. */
    record Draft(UUID publicId, String teamName, String authorName, long queryId, String headline,
            List<String> questions, List<String> answers, String whyMe, java.time.Instant createdAt) {

        /** Question and answer side by side (a query's questions do not change once it is published). */
        public String question(int index) {
            return index < questions.size() ? questions.get(index) : "";
        }
    }

    /** What happened to a pitch a writer sent: sent now, or waiting for the expert. */
    record Outcome(UUID pitch, UUID draft) {
    }

    private final JdbcClient jdbc;
    private final AccountManagement accounts;
    private final SourceManagement sources;
    private final PitchingForOthers pitching;
    private final QueryManagement queries;
    private final AuditLog audit;
    private final Outbox outbox;
    private final SiteUrls urls;
    private final Clock clock;

    TeamPitches(JdbcClient jdbc, AccountManagement accounts, SourceManagement sources, PitchingForOthers pitching,
            QueryManagement queries, AuditLog audit, Outbox outbox, SiteUrls urls, Clock clock) {
        this.queries = queries;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.sources = sources;
        this.pitching = pitching;
        this.audit = audit;
        this.outbox = outbox;
        this.urls = urls;
        this.clock = clock;
    }

    /**
     * The writer's right to write for this expert: as the owner of a team that manages the expert's profile, or as a
     * member that team gave the profile to, while the team's owner is not suspended. Anything else is "not found", so
     * ids of other teams' experts reveal nothing.
     */
    @Transactional(readOnly = true)
    Writing writing(long writerId, long expertId) {
        AccountView writer = accounts.find(writerId).orElseThrow(TeamNotFoundException::new);
        if (!writer.isSource() || writer.suspended()) {
            throw new TeamNotFoundException();
        }
        record Row(long teamId, String name, boolean approval, long ownerId) {
        }
        Row row = jdbc.sql("""
                select t.id, t.name, p.approval_required, t.owner_id from team t
                join team_profile p on p.team_id = t.id and p.source_account_id = :expert
                where t.owner_id = :writer
                   or exists (select 1 from team_assignment a where a.team_id = t.id and a.member_account_id = :writer
                              and a.source_account_id = :expert)
                order by t.id limit 1""")
                .param("expert", expertId).param("writer", writerId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getLong(4))).optional()
                .orElseThrow(TeamNotFoundException::new);
        // A suspended owner's team writes for nobody: its members act in the team's name.
        if (row.ownerId() != writerId && accounts.find(row.ownerId()).map(AccountView::suspended).orElse(true)) {
            throw new TeamNotFoundException();
        }
        AccountView expert = accounts.find(expertId).orElseThrow(TeamNotFoundException::new);
        ProfileView profile = sources.findByAccount(expertId).orElseThrow(TeamNotFoundException::new);
        return new Writing(row.teamId(), row.name(), writer, expert, profile, row.approval());
    }

    /** The query, if the expert may pitch it now and has not yet. */
    @Transactional(readOnly = true)
    QueryView pitchable(Writing writing, long queryId) {
        QueryView query = pitching.pitchable(queryId, writing.expert());
        if (pitching.existing(queryId, writing.profile().id()).isPresent()) {
            throw new RuleException(null, "teams.rule.already-pitched", writing.profile().name());
        }
        return query;
    }

    /** Sends the pitch (or keeps it for the expert's approval); {@code key} makes a double click send once. */
    Outcome write(Writing writing, QueryView query, List<String> answers, String whyMe, boolean confirms, UUID key) {
        Map<String, Object> details = Map.of("query", query.id(), "expert", writing.expert().id(), "team", writing.teamId());
        if (!writing.approvalRequired()) {
            UUID pitch = pitching.send(writing.expert(), query, answers, whyMe, confirms,
                    new PitchAttributions.WrittenBy(writing.writer().displayName(), writing.teamName()), key);
            audit.record(TeamManagement.actor(writing.writer()), "team.pitch.sent", "pitch " + pitch,
                    "Sent a pitch for " + writing.expert().email() + " to query " + query.id(), null, details);
            return new Outcome(pitch, null);
        }
        pitching.check(query, answers, whyMe, confirms);
        Optional<UUID> earlier = jdbc.sql("select public_id from team_pitch_draft where public_id = :key")
                .param("key", key).query(UUID.class).optional();
        if (earlier.isPresent()) {
            return new Outcome(null, earlier.get());
        }
        jdbc.sql("""
                insert into team_pitch_draft (public_id, team_id, source_account_id, author_account_id, query_id, answers,
                                              why_me, confirms_requirements, status, created_at)
                values (:key, :team, :expert, :author, :query, :answers, :whyMe, :confirms, 'PENDING', :now)""")
                .param("key", key).param("team", writing.teamId()).param("expert", writing.expert().id())
                .param("author", writing.writer().id()).param("query", query.id())
                .param("answers", SqlArrays.text(answers.stream().map(a -> a == null ? "" : a.strip()).toArray(String[]::new)))
                .param("whyMe", whyMe == null || whyMe.isBlank() ? null : whyMe.strip()).param("confirms", confirms)
                .param("now", Timestamp.from(clock.instant())).update();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", writing.expert().displayName());
        model.put("author", writing.writer().displayName());
        model.put("team", writing.teamName());
        model.put("headline", query.headline());
        model.put("link", urls.link("/teams"));
        outbox.queue(new Email(writing.expert().email(), Email.subject("mail.team-approval.subject", writing.teamName()),
                "mail/team-approval", model));
        audit.record(TeamManagement.actor(writing.writer()), "team.pitch.drafted", "team " + writing.teamId(),
                "Wrote a pitch for " + writing.expert().email() + " to query " + query.id() + ", for their approval",
                null, details);
        return new Outcome(null, key);
    }

    /** How many pitches wait for this expert's approval: the navigation's notice, one index probe. */
    @Transactional(readOnly = true)
    long waitingCount(long expertId) {
        return jdbc.sql("select count(*) from team_pitch_draft where source_account_id = :expert and status = 'PENDING'")
                .param("expert", expertId).query(Long.class).single();
    }

    /** Pitches waiting for this expert's approval, oldest first, with each query's questions beside the answers. */
    @Transactional(readOnly = true)
    List<Draft> waiting(long expertId) {
        record Row(UUID publicId, String teamName, long authorId, long queryId, List<String> answers, String whyMe,
                java.time.Instant createdAt) {
        }
        List<Row> rows = jdbc.sql("""
                select d.public_id, t.name, d.author_account_id, d.query_id, d.answers, d.why_me, d.created_at
                from team_pitch_draft d join team t on t.id = d.team_id
                where d.source_account_id = :expert and d.status = 'PENDING' order by d.created_at, d.id""")
                .param("expert", expertId)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        Arrays.asList((String[]) rs.getArray(5).getArray()), rs.getString(6),
                        rs.getTimestamp(7).toInstant())).list();
        var authors = accounts.findAll(rows.stream().map(Row::authorId).toList());
        var found = queries.findAll(rows.stream().map(Row::queryId).distinct().toList());
        return rows.stream().map(row -> {
            QueryView query = found.containsKey(row.queryId()) ? found.get(row.queryId()).forSource() : null;
            return new Draft(row.publicId(), row.teamName(),
                    authors.containsKey(row.authorId()) ? authors.get(row.authorId()).displayName() : "",
                    row.queryId(), query == null ? "" : query.headline(), query == null ? List.of() : query.questions(),
                    row.answers(), row.whyMe(), row.createdAt());
        }).toList();
    }

    /** The expert approves: the pitch is sent as theirs, naming its writer, under the pitch rules of now. */
    UUID approve(AccountView expert, UUID draftId) {
        record Row(long teamId, String teamName, long authorId, long queryId, List<String> answers, String whyMe,
                boolean confirms) {
        }
        Row row = jdbc.sql("""
                select d.team_id, t.name, d.author_account_id, d.query_id, d.answers, d.why_me, d.confirms_requirements
                from team_pitch_draft d join team t on t.id = d.team_id
                where d.public_id = :id and d.source_account_id = :expert and d.status = 'PENDING' for update of d""")
                .param("id", draftId).param("expert", expert.id())
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        Arrays.asList((String[]) rs.getArray(5).getArray()), rs.getString(6), rs.getBoolean(7)))
                .optional().orElseThrow(TeamNotFoundException::new);
        AccountView author = accounts.find(row.authorId()).orElseThrow(TeamNotFoundException::new);
        QueryView query = pitching.pitchable(row.queryId(), expert);
        UUID pitch = pitching.send(expert, query, row.answers(), row.whyMe(), row.confirms(),
                new PitchAttributions.WrittenBy(author.displayName(), row.teamName()), draftId);
        jdbc.sql("update team_pitch_draft set status = 'SENT', decided_at = :now, pitch_public_id = :pitch where public_id = :id")
                .param("now", Timestamp.from(clock.instant())).param("pitch", pitch).param("id", draftId).update();
        audit.record(TeamManagement.actor(expert), "team.draft.approved", "pitch " + pitch,
                "Approved and sent the pitch " + author.email() + " wrote to query " + row.queryId(), null,
                Map.of("query", row.queryId(), "author", author.id(), "team", row.teamId()));
        return pitch;
    }

    void decline(AccountView expert, UUID draftId) {
        Long teamId = jdbc.sql("""
                update team_pitch_draft set status = 'DECLINED', decided_at = :now
                where public_id = :id and source_account_id = :expert and status = 'PENDING' returning team_id""")
                .param("now", Timestamp.from(clock.instant())).param("id", draftId).param("expert", expert.id())
                .query(Long.class).optional().orElseThrow(TeamNotFoundException::new);
        audit.record(TeamManagement.actor(expert), "team.draft.declined", "team " + teamId,
                "Declined a pitch written for them", null, Map.of("draft", draftId.toString()));
    }
}
