package org.sourcewire.sources;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.sourcewire.shared.Messages;
import org.sourcewire.shared.RuleException;
import org.sourcewire.topics.TopicCatalog;
import org.sourcewire.topics.TopicChoice;
import org.sourcewire.topics.TopicMerged;
import org.sourcewire.topics.TopicView;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A source's keyword alerts: phrases (optionally within topics) that route matching queries to them. */
@Service
@Transactional
class KeywordAlerts {

    private final TopicCatalog topics;
    private final JdbcClient jdbc;
    private final SourcesProperties properties;
    private final Clock clock;
    private final Messages messages;

    KeywordAlerts(TopicCatalog topics, JdbcClient jdbc, SourcesProperties properties, Clock clock, Messages messages) {
        this.topics = topics;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    List<AlertView> alerts(long profileId) {
        record Row(long id, String phrase, List<Long> topicIds) {
        }
        List<Row> rows = jdbc.sql("""
                select a.id, a.phrase, coalesce(array_agg(t.topic_id order by t.topic_id)
                    filter (where t.topic_id is not null), '{}') as topic_ids
                from keyword_alert a left join keyword_alert_topic t on t.alert_id = a.id
                where a.source_id = :id group by a.id order by lower(a.phrase)""")
                .param("id", profileId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), List.of((Long[]) rs.getArray(3).getArray())))
                .list();
        Map<Long, TopicView> names = topics.findAll(rows.stream().flatMap(row -> row.topicIds().stream()).distinct().toList());
        return rows.stream().map(row -> new AlertView(row.id(), row.phrase(), row.topicIds().stream()
                .map(id -> names.containsKey(id) ? names.get(id).name() : messages.text("sources.text.removed-topic")).toList()))
                .toList();
    }

    long addAlert(long profileId, String phrase, Set<Long> topicIds) {
        String clean = phrase.strip().replaceAll("\\s+", " ");
        // One source's alerts are added one at a time, so the count below still holds at the insert: the profile row
        // is locked until the transaction ends ("no key update" leaves pitches and alerts that refer to it alone).
        jdbc.sql("select id from source_profile where id = :id for no key update").param("id", profileId)
                .query(Long.class).optional();
        int count = jdbc.sql("select count(*) from keyword_alert where source_id = :id").param("id", profileId)
                .query(Integer.class).single();
        if (count >= properties.maxKeywordAlerts()) {
            throw new RuleException("phrase", "sources.rule.alerts-too-many", count);
        }
        boolean searchable = jdbc.sql("select to_tsvector('english', :phrase) <> ''::tsvector")
                .param("phrase", clean).query(Boolean.class).single();
        if (!searchable) {
            throw new RuleException("phrase", "sources.rule.alert-common-words", clean);
        }
        Set<Long> active = topics.activeTopics().stream().map(TopicChoice::id).collect(Collectors.toSet());
        if (!active.containsAll(topicIds)) {
            throw new RuleException("topicIds", "sources.rule.topic-no-longer-offered");
        }
        long id;
        try {
            id = jdbc.sql("""
                    insert into keyword_alert (source_id, phrase, created_at) values (:id, :phrase, :now)
                    returning id""")
                    .param("id", profileId).param("phrase", clean).param("now", Timestamp.from(clock.instant()))
                    .query(Long.class).single();
        }
        catch (DuplicateKeyException ex) {
            throw new RuleException("phrase", "sources.rule.alert-exists", clean);
        }
        if (!topicIds.isEmpty()) {
            jdbc.sql("insert into keyword_alert_topic (alert_id, topic_id) select :id, topic.id from topic where topic.id in (:topics)")
                    .param("id", id).param("topics", topicIds).update();
        }
        return id;
    }

    /** @return false if the alert does not exist or belongs to another source */
    boolean removeAlert(long profileId, long alertId) {
        return jdbc.sql("delete from keyword_alert where id = :alert and source_id = :id")
                .param("alert", alertId).param("id", profileId).update() > 0;
    }

    int maxKeywordAlerts() {
        return properties.maxKeywordAlerts();
    }

    /** Alerts' topic filters follow a merged topic into the surviving one, in the merge's transaction. */
    @EventListener
    void on(TopicMerged merged) {
        jdbc.sql("""
                insert into keyword_alert_topic (alert_id, topic_id)
                select alert_id, :into from keyword_alert_topic where topic_id = :from
                on conflict do nothing""").param("into", merged.intoId()).param("from", merged.fromId()).update();
        jdbc.sql("delete from keyword_alert_topic where topic_id = :from").param("from", merged.fromId()).update();
    }

    static Set<Long> cleanIds(List<Long> ids) {
        return ids == null ? Set.of() : ids.stream().filter(Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    record AlertView(long id, String phrase, List<String> topicNames) {
    }
}
