package org.sourcewire.sources;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.sourcewire.shared.RuleException;
import org.sourcewire.topics.TopicCatalog;
import org.sourcewire.topics.TopicChoice;
import org.sourcewire.topics.TopicMerged;
import org.sourcewire.topics.TopicUsage;
import org.sourcewire.topics.TopicView;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The topics a source follows: chosen at {@code /profile/topics}, counted for the topic list. */
@Service
@Transactional
class TopicSubscriptions implements TopicUsage.Subscribers {

    private final TopicCatalog topics;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TopicSubscriptions(TopicCatalog topics, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.topics = topics;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Active topics to choose from, with the quiet flag, plus retired topics the source still follows. */
    @Transactional(readOnly = true)
    List<TopicOption> topicOptions(long profileId) {
        Set<Long> chosen = subscribedTopicIds(profileId);
        List<TopicOption> options = new ArrayList<>(topics.activeTopics().stream()
                .map(topic -> new TopicOption(topic.id(), topic.name(), true, topic.quiet(), topic.recentQueries(),
                        chosen.contains(topic.id())))
                .toList());
        Set<Long> active = options.stream().map(TopicOption::id).collect(Collectors.toSet());
        Set<Long> retired = chosen.stream().filter(id -> !active.contains(id)).collect(Collectors.toSet());
        topics.findAll(retired).values().stream().sorted(Comparator.comparing(TopicView::name))
                .forEach(topic -> options.add(new TopicOption(topic.id(), topic.name(), false, false, 0, true)));
        return options;
    }

    @Transactional(readOnly = true)
    Set<Long> subscribedTopicIds(long profileId) {
        return Set.copyOf(jdbc.sql("select topic_id from topic_subscription where source_id = :id")
                .param("id", profileId).query(Long.class).list());
    }

    /**
     * Makes the source's subscriptions exactly {@code topicIds}. New subscriptions must be to active topics;
     * subscriptions to topics retired since are kept only if still chosen.
     */
    void subscribe(long profileId, Set<Long> topicIds) {
        Set<Long> current = subscribedTopicIds(profileId);
        Set<Long> added = topicIds.stream().filter(id -> !current.contains(id)).collect(Collectors.toSet());
        Set<Long> active = topics.activeTopics().stream().map(TopicChoice::id).collect(Collectors.toSet());
        if (!active.containsAll(added)) {
            throw new RuleException("topicIds", "sources.rule.topic-no-longer-offered.choose-below");
        }
        if (topicIds.isEmpty()) {
            jdbc.sql("delete from topic_subscription where source_id = :id").param("id", profileId).update();
        }
        else {
            jdbc.sql("delete from topic_subscription where source_id = :id and topic_id not in (:topics)")
                    .param("id", profileId).param("topics", topicIds).update();
        }
        if (!added.isEmpty()) {
            jdbc.sql("""
                    insert into topic_subscription (source_id, topic_id, created_at)
                    select :id, topic.id, :now from topic where topic.id in (:topics)
                    on conflict do nothing""")
                    .param("id", profileId).param("topics", added)
                    .param("now", Timestamp.from(clock.instant())).update();
            events.publishEvent(new TopicsSubscribed(profileId, Set.copyOf(added)));
        }
    }

    /** Subscriptions follow a merged topic into the surviving one, in the merge's transaction. */
    @EventListener
    void on(TopicMerged merged) {
        jdbc.sql("""
                insert into topic_subscription (source_id, topic_id, created_at)
                select source_id, :into, created_at from topic_subscription where topic_id = :from
                on conflict do nothing""").param("into", merged.intoId()).param("from", merged.fromId()).update();
        jdbc.sql("delete from topic_subscription where topic_id = :from").param("from", merged.fromId()).update();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Long> subscribersPerTopic() {
        return jdbc.sql("select topic_id, count(*) from topic_subscription group by topic_id")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    record TopicOption(long id, String name, boolean active, boolean quiet, long recentQueries, boolean chosen) {
    }
}
