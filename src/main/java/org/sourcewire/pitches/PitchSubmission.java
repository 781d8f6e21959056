package org.sourcewire.pitches;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.sourcewire.accounts.AccountView;
import org.sourcewire.queries.QueryManagement;
import org.sourcewire.queries.QueryStatus;
import org.sourcewire.queries.QueryView;
import org.sourcewire.infrastructure.PlainRead;
import org.sourcewire.shared.RuleException;
import org.sourcewire.shared.SqlArrays;
import org.sourcewire.sources.ProfileView;
import org.sourcewire.sources.SourceManagement;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The source's side: the pitch form's rules and quota, sending, editing and withdrawing a pitch, "my pitches". */
@Service
@Transactional
class PitchSubmission {

    private final Pitches pitches;
    private final QueryManagement queries;
    private final SourceManagement sources;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final PitchesProperties properties;
    private final Clock clock;
    private final ObjectProvider<PitchScreening> screening;
    private final PitchAccess access;
    private final PitchAttributions attributions;

    PitchSubmission(Pitches pitches, QueryManagement queries, SourceManagement sources, JdbcClient jdbc,
            ApplicationEventPublisher events, PitchesProperties properties, Clock clock,
            ObjectProvider<PitchScreening> screening, PitchAccess access, PitchAttributions attributions) {
        this.attributions = attributions;
        this.pitches = pitches;
        this.queries = queries;
        this.sources = sources;
        this.jdbc = jdbc;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        this.screening = screening;
        this.access = access;
    }

    /** The query as the source sees it, if it is one they may pitch now; otherwise the reason, as a rule exception. */
    @PlainRead
    QueryView pitchable(long queryId, AccountView source) {
        QueryView query = queries.find(queryId).filter(QueryView::isVisibleToSources)
                .orElseThrow(PitchNotFoundException::new);
        checkOpen(query);
        checkSource(source);
        return query.forSource();
    }

    /** A query a source may read (published, closed or expired), as sources see it. */
    @PlainRead
    QueryView visibleToSource(long queryId) {
        return queries.find(queryId).filter(QueryView::isVisibleToSources).map(QueryView::forSource)
                .orElseThrow(PitchNotFoundException::new);
    }

    /** The source's pitch to this query, if there is one. */
    @PlainRead
    Optional<UUID> existing(long queryId, long sourceId) {
        return jdbc.sql("select public_id from pitch where query_id = :query and source_id = :source")
                .param("query", queryId).param("source", sourceId).query(UUID.class).optional();
    }

    /**
     * Sends a pitch to a query the caller has just read ({@link #pitchable}): the query is not read again. A query
     * without a pitch cap takes the pitch on what the caller read a moment ago; a capped one is locked and its status
     * read again, so its pitches are counted one at a time. The same {@code submissionKey} again finds the pitch it
     * made.
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
                .filter(QueryView::isVisibleToSources).orElseThrow(PitchNotFoundException::new);
        Standing standing = standing(source, profile.id(), queryId);
        if (standing.earlierPitch() != null) {
            if (standing.earlierKey().equals(submissionKey)) {
                return standing.earlierPitch();
            }
            throw new RuleException(null, "pitches.rule.already-pitched");
        }
        checkOpen(query);
        checkDraft(query, draft);
        checkQuota(standing);
        int count = capped ? jdbc.sql("select count(*) from pitch where query_id = :query").param("query", queryId)
                .query(Integer.class).single() : 0;
        if (capped && count >= query.pitchCap()) {
            throw new RuleException(null, "pitches.rule.cap-reached");
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
        if (draft.writtenBy() != null) {
            attributions.store(id, draft.writtenBy());
        }
        events.publishEvent(new PitchSubmitted(id, queryId, profile.id()));
        if (capped && count + 1 >= query.pitchCap()) {
            queries.closeAtCap(queryId);
        }
        return publicId;
    }

    void edit(UUID publicId, AccountView source, PitchDraft draft) {
        Pitch pitch = access.ownPitch(publicId, source);
        QueryView query = queries.find(pitch.getQueryId()).orElseThrow(PitchNotFoundException::new);
        if (!pitch.isEditable()) {
            throw new RuleException(null, "pitches.rule.opened-cannot-change");
        }
        checkOpen(query);
        checkDraft(query, draft);
        pitch.edit(draft.answers().stream().map(answer -> answer == null ? "" : answer.strip()).toList(),
                clean(draft.whyMe()), draft.words(), clock.instant());
        pitches.saveAndFlush(pitch);
        attributions.store(pitch.getId(), draft.writtenBy());
        // Screened again from PitchEdited; the old verdict no longer holds.
        jdbc.sql("update pitch set score = null, flagged = false, reasons = '[]'::jsonb, screened_at = null where id = :id")
                .param("id", pitch.getId()).update();
        events.publishEvent(new PitchEdited(pitch.getId()));
    }

    void withdraw(UUID publicId, AccountView source) {
        Pitch pitch = access.ownPitch(publicId, source);
        if (!pitch.isEditable()) {
            throw new RuleException(null, "pitches.rule.opened-cannot-withdraw");
        }
        pitches.delete(pitch);
    }

    @Transactional(readOnly = true)
    Page<PitchViews.Mine> mine(AccountView source, PitchStatus status, Pageable page) {
        Optional<ProfileView> profile = sources.findByAccount(source.id());
        if (profile.isEmpty()) {
            return Page.empty(page);
        }
        // A decision the journalist can still take back has not reached the source: the status as it was before.
        String seen = "coalesce((select u.previous_status from pitch_undo u where u.pitch_id = p.id and u.expires_at > :now"
                + " and u.decided_status = p.status), p.status)";
        String filter = status == null ? "" : " and " + seen + " = :status";
        java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
        var select = jdbc.sql("select p.public_id, " + seen + """
                , p.query_id, q.headline, p.submitted_at, q.deadline, q.time_zone
                from pitch p join journalist_query q on q.id = p.query_id
                where p.source_id = :source""" + filter + " order by p.submitted_at desc, p.id desc limit :limit offset :offset")
                .param("source", profile.get().id()).param("limit", page.getPageSize()).param("offset", page.getOffset())
                .param("now", now);
        var count = jdbc.sql("select count(*) from pitch p where p.source_id = :source" + filter)
                .param("source", profile.get().id());
        if (status != null) {
            count = count.param("now", now);
        }
        if (status != null) {
            select = select.param("status", status.name());
            count = count.param("status", status.name());
        }
        List<PitchViews.Mine> rows = select.query((rs, n) -> new PitchViews.Mine(rs.getObject(1, UUID.class),
                PitchStatus.valueOf(rs.getString(2)), rs.getLong(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
                rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getString(7))).list();
        return new PageImpl<>(rows, page, count.query(Long.class).single());
    }

    int maxWords() {
        return properties.maxWords();
    }

    /** The checks a pitch would get, for the form's pre-flight hints; nothing is stored. */
    @Transactional(readOnly = true)
    /**
     * What screening says of a draft, or null for a draft sending would refuse for its size: screening reads every
     * word, so an oversized draft would cost seconds of CPU per keystroke, and its tips could not help anyway.
     */
    PitchScreening.Verdict preflight(QueryView query, AccountView source, PitchDraft draft, UUID editing) {
        if (draft.words() > properties.maxWords() || !withinLength(draft)) {
            return null;
        }
        long sourceId = sources.findByAccount(source.id()).map(ProfileView::id).orElse(-1L);
        Long pitchId = editing == null ? null : pitches.findByPublicId(editing).map(Pitch::getId).orElse(null);
        PitchScreening screener = screening.getIfAvailable();
        return screener == null ? PitchScreening.Verdict.none()
                : screener.screen(screeningDraft(pitchId, query, sourceId, draft));
    }

    static PitchScreening.Draft screeningDraft(Long pitchId, QueryView query, long sourceId, PitchDraft draft) {
        return new PitchScreening.Draft(pitchId, query.id(), sourceId, query.headline(), query.questions(),
                query.requirements(), draft.answers().stream().map(answer -> answer == null ? "" : answer).toList(),
                draft.whyMe());
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
            throw new RuleException(null, "pitches.rule.day-quota", sent.day(), planName(plan));
        }
        if (sent.month() >= quota.perMonth()) {
            throw new RuleException(null, "pitches.rule.month-quota", sent.month(), planName(plan));
        }
    }

    /** The plan's name in the refusal's words, resolved with them. */
    private static MessageSourceResolvable planName(Plan plan) {
        return new DefaultMessageSourceResolvable(plan.labelKey());
    }

    /** All answers as one text[] parameter (one statement for all of them). */
    private static SqlTypeValue answers(List<String> answers) {
        return SqlArrays.text(answers.stream().map(answer -> answer == null ? "" : answer.strip()).toArray(String[]::new));
    }

    private void checkSource(AccountView source) {
        if (!source.isSource()) {
            throw new RuleException(null, "pitches.rule.only-sources");
        }
        if (source.suspended()) {
            throw new RuleException(null, "pitches.rule.suspended");
        }
        if (!source.verified()) {
            throw new RuleException(null, "pitches.rule.unverified");
        }
    }

    private void checkOpen(QueryView query) {
        if (query.status() != QueryStatus.PUBLISHED) {
            throw new RuleException(null, "pitches.rule.query-closed");
        }
        if (query.deadline() != null && !query.deadline().isAfter(clock.instant())) {
            throw new RuleException(null, "pitches.rule.deadline-passed");
        }
        // A query at its cap is closed by the pitch that reached it; submit() counts again under the query's lock.
    }

    void checkDraft(QueryView query, PitchDraft draft) {
        if (draft.answers().size() != query.questions().size()) {
            throw new RuleException(null, "pitches.rule.questions-changed");
        }
        if (draft.answers().stream().allMatch(answer -> answer == null || answer.isBlank())) {
            throw new RuleException("answers", "pitches.rule.answer-required");
        }
        if (draft.words() > properties.maxWords()) {
            throw new RuleException("answers", "pitches.rule.too-many-words", draft.words(), properties.maxWords());
        }
        if (!withinLength(draft)) {
            throw new RuleException("answers", "pitches.rule.answer-too-long");
        }
        if (hasRequirements(query) && !draft.confirmsRequirements()) {
            throw new RuleException("confirmsRequirements", "pitches.rule.requirements-unconfirmed");
        }
    }

    /** Each answer within {@link PitchForm#MAX_ANSWER_LENGTH} characters (a "word" may be long; screening reads it all). */
    private static boolean withinLength(PitchDraft draft) {
        return draft.answers().stream().allMatch(answer -> answer == null || answer.length() <= PitchForm.MAX_ANSWER_LENGTH)
                && (draft.whyMe() == null || draft.whyMe().length() <= PitchForm.MAX_ANSWER_LENGTH);
    }

    static boolean hasRequirements(QueryView query) {
        return query.requiredCredential() != null || query.region() != null || query.firstHandOnly();
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
