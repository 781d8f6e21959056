package org.sourcewire.queries;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountSuspended;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.audit.Actor;
import org.sourcewire.audit.AuditLog;
import org.sourcewire.mail.Email;
import org.sourcewire.mail.Outbox;
import org.sourcewire.shared.RuleException;
import org.sourcewire.shared.SiteUrls;
import org.sourcewire.topics.TopicCatalog;
import org.sourcewire.topics.TopicMerged;
import org.sourcewire.topics.TopicUsage;
import org.sourcewire.topics.TopicView;
import org.sourcewire.infrastructure.PlainRead;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Journalists' queries from draft to close, and the review decisions admins make on them. */
@Service
@Transactional
public class QueryManagement implements TopicUsage.Queries {

    static final String AUTO_APPROVE = "auto-approve-verified-outlets";

    private final Queries queries;
    private final AccountManagement accounts;
    private final TopicCatalog topics;
    private final AuditLog audit;
    private final Outbox outbox;
    private final SiteUrls urls;
    private final JdbcClient jdbc;
    private final Clock clock;

    QueryManagement(Queries queries, AccountManagement accounts, TopicCatalog topics, AuditLog audit, Outbox outbox,
            SiteUrls urls, JdbcClient jdbc, Clock clock) {
        this.queries = queries;
        this.accounts = accounts;
        this.topics = topics;
        this.audit = audit;
        this.outbox = outbox;
        this.urls = urls;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // --- journalists ---------------------------------------------------------------------------------------------

    /**
     * A new draft from a form with the one-time {@code submissionKey}: the same form sent again (a double click)
     * finds the query the first one made instead of making another.
     */
    Saved createDraft(AccountView journalist, QueryDetails details, UUID submissionKey) {
        checkChoices(journalist, details);
        Optional<Long> earlier = madeBy(journalist.id(), submissionKey);
        return earlier.map(id -> new Saved(id, true)).orElseGet(() -> new Saved(
                queries.save(new Query(journalist.id(), details, clock.instant(), submissionKey)).getId(), false));
    }

    /** A query a form made: its id, and whether an earlier sending of the same form made it. */
    record Saved(long id, boolean earlier) {
    }

    /**
     * The query this journalist's form with this key made, if any. The journalist's new queries are made one at a
     * time (a lock until the transaction ends), so a form sent twice at once finds what the first one made; the
     * unique index on the key is the backstop.
     */
    private Optional<Long> madeBy(long journalistId, UUID submissionKey) {
        jdbc.sql("select pg_advisory_xact_lock(7302, hashtext(cast(:journalist as text)))")
                .param("journalist", journalistId).query(Object.class).list();
        return jdbc.sql("select id from journalist_query where journalist_id = :journalist and submission_key = :key")
                .param("journalist", journalistId).param("key", submissionKey).query(Long.class).optional();
    }

    void editDraft(long id, AccountView journalist, QueryDetails details) {
        Query query = own(id, journalist.id());
        checkChoices(journalist, details);
        query.edit(details, clock.instant());
        queries.save(query);
    }

    /** @return the status the query reached: published (auto-approved) or waiting for review */
    QueryStatus submit(long id, AccountView journalist) {
        if (!journalist.verified()) {
            throw new RuleException(null, "queries.rule.confirm-email");
        }
        Query query = own(id, journalist.id());
        checkChoices(journalist, query.details());
        // Only for the outlet the journalist is verified at: a query naming another goes to a moderator.
        boolean autoApprove = journalist.hasVerifiedOutlet(query.details().outletName(), query.details().outletUrl())
                && autoApproveVerifiedOutlets();
        query.submit(clock.instant(), autoApprove);
        queries.save(query);
        return query.getStatus();
    }

    void close(long id, AccountView journalist) {
        Query query = own(id, journalist.id());
        if (!query.close(clock.instant())) {
            throw new RuleException(null, "queries.rule.only-open-closed");
        }
        queries.save(query);
    }

    /** A new draft copied from one of the journalist's queries; the button's one-time key makes one copy per click. */
    Saved duplicate(long id, AccountView journalist, UUID submissionKey) {
        Query original = own(id, journalist.id());
        Optional<Long> earlier = madeBy(journalist.id(), submissionKey);
        return earlier.map(copy -> new Saved(copy, true)).orElseGet(() -> new Saved(
                queries.save(original.duplicate(clock.instant(), submissionKey)).getId(), false));
    }

    @Transactional(readOnly = true)
    Page<QueryView> listOwn(long journalistId, Set<QueryStatus> statuses, Pageable page) {
        Page<Query> found = statuses.isEmpty() ? queries.findByJournalistIdOrderByCreatedAtDesc(journalistId, page)
                : queries.findByJournalistIdAndStatusInOrderByCreatedAtDesc(journalistId, statuses, page);
        return views(found);
    }

    /**
     * The journalist's published queries that still take pitches, the soonest deadline first (the 50 newest at most):
     * what they may invite an expert to answer.
     */
    @Transactional(readOnly = true)
    public List<QueryView> openQueriesOf(long journalistId) {
        Instant now = clock.instant();
        return views(queries.findByJournalistIdAndStatusInOrderByCreatedAtDesc(journalistId,
                Set.of(QueryStatus.PUBLISHED), org.springframework.data.domain.PageRequest.of(0, 50)).getContent())
                .stream().filter(query -> query.deadline() == null || query.deadline().isAfter(now))
                .sorted(java.util.Comparator.comparing(QueryView::deadline,
                        java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                .toList();
    }

    @Transactional(readOnly = true)
    Map<QueryStatus, Long> countsByStatus(long journalistId) {
        return queries.countByStatus(journalistId).stream()
                .collect(Collectors.toMap(Queries.StatusCount::getStatus, Queries.StatusCount::getCount));
    }

    /** Any query, with its journalist, for the owner and admins. Callers check who may see it. */
    @PlainRead
    public Optional<QueryView> find(long id) {
        // Plain SQL, questions included (one statement instead of the entity and its question collection).
        return jdbc.sql(SELECT + " where q.id = :id").param("id", id).query(QueryManagement::row).optional()
                .map(row -> rows(List.of(row)).get(0));
    }

    /** Many queries at once, by id (those that exist), as {@link #find} reads one: for lists that name queries. */
    @PlainRead
    public Map<Long, QueryView> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return byId(rows(jdbc.sql(SELECT + " where q.id in (:ids)").param("ids", List.copyOf(ids))
                .query(QueryManagement::row).list()), QueryView::id);
    }

    private static final String SELECT = """
            select q.id, q.journalist_id, q.headline, q.topic_id, q.outlet_name, q.outlet_url, q.media_type,
                   q.deadline, q.time_zone, q.requirements, q.required_credential, q.region, q.first_hand_only,
                   q.pitch_cap, q.link_policy, q.anonymous, q.status, q.rejection_reason, q.created_at,
                   q.submitted_at, q.published_at, q.closed_at,
                   array(select qq.question from query_question qq where qq.query_id = q.id order by qq.position)
            from journalist_query q""";

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getLong(1), rs.getLong(2), new QueryDetails(rs.getString(3),
                (Long) rs.getObject(4, Long.class), rs.getString(5), rs.getString(6),
                rs.getString(7) == null ? null : MediaType.valueOf(rs.getString(7)), instant(rs.getTimestamp(8)),
                rs.getString(9), List.of((String[]) rs.getArray(23).getArray()), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getBoolean(13), (Integer) rs.getObject(14, Integer.class),
                rs.getString(15) == null ? null : LinkPolicy.valueOf(rs.getString(15)), rs.getBoolean(16)),
                QueryStatus.valueOf(rs.getString(17)), rs.getString(18), instant(rs.getTimestamp(19)),
                instant(rs.getTimestamp(20)), instant(rs.getTimestamp(21)), instant(rs.getTimestamp(22)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    // --- moderation ----------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Page<QueryView> pendingReview(Pageable page) {
        return views(queries.findByStatusOrderBySubmittedAtAsc(QueryStatus.PENDING_REVIEW, page));
    }

    /**
     * For the screening evaluation: the journalist's query on a topic, with its questions and free-text requirements,
     * published at once by {@code approver} (an online story, deadline in a week, no link promised). Its id.
     */
    public long publishApproved(AccountView journalist, String headline, long topicId, List<String> questions,
            String requirements, Actor approver) {
        QueryDetails details = new QueryDetails(headline, topicId, journalist.outletName(), journalist.outletUrl(),
                MediaType.ONLINE, clock.instant().plus(java.time.Duration.ofDays(7)), "UTC", questions, requirements,
                null, null, false, null, LinkPolicy.NOT_KNOWN, false);
        long id = createDraft(journalist, details, UUID.randomUUID()).id();
        if (submit(id, journalist) != QueryStatus.PUBLISHED) {
            approve(id, approver);
        }
        return id;
    }

    public void approve(long id, Actor admin) {
        Query query = queries.findForUpdate(id).orElseThrow(() -> new RuleException(null, "queries.rule.unknown"));
        query.approve(clock.instant());
        queries.save(query);
        audit.record(admin, "query.approved", "query " + id, "Approved \"" + query.getHeadline() + "\"",
                Map.of("status", QueryStatus.PENDING_REVIEW.name()), Map.of("status", QueryStatus.PUBLISHED.name()));
    }

    public void reject(long id, String reason, Actor admin) {
        Query query = queries.findForUpdate(id).orElseThrow(() -> new RuleException(null, "queries.rule.unknown"));
        query.reject(reason.strip(), clock.instant());
        queries.save(query);
        accounts.find(query.getJournalistId()).ifPresent(journalist -> outbox.queue(new Email(journalist.email(),
                Email.subject("mail.query-rejected.subject"), "mail/query-rejected",
                Map.of("name", journalist.displayName(), "headline", query.getHeadline(), "reason", reason.strip(),
                        "link", urls.link("/queries/" + id)))));
        audit.record(admin, "query.rejected", "query " + id, "Rejected \"" + query.getHeadline() + "\": " + reason.strip(),
                Map.of("status", QueryStatus.PENDING_REVIEW.name()),
                Map.of("status", QueryStatus.REJECTED.name(), "reason", reason.strip()));
    }

    @Transactional(readOnly = true)
    public boolean autoApproveVerifiedOutlets() {
        return jdbc.sql("select value from query_setting where name = :name").param("name", AUTO_APPROVE)
                .query(String.class).optional().map(Boolean::parseBoolean).orElse(false);
    }

    public void setAutoApproveVerifiedOutlets(boolean enabled, Actor admin) {
        boolean before = autoApproveVerifiedOutlets();
        jdbc.sql("""
                insert into query_setting (name, value) values (:name, :value)
                on conflict (name) do update set value = excluded.value""")
                .param("name", AUTO_APPROVE).param("value", Boolean.toString(enabled)).update();
        audit.record(admin, "settings.auto-approve", "setting " + AUTO_APPROVE,
                (enabled ? "Turned on" : "Turned off") + " auto-approval for journalists with a verified outlet",
                Map.of("enabled", before), Map.of("enabled", enabled));
    }

    // --- pitching ----------------------------------------------------------------------------------------------

    /**
     * Locks the query's row until the caller's transaction ends, so that pitches to one query are counted against its
     * cap one at a time, and returns {@code seen} (the view the caller read before) with the status as it is now: a
     * published query's details no longer change, only its status does. Empty if the query is gone. Callers check
     * that it is open.
     */
    public Optional<QueryView> lockForPitching(QueryView seen) {
        return jdbc.sql("select status from journalist_query where id = :id for update").param("id", seen.id())
                .query(String.class).optional().map(status -> seen.withStatus(QueryStatus.valueOf(status)));
    }

    /** The pitch cap was reached: the query takes no more pitches, and its journalist is told. */
    public void closeAtCap(long id) {
        Query query = queries.findForUpdate(id).orElseThrow(QueryNotFoundException::new);
        if (!query.close(clock.instant())) {
            return;
        }
        queries.save(query);
        accounts.find(query.getJournalistId()).ifPresent(journalist -> outbox.queue(new Email(journalist.email(),
                Email.subject("mail.query-cap-reached.subject", query.getHeadline()), "mail/query-cap-reached",
                Map.of("name", journalist.displayName(), "headline", query.getHeadline(),
                        "cap", query.details().pitchCap(), "link", urls.link("/queries/" + id + "/pitches")))));
    }

    // --- jobs and other modules' events --------------------------------------------------------------------------

    /** Moves every published query whose deadline has passed to EXPIRED in one statement; returns how many. */
    int expireOverdue() {
        Instant now = clock.instant();
        return jdbc.sql("""
                update journalist_query
                set status = 'EXPIRED', closed_at = :now, updated_at = :now, version = version + 1
                where status = 'PUBLISHED' and deadline <= :now""")
                .param("now", Timestamp.from(now))
                .update();
    }

    /** A suspended journalist's open queries close with the suspension (same transaction). */
    @EventListener
    void on(AccountSuspended suspended) {
        Instant now = clock.instant();
        for (Query query : queries.findByJournalistIdAndStatusIn(suspended.accountId(),
                EnumSet.of(QueryStatus.PUBLISHED, QueryStatus.PENDING_REVIEW))) {
            query.close(now);
            queries.save(query);
        }
    }

    /** Queries follow their topic into the surviving one, inside the merge's transaction. */
    @EventListener
    void on(TopicMerged merged) {
        jdbc.sql("update journalist_query set topic_id = :into, version = version + 1 where topic_id = :from")
                .param("into", merged.intoId()).param("from", merged.fromId()).update();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Long> queriesPublishedSince(Instant since) {
        return jdbc.sql("""
                select topic_id, count(*) from journalist_query
                where published_at >= :since and topic_id is not null group by topic_id""")
                .param("since", Timestamp.from(since))
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private Query own(long id, long journalistId) {
        return queries.findByIdAndJournalistId(id, journalistId).orElseThrow(QueryNotFoundException::new);
    }

    private void checkChoices(AccountView journalist, QueryDetails details) {
        if (details.topicId() != null && !topics.isActive(details.topicId())) {
            throw new RuleException("topicId", "queries.rule.topic-retired");
        }
        // Anonymity rests on the verified outlet, so the query must name that one (a sign-up at another is no cover).
        if (details.anonymous() && !journalist.hasVerifiedOutlet(details.outletName(), details.outletUrl())) {
            throw new RuleException("anonymous", "queries.rule.anonymous-needs-verified-outlet");
        }
    }

    private Page<QueryView> views(Page<Query> page) {
        Map<Long, QueryView> content = byId(views(page.getContent()), QueryView::id);
        return page.map(query -> content.get(query.getId()));
    }

    /** Views for a page of queries, with their journalists and topics read in one go each (no N+1). */
    private List<QueryView> views(List<Query> found) {
        return rows(found.stream().map(query -> new Row(query.getId(), query.getJournalistId(), query.details(),
                query.getStatus(), query.getRejectionReason(), query.getCreatedAt(), query.getSubmittedAt(),
                query.getPublishedAt(), query.getClosedAt())).toList());
    }

    /** A query as read, entity or plain SQL. */
    private record Row(long id, long journalistId, QueryDetails details, QueryStatus status, String rejectionReason,
            Instant createdAt, Instant submittedAt, Instant publishedAt, Instant closedAt) {
    }

    private List<QueryView> rows(List<Row> found) {
        Map<Long, AccountView> journalists = accounts.findAll(found.stream().map(Row::journalistId).distinct().toList());
        Map<Long, TopicView> topicViews = topics.findAll(found.stream().map(row -> row.details().topicId())
                .filter(java.util.Objects::nonNull).distinct().toList());
        return found.stream().map(row -> {
            QueryDetails d = row.details();
            AccountView journalist = journalists.get(row.journalistId());
            TopicView topic = d.topicId() == null ? null : topicViews.get(d.topicId());
            // The badge only beside the outlet the journalist is verified at.
            boolean verifiedOutlet = journalist != null && journalist.hasVerifiedOutlet(d.outletName(), d.outletUrl());
            return new QueryView(row.id(), row.journalistId(), journalist == null ? null : journalist.displayName(),
                    verifiedOutlet, d.headline(), d.topicId(),
                    topic == null ? null : topic.name(), d.outletName(), d.outletUrl(), d.mediaType(), d.deadline(),
                    d.timeZone(), d.questions(), d.requirements(), d.requiredCredential(), d.region(), d.firstHandOnly(),
                    d.pitchCap(), d.linkPolicy(), d.anonymous(), row.status(), row.rejectionReason(), row.createdAt(),
                    row.submittedAt(), row.publishedAt(), row.closedAt());
        }).toList();
    }

    static <T> Map<Long, T> byId(Collection<T> items, Function<T, Long> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
