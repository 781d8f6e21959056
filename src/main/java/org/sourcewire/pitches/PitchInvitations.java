package org.sourcewire.pitches;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.mail.Email;
import org.sourcewire.mail.Outbox;
import org.sourcewire.queries.QueryManagement;
import org.sourcewire.queries.QueryView;
import org.sourcewire.shared.Messages;
import org.sourcewire.shared.RuleException;
import org.sourcewire.shared.SiteUrls;
import org.sourcewire.sources.ProfileView;
import org.sourcewire.sources.SourceManagement;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invite to answer: a journalist asks an expert to pitch one of their open queries. The expert gets a notice on
 * {@code /invitations} and a mail (through the outbox, in the same transaction); limits per query and per rolling day
 * keep it from becoming a way to mass-invite.
 */
@Service
@Transactional
class PitchInvitations {

    static final int MAX_NOTE = 1000;

    private final JdbcClient jdbc;
    private final QueryManagement queries;
    private final SourceManagement sources;
    private final AccountManagement accounts;
    private final Outbox outbox;
    private final SiteUrls urls;
    private final PitchesProperties properties;
    private final Clock clock;
    private final Messages messages;

    PitchInvitations(JdbcClient jdbc, QueryManagement queries, SourceManagement sources, AccountManagement accounts,
            Outbox outbox, SiteUrls urls, PitchesProperties properties, Clock clock, Messages messages) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.sources = sources;
        this.accounts = accounts;
        this.outbox = outbox;
        this.urls = urls;
        this.properties = properties;
        this.clock = clock;
        this.messages = messages;
    }

    /** The queries the journalist may invite to now. */
    @Transactional(readOnly = true)
    List<QueryView> choices(AccountView journalist) {
        return queries.openQueriesOf(journalist.id());
    }

    /**
     * Invites the expert to the query, or says why not (a {@link RuleException} naming the form field). The
     * journalist's invitations are counted under a lock of their own, so two at once cannot both pass a limit.
     */
    void invite(AccountView journalist, ProfileView expert, Long queryId, String note) {
        if (!journalist.isJournalist() || journalist.suspended()) {
            throw new RuleException(null, "pitches.rule.invite-not-journalist");
        }
        QueryView query = queryId == null ? null : queries.find(queryId)
                .filter(found -> PitchAccess.isJournalistOf(found, journalist)).filter(this::takesPitches).orElse(null);
        if (query == null) {
            throw new RuleException("queryId", "pitches.rule.invite-query-unknown");
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > MAX_NOTE) {
            throw new RuleException("note", "pitches.rule.invite-note-too-long");
        }
        AccountView account = accounts.find(expert.accountId()).filter(found -> !found.suspended())
                .orElseThrow(() -> new RuleException(null, "pitches.rule.invite-expert-unavailable"));
        jdbc.sql("select pg_advisory_xact_lock(7302, cast(:journalist as int))").param("journalist", journalist.id())
                .query(Object.class).list();
        Instant now = clock.instant();
        Instant dayAgo = now.minus(Duration.ofDays(1));
        record Standing(boolean invited, boolean pitched, long forQuery, long today, Instant oldestToday) {
        }
        Standing standing = jdbc.sql("""
                select exists (select 1 from invitation where query_id = :query and source_id = :source),
                       exists (select 1 from pitch where query_id = :query and source_id = :source),
                       (select count(*) from invitation where query_id = :query),
                       count(*), min(created_at)
                from invitation where journalist_id = :journalist and created_at > :dayAgo""")
                .param("query", query.id()).param("source", expert.id()).param("journalist", journalist.id())
                .param("dayAgo", Timestamp.from(dayAgo))
                .query((rs, n) -> new Standing(rs.getBoolean(1), rs.getBoolean(2), rs.getLong(3), rs.getLong(4),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant())).single();
        if (standing.invited()) {
            throw new RuleException("queryId", "pitches.rule.invite-already-invited", expert.name());
        }
        if (standing.pitched()) {
            throw new RuleException("queryId", "pitches.rule.invite-already-pitched", expert.name());
        }
        PitchesProperties.InvitationLimits limits = properties.invitations();
        if (standing.forQuery() >= limits.perQuery()) {
            throw new RuleException("queryId", "pitches.rule.invite-query-limit", standing.forQuery());
        }
        if (standing.today() >= limits.perDay()) {
            Duration wait = Duration.between(now, standing.oldestToday().plus(Duration.ofDays(1)));
            throw new RuleException(null, "pitches.rule.invite-day-limit", standing.today(), in(wait));
        }
        jdbc.sql("""
                insert into invitation (query_id, source_id, journalist_id, note, created_at)
                values (:query, :source, :journalist, :note, :now)""")
                .param("query", query.id()).param("source", expert.id()).param("journalist", journalist.id())
                .param("note", cleanNote).param("now", Timestamp.from(now)).update();
        // An anonymous query stays anonymous in its invitation: the expert sees what sources see of it.
        QueryView seen = query.forSource();
        Map<String, Object> model = new java.util.HashMap<>(Map.of("name", account.displayName(),
                "from", messages.text(seen.byline()), "headline", query.headline(),
                "deadline", messages.text(query.deadlineText()), "link", urls.link("/invitations"),
                "pitchLink", urls.link("/queries/" + query.id() + "/pitch")));
        if (cleanNote != null) {
            model.put("note", cleanNote);
        }
        outbox.queue(new Email(account.email(), Email.subject("mail.invitation.subject", query.headline()),
                "mail/invitation", model));
    }

    /** The expert's invitations, newest first (the 100 latest); reading them marks them seen. */
    List<PitchViews.Invitation> received(AccountView source) {
        var profile = sources.findByAccount(source.id());
        if (profile.isEmpty()) {
            return List.of();
        }
        record Row(long queryId, String note, Instant at, boolean seen, boolean pitched) {
        }
        List<Row> rows = jdbc.sql("""
                select i.query_id, i.note, i.created_at, i.seen_at is not null,
                       exists (select 1 from pitch p where p.query_id = i.query_id and p.source_id = i.source_id)
                from invitation i where i.source_id = :source order by i.created_at desc, i.id desc limit 100""")
                .param("source", profile.get().id())
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getBoolean(4), rs.getBoolean(5))).list();
        jdbc.sql("update invitation set seen_at = :now where source_id = :source and seen_at is null")
                .param("now", Timestamp.from(clock.instant())).param("source", profile.get().id()).update();
        Map<Long, QueryView> found = queries.findAll(rows.stream().map(Row::queryId).distinct().toList());
        return rows.stream().filter(row -> found.containsKey(row.queryId())).map(row -> {
            QueryView query = found.get(row.queryId());
            return new PitchViews.Invitation(query.forSource(), row.note(), row.at(), row.seen(), row.pitched(),
                    takesPitches(query));
        }).toList();
    }

    /** How many invitations the expert has not seen yet: the count beside "Invitations" in the navigation. */
    @Transactional(readOnly = true)
    long unseen(AccountView source) {
        return sources.findByAccount(source.id()).map(profile -> jdbc.sql(
                "select count(*) from invitation where source_id = :source and seen_at is null")
                .param("source", profile.id()).query(Long.class).single()).orElse(0L);
    }

    private boolean takesPitches(QueryView query) {
        return query.status() == org.sourcewire.queries.QueryStatus.PUBLISHED
                && (query.deadline() == null || query.deadline().isAfter(clock.instant()));
    }

    /** When the wait is over, as words of the bundle ("in 3 hours", "in an hour", "in 5 minutes"). */
    private static MessageSourceResolvable in(Duration wait) {
        long hours = (wait.toMinutes() + 59) / 60;
        if (hours > 1) {
            return text("pitches.text.in-hours", hours);
        }
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return minutes >= 60 ? text("pitches.text.in-an-hour") : text("pitches.text.in-minutes", minutes);
    }

    private static MessageSourceResolvable text(String key, Object... arguments) {
        return new DefaultMessageSourceResolvable(new String[] { key }, arguments);
    }
}
