package org.sourcewire.pitches;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.mail.Email;
import org.sourcewire.mail.Outbox;
import org.sourcewire.queries.QueryManagement;
import org.sourcewire.queries.QueryStatus;
import org.sourcewire.queries.QueryView;
import org.sourcewire.shared.PlainRead;
import org.sourcewire.shared.SiteUrls;
import org.sourcewire.shared.SqlArrays;
import org.sourcewire.sources.ProfileView;
import org.sourcewire.sources.SourceManagement;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Pitches from submission to the journalist's decision, with their messages and mails. */
@Service
@Transactional
public class PitchManagement {

    static final List<String> DECLINE_REASONS = List.of("Not a fit for this story", "We already have enough sources",
            "Did not answer the questions", "Outside the requirements", "The deadline had passed for us");

    private final Pitches pitches;
    private final QueryManagement queries;
    private final SourceManagement sources;
    private final AccountManagement accounts;
    private final Outbox outbox;
    private final SiteUrls urls;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final PitchesProperties properties;
    private final Clock clock;
    private final ObjectProvider<PitchScreening> screening;
    private final JsonMapper json;

    PitchManagement(Pitches pitches, QueryManagement queries, SourceManagement sources, AccountManagement accounts,
            Outbox outbox, SiteUrls urls, JdbcClient jdbc, ApplicationEventPublisher events,
            PitchesProperties properties, Clock clock, ObjectProvider<PitchScreening> screening, JsonMapper json) {
        this.screening = screening;
        this.json = json;
        this.pitches = pitches;
        this.queries = queries;
        this.sources = sources;
        this.accounts = accounts;
        this.outbox = outbox;
        this.urls = urls;
        this.jdbc = jdbc;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    // --- sources -------------------------------------------------------------------------------------------------

    /** The query as the source sees it, if it is one they may pitch now; otherwise the reason, as a rule exception. */
    @PlainRead
    QueryView pitchable(long queryId, AccountView source) {
        QueryView query = queries.find(queryId).filter(found -> found.status().isVisibleToSources())
                .orElseThrow(PitchNotFoundException::new);
        checkOpen(query);
        checkSource(source);
        return query.forSource();
    }

    /** A query a source may read (published, closed or expired), as sources see it. */
    @PlainRead
    QueryView visibleToSource(long queryId) {
        return queries.find(queryId).filter(found -> found.status().isVisibleToSources()).map(QueryView::forSource)
                .orElseThrow(PitchNotFoundException::new);
    }

    /** The source's pitch to this query, if there is one. */
    @PlainRead
    Optional<UUID> existing(long queryId, long sourceId) {
        return jdbc.sql("select public_id from pitch where query_id = :query and source_id = :source")
                .param("query", queryId).param("source", sourceId).query(UUID.class).optional();
    }

    /**
     * Sends a pitch that confirms the query's requirements, as the pitch form does, for demo data and the screening
     * evaluation. The same {@code submissionKey} again finds the pitch it made.
     */
    public UUID submit(AccountView source, long queryId, List<String> answers, String whyMe, UUID submissionKey) {
        return submit(source, visibleToSource(queryId), new PitchDraft(answers, whyMe, true), submissionKey);
    }

    /** What screening said of a pitch: its score, whether it is flagged, and why. Empty while it waits for it. */
    @PlainRead
    public Optional<PitchScreening.Verdict> verdict(UUID publicId) {
        return jdbc.sql("""
                select score, flagged, reasons::text, signals::text from pitch where public_id = :id and score is not null""")
                .param("id", publicId)
                .query((rs, n) -> PitchScreening.Verdict.stored(rs.getInt(1), rs.getBoolean(2), reasons(rs.getString(3)),
                        signals(rs.getString(4))))
                .optional();
    }

    /**
     * The same, for a caller that has just read the query ({@link #pitchable}): the query is not read again. A query
     * without a pitch cap takes the pitch on what the caller read a moment ago; a capped one is locked and its status
     * read again, so its pitches are counted one at a time.
     */
    UUID submit(AccountView source, QueryView seen, PitchDraft draft, UUID submissionKey) {
        long queryId = seen.id();
        checkSource(source);
        ProfileView profile = sources.ensureProfile(source);
        // One source's submissions one at a time (before the query lock, always in this order), so quotas hold.
        jdbc.sql("select pg_advisory_xact_lock(7301, cast(:source as int))").param("source", profile.id())
                .query(Object.class).list();
        boolean capped = seen.pitchCap() != null;
        QueryView query = (capped ? queries.lockForPitching(seen) : Optional.of(seen))
                .filter(found -> found.status().isVisibleToSources()).orElseThrow(PitchNotFoundException::new);
        Standing standing = standing(source, profile.id(), queryId);
        if (standing.earlierPitch() != null) {
            if (standing.earlierKey().equals(submissionKey)) {
                return standing.earlierPitch();
            }
            throw new PitchRuleException(null, "You have already pitched this query. You can change your pitch "
                    + "until the journalist opens it.");
        }
        checkOpen(query);
        checkDraft(query, draft);
        checkQuota(standing);
        int count = capped ? jdbc.sql("select count(*) from pitch where query_id = :query").param("query", queryId)
                .query(Integer.class).single() : 0;
        if (capped && count >= query.pitchCap()) {
            throw new PitchRuleException(null, "This query has all the pitches its journalist asked for.");
        }
        // Screened after it is stored, from PitchSubmitted (the source is answered at once); until then no score.
        Instant now = clock.instant();
        UUID publicId = UUID.randomUUID();
        // The pitch and its answers in one statement.
        long id = jdbc.sql("""
                with pitch as (
                    insert into pitch (public_id, query_id, source_id, status, why_me, word_count, submission_key,
                                       submitted_at, updated_at, flagged)
                    values (:publicId, :query, :source, 'SUBMITTED', :whyMe, :words, :key, :now, :now, false)
                    returning id),
                answers as (
                    insert into pitch_answer (pitch_id, position, answer)
                    select pitch.id, t.n - 1, t.answer
                    from pitch, unnest(cast(:answers as text[])) with ordinality as t(answer, n))
                select id from pitch""")
                .param("publicId", publicId).param("query", queryId).param("source", profile.id())
                .param("whyMe", clean(draft.whyMe())).param("words", draft.words()).param("key", submissionKey)
                .param("now", Timestamp.from(now)).param("answers", answers(draft.answers()))
                .query(Long.class).single();
        events.publishEvent(new PitchSubmitted(id, queryId, profile.id()));
        if (capped && count + 1 >= query.pitchCap()) {
            queries.closeAtCap(queryId);
        }
        return publicId;
    }

    void edit(UUID publicId, AccountView source, PitchDraft draft) {
        Pitch pitch = ownPitch(publicId, source);
        QueryView query = queries.find(pitch.getQueryId()).orElseThrow(PitchNotFoundException::new);
        if (!pitch.isEditable()) {
            throw new PitchRuleException(null, "The journalist has opened this pitch, so it can no longer be changed.");
        }
        checkOpen(query);
        checkDraft(query, draft);
        pitch.edit(draft.answers().stream().map(answer -> answer == null ? "" : answer.strip()).toList(),
                clean(draft.whyMe()), draft.words(), clock.instant());
        pitches.saveAndFlush(pitch);
        // Screened again from PitchEdited; the old verdict no longer holds.
        jdbc.sql("update pitch set score = null, flagged = false, reasons = '[]'::jsonb, screened_at = null where id = :id")
                .param("id", pitch.getId()).update();
        events.publishEvent(new PitchEdited(pitch.getId()));
    }

    void withdraw(UUID publicId, AccountView source) {
        Pitch pitch = ownPitch(publicId, source);
        if (!pitch.isEditable()) {
            throw new PitchRuleException(null, "The journalist has opened this pitch, so it can no longer be withdrawn.");
        }
        pitches.delete(pitch);
    }

    @Transactional(readOnly = true)
    Page<PitchViews.Mine> mine(AccountView source, PitchStatus status, Pageable page) {
        Optional<ProfileView> profile = sources.findByAccount(source.id());
        if (profile.isEmpty()) {
            return Page.empty(page);
        }
        String filter = status == null ? "" : " and p.status = :status";
        var select = jdbc.sql("""
                select p.public_id, p.status, p.query_id, q.headline, p.submitted_at, q.deadline, q.time_zone
                from pitch p join journalist_query q on q.id = p.query_id
                where p.source_id = :source""" + filter + " order by p.submitted_at desc, p.id desc limit :limit offset :offset")
                .param("source", profile.get().id()).param("limit", page.getPageSize()).param("offset", page.getOffset());
        var count = jdbc.sql("select count(*) from pitch p where p.source_id = :source" + filter)
                .param("source", profile.get().id());
        if (status != null) {
            select = select.param("status", status.name());
            count = count.param("status", status.name());
        }
        List<PitchViews.Mine> rows = select.query((rs, n) -> new PitchViews.Mine(rs.getObject(1, UUID.class),
                PitchStatus.valueOf(rs.getString(2)), rs.getLong(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
                rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getString(7))).list();
        return new PageImpl<>(rows, page, count.query(Long.class).single());
    }

    // --- journalists ---------------------------------------------------------------------------------------------

    /**
     * A query's pitches for its journalist (or an admin): best first (or newest / oldest), optionally of one status,
     * without flagged ones or below a minimum score.
     */
    @Transactional(readOnly = true)
    Page<PitchViews.Card> inbox(long queryId, InboxFilter filter, Pageable page) {
        String where = filter.where();
        String order = switch (filter.sort()) {
            case "newest" -> " order by p.submitted_at desc, p.id desc";
            case "oldest" -> " order by p.submitted_at, p.id";
            default -> " order by p.score desc nulls last, p.submitted_at desc, p.id desc";
        };
        record Row(UUID publicId, PitchStatus status, long sourceId, int words, Instant at, String reason, String url,
                int answered, boolean reported, Integer score, boolean flagged, String reasons, int similar) {
        }
        // Grouped: of each cluster of similar pitches only the first the filters let through, with how many more it
        // stands for. Pitches outside clusters (nearly all) skip both subqueries, so the page is still the top of the
        // query's pitches by the chosen order, read through its index.
        String sameCluster = " from pitch e where e.query_id = p.query_id and e.cluster_id = p.cluster_id" + filter.where("e");
        String similar = filter.grouped() ? "case when p.cluster_id is null then 0 else (select count(*)" + sameCluster
                + ") - 1 end" : "0";
        String first = filter.grouped() ? " and (p.cluster_id is null or not exists (select 1" + sameCluster
                + " and (e.submitted_at, e.id) < (p.submitted_at, p.id)))" : "";
        List<Row> rows = filter.bind(jdbc.sql("""
                select p.public_id, p.status, p.source_id, p.word_count, p.submitted_at, p.decline_reason, p.article_url,
                       (select count(*) from pitch_answer a where a.pitch_id = p.id and btrim(a.answer) <> '') as answered,
                       exists (select 1 from pitch_report r where r.pitch_id = p.id) as reported,
                       p.score, p.flagged, p.reasons::text,\s""" + similar + """
                \sfrom pitch p where p.query_id = :query""" + where + first + order + " limit :limit offset :offset")
                .param("query", queryId).param("limit", page.getPageSize()).param("offset", page.getOffset()))
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), PitchStatus.valueOf(rs.getString(2)),
                        rs.getLong(3), rs.getInt(4), rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7),
                        rs.getInt(8), rs.getBoolean(9), (Integer) rs.getObject(10), rs.getBoolean(11),
                        rs.getString(12), rs.getInt(13))).list();
        // Grouped, a cluster counts once: the pitches outside clusters plus the clusters with a pitch shown.
        long total = filter.bind(jdbc.sql((filter.grouped()
                ? "select count(*) filter (where p.cluster_id is null) + count(distinct p.cluster_id)" : "select count(*)")
                + " from pitch p where p.query_id = :query" + where)
                .param("query", queryId)).query(Long.class).single();
        Map<Long, ProfileView> profiles = sources.findAll(rows.stream().map(Row::sourceId).distinct().toList());
        List<PitchViews.Card> cards = rows.stream().map(row -> new PitchViews.Card(row.publicId(), row.status(),
                profiles.get(row.sourceId()), row.answered(), row.words(),
                row.at(), row.reason(), row.url(), row.reported(), row.score(), row.flagged(), reasons(row.reasons()),
                row.similar()))
                .toList();
        return new PageImpl<>(cards, page, total);
    }

    /** How many pitches of this status the screening filters hide, so nothing is hidden silently. */
    @Transactional(readOnly = true)
    long hiddenBy(long queryId, InboxFilter filter) {
        if (!filter.hides()) {
            return 0;
        }
        InboxFilter all = filter.showingAll();
        return all.bind(filter.bind(jdbc.sql("""
                select count(*) filter (where true %s) - count(*) filter (where true %s)
                from pitch p where p.query_id = :query""".formatted(all.where(), filter.where()))
                .param("query", queryId))).query(Long.class).single();
    }

    @Transactional(readOnly = true)
    Map<PitchStatus, Long> countsByStatus(long queryId) {
        Map<PitchStatus, Long> counts = new EnumMap<>(PitchStatus.class);
        for (PitchStatus status : PitchStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("select status, count(*) from pitch where query_id = :query group by status").param("query", queryId)
                .query((rs, n) -> Map.entry(PitchStatus.valueOf(rs.getString(1)), rs.getLong(2))).list()
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    /**
     * The query's shortlisted and used pitches, best first, with every answer: two statements whatever their number
     * (the pitches with their answers, then their sources).
     */
    @Transactional(readOnly = true)
    List<PitchViews.Shortlisted> shortlist(long queryId) {
        record Row(UUID publicId, PitchStatus status, long sourceId, String whyMe, Integer score, List<String> answers) {
        }
        List<Row> rows = jdbc.sql("""
                select p.public_id, p.status, p.source_id, p.why_me, p.score,
                       array(select a.answer from pitch_answer a where a.pitch_id = p.id order by a.position)
                from pitch p where p.query_id = :query and p.status in ('SHORTLISTED', 'USED')
                order by p.score desc nulls last, p.submitted_at, p.id""")
                .param("query", queryId)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), PitchStatus.valueOf(rs.getString(2)), rs.getLong(3),
                        rs.getString(4), (Integer) rs.getObject(5), List.of((String[]) rs.getArray(6).getArray())))
                .list();
        Map<Long, ProfileView> profiles = sources.findAll(rows.stream().map(Row::sourceId).distinct().toList());
        return rows.stream().map(row -> new PitchViews.Shortlisted(row.publicId(), row.status(),
                profiles.get(row.sourceId()), row.whyMe(), row.score(), row.answers())).toList();
    }

    /** The journalist opens a pitch: it becomes "viewed" (and so no longer editable by the source). */
    Optional<PitchViews.Detail> open(UUID publicId, AccountView journalist) {
        return journalistPitch(publicId, journalist).map(pitch -> {
            // Only the first opening writes; it locks the row then, so it never meets the source's edit half-way.
            if (pitch.isEditable()) {
                pitches.lockAndRefresh(pitch);
                if (pitch.markViewed(clock.instant())) {
                    pitches.save(pitch);
                }
            }
            return detail(pitch, queries.find(pitch.getQueryId()).orElseThrow());
        });
    }

    void shortlist(UUID publicId, AccountView journalist) {
        shortlist(decidable(publicId, journalist), journalist);
    }

    private boolean shortlist(Pitch pitch, AccountView journalist) {
        Decided before = Decided.before(pitch);
        boolean moved = pitch.shortlist(clock.instant());
        pitches.save(pitch);
        if (moved) {
            remember(pitch, before, journalist, tellSource(pitch, "shortlisted", null, properties.undoWindow()));
        }
        return moved;
    }

    void decline(UUID publicId, AccountView journalist, String reason) {
        decline(decidable(publicId, journalist), journalist, reason);
    }

    /**
     * Declines the chosen pitches of one of the journalist's queries (pitches marked as used stay used); returns the
     * ones declined now. Only the query's journalist may: anyone else, admins too, gets {@link PitchNotFoundException}.
     */
    List<UUID> declineAll(long queryId, AccountView journalist, Collection<UUID> publicIds, String reason) {
        return chosen(queryId, journalist, publicIds).stream().filter(pitch -> !pitch.isUsed())
                .filter(pitch -> decline(pitch, journalist, reason)).map(Pitch::getPublicId).toList();
    }

    /** Shortlists the chosen pitches of one of the journalist's queries; returns the ones shortlisted now. */
    List<UUID> shortlistAll(long queryId, AccountView journalist, Collection<UUID> publicIds) {
        return chosen(queryId, journalist, publicIds).stream().filter(pitch -> !pitch.isUsed())
                .filter(pitch -> shortlist(pitch, journalist)).map(Pitch::getPublicId).toList();
    }

    /**
     * Declines a whole cluster of near-identical pitches to one of the journalist's queries, named by any of its
     * pitches (pitches marked as used stay used); returns the ones declined now.
     */
    List<UUID> declineCluster(long queryId, AccountView journalist, UUID member, String reason) {
        List<UUID> cluster = jdbc.sql("""
                select p.public_id from pitch p
                where p.query_id = :query and p.cluster_id = (select c.cluster_id from pitch c
                                                              where c.public_id = :member and c.query_id = :query)""")
                .param("query", queryId).param("member", member).query(UUID.class).list();
        return declineAll(queryId, journalist, cluster, reason);
    }

    /** The chosen pitches of the journalist's own query, their rows locked in id order. */
    private List<Pitch> chosen(long queryId, AccountView journalist, Collection<UUID> publicIds) {
        QueryView query = queries.find(queryId).orElseThrow(PitchNotFoundException::new);
        if (!isJournalistOf(query, journalist)) {
            throw new PitchNotFoundException();
        }
        return publicIds.isEmpty() ? List.of() : pitches.findForUpdate(queryId, publicIds);
    }

    void markUsed(UUID publicId, AccountView journalist, String articleUrl) {
        Pitch pitch = decidable(publicId, journalist);
        boolean moved = pitch.markUsed(clean(articleUrl), clock.instant());
        pitches.save(pitch);
        if (moved) {
            tellSource(pitch, "used", null, java.time.Duration.ZERO);
        }
    }

    /**
     * Takes back the journalist's last shortlist or decline of these pitches of their query, where it is still within
     * the undo window and nothing has changed the pitch since: the pitch is as it was, and the source's mail about it,
     * still held by the outbox, is withdrawn. Returns the pitches restored.
     */
    List<UUID> undo(long queryId, AccountView journalist, Collection<UUID> publicIds) {
        List<UUID> restored = new java.util.ArrayList<>();
        for (Pitch pitch : chosen(queryId, journalist, publicIds)) {
            record Undo(PitchStatus previous, String reason, Instant changedAt, Long mail, PitchStatus decided) {
            }
            Optional<Undo> undo = jdbc.sql("""
                    delete from pitch_undo where pitch_id = :pitch and journalist_id = :journalist and expires_at > :now
                    returning previous_status, previous_reason, previous_changed_at, mail_id, decided_status""")
                    .param("pitch", pitch.getId()).param("journalist", journalist.id())
                    .param("now", Timestamp.from(clock.instant()))
                    .query((rs, n) -> new Undo(PitchStatus.valueOf(rs.getString(1)), rs.getString(2),
                            rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(),
                            (Long) rs.getObject(4), PitchStatus.valueOf(rs.getString(5))))
                    .optional();
            if (undo.isEmpty() || undo.get().decided() != pitch.getStatus()) {
                continue;
            }
            if (undo.get().mail() != null && !outbox.cancel(undo.get().mail())) {
                // The source has been told already: what they were told stands.
                continue;
            }
            pitch.restore(undo.get().previous(), undo.get().reason(), undo.get().changedAt(), clock.instant());
            pitches.save(pitch);
            jdbc.sql("""
                    delete from pitch_status_change where id = (select max(id) from pitch_status_change
                                                                where pitch_id = :pitch and status = :decided)""")
                    .param("pitch", pitch.getId()).param("decided", undo.get().decided().name()).update();
            restored.add(pitch.getPublicId());
        }
        return restored;
    }

    /** Forgets decisions that can no longer be taken back; returns how many. */
    int forgetExpiredUndos() {
        return jdbc.sql("delete from pitch_undo where expires_at <= :now")
                .param("now", Timestamp.from(clock.instant())).update();
    }

    /** What a pitch was before a decision, to take the decision back. */
    private record Decided(PitchStatus status, String reason, Instant changedAt) {

        static Decided before(Pitch pitch) {
            return new Decided(pitch.getStatus(), pitch.getDeclineReason(), pitch.getStatusChangedAt());
        }
    }

    private void remember(Pitch pitch, Decided before, AccountView journalist, Long mail) {
        Instant now = clock.instant();
        jdbc.sql("""
                insert into pitch_undo (pitch_id, journalist_id, previous_status, previous_reason, previous_changed_at,
                                        mail_id, decided_status, expires_at)
                values (:pitch, :journalist, :status, :reason, :changedAt, :mail, :decided, :expires)
                on conflict (pitch_id) do update set journalist_id = excluded.journalist_id,
                    previous_status = excluded.previous_status, previous_reason = excluded.previous_reason,
                    previous_changed_at = excluded.previous_changed_at, mail_id = excluded.mail_id,
                    decided_status = excluded.decided_status, expires_at = excluded.expires_at""")
                .param("pitch", pitch.getId()).param("journalist", journalist.id())
                .param("status", before.status().name()).param("reason", before.reason())
                .param("changedAt", before.changedAt() == null ? null : Timestamp.from(before.changedAt()))
                .param("mail", mail).param("decided", pitch.getStatus().name())
                .param("expires", Timestamp.from(now.plus(properties.undoWindow())))
                .update();
    }

    void report(UUID publicId, AccountView journalist, ReportReason reason, String note) {
        Pitch pitch = journalistPitch(publicId, journalist).orElseThrow(PitchNotFoundException::new);
        int added = jdbc.sql("""
                insert into pitch_report (pitch_id, reporter_id, reason, note, created_at)
                values (:pitch, :reporter, :reason, :note, :now) on conflict (pitch_id, reporter_id) do nothing""")
                .param("pitch", pitch.getId()).param("reporter", journalist.id()).param("reason", reason.name())
                .param("note", clean(note)).param("now", Timestamp.from(clock.instant())).update();
        if (added == 0) {
            throw new PitchRuleException(null, "You have already reported this pitch. A moderator will look at it.");
        }
    }

    /** The inbox card of one pitch, for redrawing it after an action. */
    @Transactional(readOnly = true)
    PitchViews.Card card(PitchViews.Detail pitch) {
        boolean reported = jdbc.sql("select exists (select 1 from pitch_report where pitch_id = :id)")
                .param("id", pitch.id()).query(Boolean.class).single();
        return new PitchViews.Card(pitch.publicId(), pitch.status(), pitch.source(),
                (int) pitch.answers().stream().filter(answer -> !answer.isBlank()).count(), pitch.wordCount(),
                pitch.submittedAt(), pitch.declineReason(), pitch.articleUrl(), reported, pitch.score(), pitch.flagged(),
                pitch.reasons(), similarTo(pitch.id()));
    }

    /** How many other pitches to the same query are in this pitch's cluster. */
    private int similarTo(long pitchId) {
        return jdbc.sql("""
                select count(*) from pitch o join pitch p on p.id = :id
                where o.query_id = p.query_id and o.cluster_id = p.cluster_id and o.id <> p.id""")
                .param("id", pitchId).query(Integer.class).single();
    }

    // --- both sides ----------------------------------------------------------------------------------------------

    /** The pitch for its source, its query's journalist, or an admin; empty for anyone else. */
    @Transactional(readOnly = true)
    Optional<PitchViews.Detail> read(UUID publicId, AccountView reader) {
        Optional<Pitch> found = pitches.findByPublicId(publicId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Pitch pitch = found.get();
        QueryView query = queries.find(pitch.getQueryId()).orElseThrow();
        if (reader.isAdmin() || isJournalistOf(query, reader)) {
            return Optional.of(detail(pitch, query));
        }
        if (reader.isSource() && isSourceOf(pitch, reader)) {
            return Optional.of(detail(pitch, query.forSource()));
        }
        return Optional.empty();
    }

    /**
     * A follow-up message; the other side gets an e-mail that shows neither address. The form's one-time
     * {@code submissionKey} makes a re-sent form (a double click, a repeated request) a no-op: one message, one mail.
     */
    void write(UUID publicId, AccountView author, String body, UUID submissionKey) {
        // The pitch's row lock puts its messages in a line: a re-sent form finds the message it made, and a source's
        // two messages at once cannot both pass the "wait for a reply" rule. The unique key is the backstop.
        Pitch pitch = pitches.findForUpdate(publicId).orElseThrow(PitchNotFoundException::new);
        QueryView query = queries.find(pitch.getQueryId()).orElseThrow();
        boolean fromSource;
        if (isJournalistOf(query, author)) {
            fromSource = false;
        }
        else if (author.isSource() && isSourceOf(pitch, author)) {
            fromSource = true;
        }
        else {
            throw new PitchNotFoundException();
        }
        boolean sent = jdbc.sql("select exists (select 1 from pitch_message where pitch_id = :pitch and submission_key = :key)")
                .param("pitch", pitch.getId()).param("key", submissionKey).query(Boolean.class).single();
        if (sent) {
            return;
        }
        if (fromSource) {
            Boolean lastFromSource = jdbc.sql("""
                    select from_source from pitch_message where pitch_id = :pitch order by created_at desc, id desc limit 1""")
                    .param("pitch", pitch.getId()).query(Boolean.class).optional().orElse(false);
            if (lastFromSource) {
                throw new PitchRuleException("body", "Wait for the journalist's reply before you write again.");
            }
        }
        int added = jdbc.sql("""
                insert into pitch_message (pitch_id, from_source, author_id, body, created_at, submission_key)
                values (:pitch, :fromSource, :author, :body, :now, :key)
                on conflict (pitch_id, submission_key) do nothing""")
                .param("pitch", pitch.getId()).param("fromSource", fromSource).param("author", author.id())
                .param("body", body.strip()).param("now", Timestamp.from(clock.instant())).param("key", submissionKey)
                .update();
        if (added == 0) {
            return;
        }
        String link = urls.link("/pitches/" + publicId);
        if (fromSource) {
            ProfileView source = sources.findAll(List.of(pitch.getSourceId())).get(pitch.getSourceId());
            accounts.find(query.journalistId()).ifPresent(journalist -> outbox.queue(new Email(journalist.email(),
                    source.name() + " replied about \"" + query.headline() + "\"", "mail/pitch-message",
                    Map.of("name", journalist.displayName(), "from", source.name(), "headline", query.headline(),
                            "body", body.strip(), "link", link))));
        }
        else {
            QueryView seen = query.forSource();
            String from = seen.anonymous() ? seen.byline() : query.journalistName();
            sourceAccount(pitch).ifPresent(source -> outbox.queue(new Email(source.email(),
                    "A message about your pitch: " + query.headline(), "mail/pitch-message",
                    Map.of("name", source.displayName(), "from", from, "headline", query.headline(),
                            "body", body.strip(), "link", link))));
        }
    }

    // --- jobs ----------------------------------------------------------------------------------------------------

    /**
     * Queues today's summary of new pitches for every journalist who has any and has not opted out; a journalist
     * gets at most one a day, however many instances run the job. Returns how many were queued.
     */
    int sendDailySummaries() {
        Instant now = clock.instant();
        record Line(long journalistId, long queryId, String headline, long count, long flagged) {
        }
        // Screened pitches only: one still being screened is counted in tomorrow's summary.
        List<Line> lines = jdbc.sql("""
                select q.journalist_id, q.id, q.headline, count(*), count(*) filter (where p.flagged)
                from pitch p join journalist_query q on q.id = p.query_id
                where p.submitted_at > :since and q.status = 'PUBLISHED' and p.score is not null
                  and not exists (select 1 from pitch_summary_opt_out o where o.account_id = q.journalist_id)
                group by q.journalist_id, q.id, q.headline order by q.journalist_id, q.id""")
                .param("since", Timestamp.from(now.minus(java.time.Duration.ofDays(1))))
                .query((rs, n) -> new Line(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getLong(5)))
                .list();
        Map<Long, List<Line>> byJournalist = lines.stream().collect(Collectors.groupingBy(Line::journalistId,
                java.util.LinkedHashMap::new, Collectors.toList()));
        Map<Long, AccountView> journalists = accounts.findAll(byJournalist.keySet());
        int sent = 0;
        for (Map.Entry<Long, List<Line>> entry : byJournalist.entrySet()) {
            int claimed = jdbc.sql("""
                    insert into pitch_summary_sent (journalist_id, day, sent_at) values (:journalist, :day, :now)
                    on conflict do nothing""")
                    .param("journalist", entry.getKey()).param("day", java.sql.Date.valueOf(now.atZone(java.time.ZoneOffset.UTC).toLocalDate()))
                    .param("now", Timestamp.from(now)).update();
            AccountView journalist = journalists.get(entry.getKey());
            if (claimed == 0 || journalist == null) {
                continue;
            }
            List<Map<String, Object>> items = entry.getValue().stream().map(line -> Map.<String, Object>of(
                    "headline", line.headline(), "count", line.count(), "flagged", line.flagged(),
                    "link", urls.link("/queries/" + line.queryId() + "/pitches"))).toList();
            long total = entry.getValue().stream().mapToLong(Line::count).sum();
            outbox.queue(new Email(journalist.email(), total + (total == 1 ? " new pitch" : " new pitches")
                    + " on your Sourcewire queries", "mail/pitch-summary",
                    Map.of("name", journalist.displayName(), "items", items, "settings", urls.link("/pitches/settings"))));
            sent++;
        }
        return sent;
    }

    @Transactional(readOnly = true)
    boolean wantsDailySummary(long accountId) {
        return !jdbc.sql("select exists (select 1 from pitch_summary_opt_out where account_id = :id)")
                .param("id", accountId).query(Boolean.class).single();
    }

    void setDailySummary(long accountId, boolean wanted) {
        if (wanted) {
            jdbc.sql("delete from pitch_summary_opt_out where account_id = :id").param("id", accountId).update();
        }
        else {
            jdbc.sql("insert into pitch_summary_opt_out (account_id) values (:id) on conflict do nothing")
                    .param("id", accountId).update();
        }
    }

    int maxWords() {
        return properties.maxWords();
    }

    // --- screening and quotas ------------------------------------------------------------------------------------

    /** The checks a pitch would get, for the form's pre-flight hints; nothing is stored. */
    @Transactional(readOnly = true)
    PitchScreening.Verdict preflight(QueryView query, AccountView source, PitchDraft draft, UUID editing) {
        long sourceId = sources.findByAccount(source.id()).map(ProfileView::id).orElse(-1L);
        Long pitchId = editing == null ? null : pitches.findByPublicId(editing).map(Pitch::getId).orElse(null);
        PitchScreening screener = screening.getIfAvailable();
        return screener == null ? PitchScreening.Verdict.none()
                : screener.screen(screeningDraft(pitchId, query, sourceId, draft));
    }

    /**
     * A stored pitch as screening reads it, its row locked until the caller's transaction ends (so the source cannot
     * change it half-way); empty if it was withdrawn.
     */
    public Optional<PitchScreening.Draft> lockForScreening(long pitchId) {
        return pitches.findById(pitchId).map(pitch -> {
            pitches.lockAndRefresh(pitch);
            QueryView query = queries.find(pitch.getQueryId()).orElseThrow();
            return screeningDraft(pitch.getId(), query, pitch.getSourceId(),
                    new PitchDraft(pitch.getAnswers(), pitch.getWhyMe(), true));
        });
    }

    /** Stores screening's verdict on a pitch (and the signals it came from), in the caller's transaction. */
    public void recordVerdict(long pitchId, PitchScreening.Verdict verdict) {
        jdbc.sql("""
                update pitch set score = :score, flagged = :flagged, reasons = cast(:reasons as jsonb),
                                 signals = cast(:signals as jsonb), screened_at = clock_timestamp()
                where id = :id""")
                .param("score", verdict.score()).param("flagged", verdict.flagged())
                .param("reasons", json.writeValueAsString(verdict.reasons()))
                .param("signals", json.writeValueAsString(verdict.signals())).param("id", pitchId).update();
    }

    /**
     * Puts a pitch in one cluster with the earlier pitches it copies or rewords, and with their clusters (merged when
     * it bridges two): every member carries the smallest member's id.
     */
    public void cluster(long pitchId, Collection<Long> similar) {
        jdbc.sql("""
                with members as (select id, coalesce(cluster_id, id) as cluster from pitch where id in (:ids)),
                     joined as (select min(cluster) as cluster from members),
                     affected as (select id from members
                                  union select p.id from pitch p where p.cluster_id in (select cluster from members))
                update pitch set cluster_id = (select cluster from joined)
                where id in (select id from affected) and cluster_id is distinct from (select cluster from joined)""")
                .param("ids", java.util.stream.Stream.concat(similar.stream(), java.util.stream.Stream.of(pitchId)).toList())
                .update();
    }

    /** Flags pitches screening found out later (e.g. one of a template's copies), with the reason why. */
    public void flag(Collection<Long> pitchIds, PitchScreening.Reason reason) {
        jdbc.sql("""
                update pitch set flagged = true, reasons = reasons || cast(:reason as jsonb)
                where id in (:ids) and not flagged""")
                .param("ids", pitchIds).param("reason", json.writeValueAsString(List.of(reason))).update();
    }

    private java.util.Map<String, Double> signals(String stored) {
        if (stored == null || stored.isBlank()) {
            return java.util.Map.of();
        }
        java.util.Map<String, Double> signals = new java.util.LinkedHashMap<>();
        json.readTree(stored).properties().forEach(entry -> signals.put(entry.getKey(), entry.getValue().asDouble()));
        return signals;
    }

    private static PitchScreening.Draft screeningDraft(Long pitchId, QueryView query, long sourceId, PitchDraft draft) {
        return new PitchScreening.Draft(pitchId, query.id(), sourceId, query.headline(), query.questions(),
                query.requirements(), draft.answers().stream().map(answer -> answer == null ? "" : answer).toList(),
                draft.whyMe());
    }

    List<PitchScreening.Reason> reasons(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return List.of(json.readValue(stored, PitchScreening.Reason[].class));
    }

    /** What the source has sent: its pitch to this query, if any, and its counts against its plan's quota. */
    private record Standing(UUID earlierPitch, UUID earlierKey, Plan plan, long day, long month) {
    }

    /** The source's {@link Standing}, in one statement. */
    private Standing standing(AccountView source, long sourceId, long queryId) {
        Instant now = clock.instant();
        return jdbc.sql("""
                select (select public_id from pitch where query_id = :query and source_id = :source),
                       (select submission_key from pitch where query_id = :query and source_id = :source),
                       (select plan from source_plan where account_id = :account),
                       count(*) filter (where submitted_at > :day), count(*)
                from pitch where source_id = :source and submitted_at > :month""")
                .param("query", queryId).param("account", source.id()).param("source", sourceId)
                .param("day", Timestamp.from(now.minus(java.time.Duration.ofDays(1))))
                .param("month", Timestamp.from(now.minus(java.time.Duration.ofDays(30))))
                .query((rs, n) -> new Standing(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3) == null ? Plan.FREE : Plan.valueOf(rs.getString(3)), rs.getLong(4),
                        rs.getLong(5))).single();
    }

    /** Pitches per day and per month from the source's plan, counted in the database (right with many instances). */
    private void checkQuota(Standing sent) {
        Plan plan = sent.plan();
        PitchesProperties.Quota quota = properties.quota(plan);
        if (sent.day() >= quota.perDay()) {
            throw new PitchRuleException(null, "You have sent " + sent.day() + " pitches in the last 24 hours, the most the "
                    + plan.label() + " plan allows. Pick the queries where you are the best source; you can pitch again tomorrow.");
        }
        if (sent.month() >= quota.perMonth()) {
            throw new PitchRuleException(null, "You have sent " + sent.month() + " pitches in the last 30 days, the most the "
                    + plan.label() + " plan allows.");
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /**
     * Declines a pitch read with its row locked; the source is told once, and only when given a reason. Returns whether
     * the status changed.
     */
    private boolean decline(Pitch pitch, AccountView journalist, String reason) {
        Decided before = Decided.before(pitch);
        boolean moved = pitch.decline(clean(reason), clock.instant());
        pitches.save(pitch);
        if (moved) {
            remember(pitch, before, journalist,
                    clean(reason) == null ? null : tellSource(pitch, "declined", clean(reason), properties.undoWindow()));
        }
        return moved;
    }

    /**
     * Mails the source about a decision, held back for {@code hold} (the undo window, and a moment more, so a decision
     * taken back at the last second is never half-sent); returns the mail's id, or null when nobody is told.
     */
    private Long tellSource(Pitch pitch, String what, String reason, java.time.Duration hold) {
        QueryView query = queries.find(pitch.getQueryId()).orElseThrow().forSource();
        return sourceAccount(pitch).map(source -> {
            Map<String, Object> model = new java.util.HashMap<>(Map.of("name", source.displayName(), "what", what,
                    "headline", query.headline(), "byline", query.byline(), "link", urls.link("/pitches/" + pitch.getPublicId())));
            if (reason != null) {
                model.put("reason", reason);
            }
            return outbox.queue(new Email(source.email(), "Your pitch was " + what + ": " + query.headline(),
                    "mail/pitch-status", model), hold.isZero() ? hold : hold.plusSeconds(5));
        }).orElse(null);
    }

    private Optional<AccountView> sourceAccount(Pitch pitch) {
        ProfileView profile = sources.findAll(List.of(pitch.getSourceId())).get(pitch.getSourceId());
        return profile == null ? Optional.empty() : accounts.find(profile.accountId());
    }

    private PitchViews.Detail detail(Pitch pitch, QueryView query) {
        ProfileView source = sources.findAll(List.of(pitch.getSourceId())).get(pitch.getSourceId());
        List<String> answers = pitch.getAnswers();
        List<PitchViews.Answer> pairs = IntStream.range(0, query.questions().size())
                .mapToObj(i -> new PitchViews.Answer(query.questions().get(i), i < answers.size() ? answers.get(i) : ""))
                .toList();
        String journalistLabel = query.anonymous() && query.journalistName() == null ? query.byline()
                : (query.journalistName() == null ? "The journalist" : query.journalistName());
        List<PitchViews.Message> messages = jdbc.sql("""
                select from_source, body, created_at from pitch_message where pitch_id = :pitch order by created_at, id""")
                .param("pitch", pitch.getId())
                .query((rs, n) -> new PitchViews.Message(rs.getBoolean(1), rs.getBoolean(1) ? source.name() : journalistLabel,
                        rs.getString(2), rs.getTimestamp(3).toInstant())).list();
        return jdbc.sql("""
                select why_me, word_count, submitted_at, viewed_at, decline_reason, article_url, score, flagged, reasons::text
                from pitch where id = :id""")
                .param("id", pitch.getId())
                .query((rs, n) -> new PitchViews.Detail(pitch.getId(), pitch.getPublicId(), pitch.getStatus(), query, source,
                        pairs, rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6),
                        messages, (Integer) rs.getObject(7), rs.getBoolean(8), reasons(rs.getString(9)))).single();
    }

    /** All answers in one statement (position = order in the list, from 0). */
    private void insertAnswers(long pitchId, List<String> answers) {
        jdbc.sql("insert into pitch_answer (pitch_id, position, answer) select :pitch, t.n - 1, t.answer "
                + "from unnest(cast(:answers as text[])) with ordinality as t(answer, n)")
                .param("pitch", pitchId).param("answers", answers(answers)).update();
    }

    /** All answers as one text[] parameter (one statement for all of them). */
    private static SqlTypeValue answers(List<String> answers) {
        return SqlArrays.text(answers.stream().map(answer -> answer == null ? "" : answer.strip()).toArray(String[]::new));
    }

    private void checkSource(AccountView source) {
        if (!source.isSource()) {
            throw new PitchRuleException(null, "Only sources can pitch.");
        }
        if (source.suspended()) {
            throw new PitchRuleException(null, "Your account is suspended, so you cannot pitch.");
        }
        if (!source.verified()) {
            throw new PitchRuleException(null, "Confirm your e-mail address before you pitch. We sent you a link.");
        }
    }

    private void checkOpen(QueryView query) {
        if (query.status() != QueryStatus.PUBLISHED) {
            throw new PitchRuleException(null, "This query is closed and takes no more pitches.");
        }
        if (query.deadline() != null && !query.deadline().isAfter(clock.instant())) {
            throw new PitchRuleException(null, "The deadline of this query has passed.");
        }
        // A query at its cap is closed by the pitch that reached it; submit() counts again under the query's lock.
    }

    private void checkDraft(QueryView query, PitchDraft draft) {
        if (draft.answers().size() != query.questions().size()) {
            throw new PitchRuleException(null, "The query's questions have changed. Reload the page and try again.");
        }
        if (draft.answers().stream().allMatch(answer -> answer == null || answer.isBlank())) {
            throw new PitchRuleException("answers", "Answer at least one question.");
        }
        if (draft.words() > properties.maxWords()) {
            throw new PitchRuleException("answers", "Your pitch has " + draft.words() + " words; the limit is "
                    + properties.maxWords() + ". 150–200 words works best.");
        }
        if (hasRequirements(query) && !draft.confirmsRequirements()) {
            throw new PitchRuleException("confirmsRequirements", "Confirm that you meet the journalist's requirements, "
                    + "or do not pitch this query.");
        }
    }

    static boolean hasRequirements(QueryView query) {
        return query.requiredCredential() != null || query.region() != null || query.firstHandOnly();
    }

    /** The source's own pitch, its row locked for a change. */
    private Pitch ownPitch(UUID publicId, AccountView source) {
        Pitch pitch = pitches.findForUpdate(publicId).orElseThrow(PitchNotFoundException::new);
        if (!source.isSource() || !isSourceOf(pitch, source)) {
            throw new PitchNotFoundException();
        }
        return pitch;
    }

    private Optional<Pitch> journalistPitch(UUID publicId, AccountView journalist) {
        return pitches.findByPublicId(publicId).filter(pitch -> isJournalistOf(pitch, journalist));
    }

    /** A pitch for its query's journalist to decide on, its row locked until the decision is stored. */
    private Pitch decidable(UUID publicId, AccountView journalist) {
        return pitches.findForUpdate(publicId).filter(pitch -> isJournalistOf(pitch, journalist))
                .orElseThrow(PitchNotFoundException::new);
    }

    private boolean isJournalistOf(Pitch pitch, AccountView journalist) {
        return queries.find(pitch.getQueryId()).map(query -> isJournalistOf(query, journalist)).orElse(false);
    }

    /** A query whose inbox the reader may read: their own, or any for an admin. Decisions stay with its journalist. */
    QueryView ownQuery(long queryId, AccountView journalist) {
        QueryView query = queries.find(queryId).orElseThrow(PitchNotFoundException::new);
        if (!isJournalistOf(query, journalist) && !journalist.isAdmin()) {
            throw new PitchNotFoundException();
        }
        return query;
    }

    private boolean isSourceOf(Pitch pitch, AccountView source) {
        return sources.findByAccount(source.id()).map(profile -> profile.id() == pitch.getSourceId()).orElse(false);
    }

    private static boolean isJournalistOf(QueryView query, AccountView account) {
        return account.isJournalist() && query.journalistId() != null && query.journalistId() == account.id();
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static Set<String> declineReasons() {
        return Set.copyOf(DECLINE_REASONS);
    }
}
