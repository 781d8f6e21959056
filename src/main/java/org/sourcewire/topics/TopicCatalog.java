package org.sourcewire.topics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.sourcewire.audit.Actor;
import org.sourcewire.audit.AuditLog;
import org.sourcewire.infrastructure.PlainRead;
import org.sourcewire.shared.RuleException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The topic list: what other modules may choose from, and the admins' changes to it (each one audited). */
@Service
@Transactional
public class TopicCatalog {

    private final Topics topics;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<TopicUsage.Subscribers> subscribers;
    private final ObjectProvider<TopicUsage.Queries> queries;
    private final TopicsProperties properties;
    private final Clock clock;
    private final JdbcClient jdbc;

    TopicCatalog(Topics topics, AuditLog audit, ApplicationEventPublisher events,
            ObjectProvider<TopicUsage.Subscribers> subscribers, ObjectProvider<TopicUsage.Queries> queries,
            TopicsProperties properties, Clock clock, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.topics = topics;
        this.audit = audit;
        this.events = events;
        this.subscribers = subscribers;
        this.queries = queries;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Active topics, by name, with the quiet flag: what sources and journalists choose from. On the feed and every
     * form with topics, so one plain statement; the recent query counts behind the quiet hint (a count over the
     * queries of the quiet window) are read at most once a minute per instance.
     */
    @PlainRead
    public List<TopicChoice> activeTopics() {
        Map<Long, Long> recent = cachedQueryCounts();
        return jdbc.sql("select id, name from topic where retired_at is null order by lower(name)")
                .query((rs, n) -> {
                    long count = recent.getOrDefault(rs.getLong(1), 0L);
                    return new TopicChoice(rs.getLong(1), rs.getString(2), count < properties.quietBelow(), count);
                }).list();
    }

    private static final Duration COUNTS_FRESH_FOR = Duration.ofMinutes(1);

    private record Counts(Instant readAt, Map<Long, Long> perTopic) {
    }

    private final AtomicReference<Counts> counts = new AtomicReference<>();

    private Map<Long, Long> cachedQueryCounts() {
        Instant now = clock.instant();
        Counts cached = counts.get();
        // A clock set back (tests) reads them again too.
        if (cached == null || now.isBefore(cached.readAt()) || !now.isBefore(cached.readAt().plus(COUNTS_FRESH_FOR))) {
            cached = new Counts(now, recentQueryCounts());
            counts.set(cached);
        }
        return cached.perTopic();
    }

    /** The counts are read again on next use (tests start from a known state). */
    void forgetCounts() {
        counts.set(null);
    }

    @Transactional(readOnly = true)
    public Optional<TopicView> find(long id) {
        return topics.findById(id).map(Topic::toView);
    }

    @PlainRead
    public Map<Long, TopicView> findAll(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        // Plain SQL rather than entities: query views name their topic on nearly every page.
        return jdbc.sql("select id, name, retired_at is null from topic where id in (:ids)").param("ids", ids)
                .query((rs, n) -> new TopicView(rs.getLong(1), rs.getString(2), rs.getBoolean(3))).stream()
                .collect(java.util.stream.Collectors.toMap(TopicView::id, view -> view));
    }

    @Transactional(readOnly = true)
    public boolean isActive(long id) {
        return topics.findById(id).map(Topic::isActive).orElse(false);
    }

    @Transactional(readOnly = true)
    List<TopicAdminRow> adminRows() {
        Map<Long, Long> recent = recentQueryCounts();
        Map<Long, Long> subscriberCounts = subscribers.stream().findFirst()
                .map(TopicUsage.Subscribers::subscribersPerTopic).orElse(Map.of());
        List<Topic> all = topics.findAllForAdmin();
        Map<Long, String> names = all.stream().collect(java.util.stream.Collectors.toMap(Topic::getId, Topic::getName));
        return all.stream().map(topic -> {
            long recentCount = recent.getOrDefault(topic.getId(), 0L);
            return new TopicAdminRow(topic.getId(), topic.getName(), topic.isActive(),
                    topic.isActive() && recentCount < properties.quietBelow(),
                    subscriberCounts.getOrDefault(topic.getId(), 0L), recentCount,
                    topic.getMergedIntoId() == null ? null : names.get(topic.getMergedIntoId()));
        }).toList();
    }

    TopicView create(String name, Actor actor) {
        String clean = name.strip();
        if (topics.existsByNameIgnoreCase(clean)) {
            throw new RuleException(null, "topics.rule.name-taken", clean);
        }
        Topic topic = save(new Topic(clean, clock.instant()), clean);
        audit.record(actor, "topic.created", "topic " + topic.getId(), "Created topic \"" + clean + "\"", null,
                Map.of("name", clean));
        return topic.toView();
    }

    void rename(long id, String name, Actor actor) {
        Topic topic = get(id);
        String clean = name.strip();
        String before = topic.getName();
        if (before.equals(clean)) {
            return;
        }
        if (topics.existsByNameIgnoreCaseAndIdNot(clean, id)) {
            throw new RuleException(null, "topics.rule.name-taken", clean);
        }
        topic.rename(clean);
        save(topic, clean);
        audit.record(actor, "topic.renamed", "topic " + id, "Renamed \"" + before + "\" to \"" + clean + "\"",
                Map.of("name", before), Map.of("name", clean));
    }

    void retire(long id, Actor actor) {
        Topic topic = get(id);
        if (!topic.isActive()) {
            return;
        }
        topic.retire(clock.instant());
        audit.record(actor, "topic.retired", "topic " + id, "Retired \"" + topic.getName() + "\"",
                Map.of("active", true), Map.of("active", false));
    }

    void restore(long id, Actor actor) {
        Topic topic = get(id);
        if (topic.isActive()) {
            return;
        }
        topic.restore();
        audit.record(actor, "topic.restored", "topic " + id, "Restored \"" + topic.getName() + "\"",
                Map.of("active", false), Map.of("active", true));
    }

    /** Moves everything that refers to {@code fromId} to {@code intoId} (through {@link TopicMerged}) and retires it. */
    void merge(long fromId, long intoId, Actor actor) {
        // Both rows locked, the lower id first, so two merges of the same pair at once cannot deadlock.
        get(Math.min(fromId, intoId));
        Topic from = get(fromId);
        Topic into = get(intoId);
        from.mergeInto(into, clock.instant());
        events.publishEvent(new TopicMerged(fromId, intoId));
        audit.record(actor, "topic.merged", "topic " + fromId,
                "Merged \"" + from.getName() + "\" into \"" + into.getName() + "\"",
                Map.of("active", true), Map.of("active", false, "mergedInto", intoId));
    }

    /** A topic to change, its row locked until the transaction ends (two changes at once run one after the other). */
    private Topic get(long id) {
        return topics.findForUpdate(id).orElseThrow(() -> new RuleException(null, "topics.rule.unknown"));
    }

    private Topic save(Topic topic, String name) {
        try {
            return topics.saveAndFlush(topic);
        }
        catch (DataIntegrityViolationException ex) {
            throw new RuleException(null, "topics.rule.name-taken", name);
        }
    }

    private Map<Long, Long> recentQueryCounts() {
        return queries.stream().findFirst()
                .map(counts -> counts.queriesPublishedSince(clock.instant().minus(properties.quietWindow())))
                .orElse(Map.of());
    }

    record TopicAdminRow(long id, String name, boolean active, boolean quiet, long subscribers, long recentQueries,
            String mergedInto) {
    }
}
