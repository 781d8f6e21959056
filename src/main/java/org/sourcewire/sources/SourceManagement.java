package org.sourcewire.sources;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.sourcewire.accounts.AccountView;
import org.sourcewire.accounts.Verifications;
import org.sourcewire.shared.RuleException;
import org.sourcewire.shared.TimeZones;
import org.sourcewire.topics.TopicCatalog;
import org.sourcewire.topics.TopicChoice;
import org.sourcewire.topics.TopicMerged;
import org.sourcewire.topics.TopicUsage;
import org.sourcewire.topics.TopicView;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Expert profiles, headshots, topic subscriptions and keyword alerts. */
@Service
@Transactional
public class SourceManagement implements TopicUsage.Subscribers {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SourceProfiles profiles;
    private final TopicCatalog topics;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final SourcesProperties properties;
    private final Clock clock;
    private final FaceMatches faces;
    private final Verifications verifications;
    private final WebsiteProof websiteProof;

    SourceManagement(SourceProfiles profiles, TopicCatalog topics, JdbcClient jdbc, ApplicationEventPublisher events,
            SourcesProperties properties, Clock clock, FaceMatches faces, Verifications verifications,
            WebsiteProof websiteProof) {
        this.faces = faces;
        this.verifications = verifications;
        this.websiteProof = websiteProof;
        this.profiles = profiles;
        this.topics = topics;
        this.jdbc = jdbc;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    // --- profiles ------------------------------------------------------------------------------------------------

    /** Read with plain SQL (no entity), like every profile view: every pitch, pitch form and feed reads it. */
    @Transactional(readOnly = true)
    public Optional<ProfileView> findByAccount(long accountId) {
        return jdbc.sql(VIEW_SELECT + " where p.account_id = :id").param("id", accountId)
                .query(SourceManagement::view).optional().map(this::withChecks);
    }

    @Transactional(readOnly = true)
    public Optional<ProfileView> findByHandle(String handle) {
        return jdbc.sql(VIEW_SELECT + " where p.handle = :handle").param("handle", handle)
                .query(SourceManagement::view).optional().map(this::withChecks);
    }

    /** Profiles by id, for pages that list several (the inbox shows 25), in one query. */
    @Transactional(readOnly = true)
    public Map<Long, ProfileView> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<ProfileView> found = jdbc.sql(VIEW_SELECT + " where p.id in (:ids)").param("ids", ids)
                .query(SourceManagement::view).list();
        // Every profile's standing checks in one more statement, whatever the page's size.
        Map<Long, List<Verifications.Check>> checks = verifications.passed(found.stream().map(ProfileView::accountId).toList());
        return found.stream().map(view -> view.withChecks(checks.getOrDefault(view.accountId(), List.of())))
                .collect(Collectors.toMap(ProfileView::id, view -> view));
    }

    private ProfileView withChecks(ProfileView view) {
        return view.withChecks(verifications.passed(view.accountId()));
    }

    private static final String VIEW_SELECT = """
            select p.id, p.account_id, p.handle, p.name, p.title, p.company, p.bio, p.website, p.region, p.time_zone,
                   p.expertise, p.links, exists (select 1 from source_headshot h where h.profile_id = p.id), p.updated_at
            from source_profile p""";

    private static ProfileView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ProfileView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                texts(rs.getArray(11)), texts(rs.getArray(12)), rs.getBoolean(13), rs.getTimestamp(14).toInstant());
    }

    private static List<String> texts(java.sql.Array array) throws java.sql.SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    /**
     * The source's profile, created on first use with the account's name. Two first visits at once (two tabs) make
     * one profile: the insert does nothing when the account already has one.
     */
    public ProfileView ensureProfile(AccountView source) {
        return ensureProfile(source, Optional.empty());
    }

    /** The same; a new profile starts in {@code zone} (the browser's, as listed), else in the default zone. */
    public ProfileView ensureProfile(AccountView source, Optional<ZoneId> zone) {
        if (!source.isSource()) {
            throw new IllegalArgumentException("Only sources have expert profiles");
        }
        Optional<ProfileView> existing = findByAccount(source.id());
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = clock.instant();
        for (int attempt = 0; attempt < 5; attempt++) {
            jdbc.sql("""
                    insert into source_profile (account_id, handle, name, time_zone, created_at, updated_at)
                    values (:account, :handle, :name, :zone, :now, :now)
                    on conflict do nothing""")
                    .param("account", source.id()).param("handle", newHandle(source.displayName()))
                    .param("name", source.displayName()).param("zone", zone.flatMap(TimeZones::listed).orElse(TimeZones.DEFAULT))
                    .param("now", Timestamp.from(now)).update();
            Optional<ProfileView> created = findByAccount(source.id());
            if (created.isPresent()) {
                return created.get();
            }
        }
        throw new IllegalStateException("Could not choose a free profile address for account " + source.id());
    }

    void update(long profileId, ProfileDetails details) {
        SourceProfile profile = profiles.findForUpdate(profileId).orElseThrow();
        String before = profile.getWebsite();
        profile.update(details, clock.instant());
        // A proof is of one site: another website needs a proof of its own.
        websiteProof.websiteChanged(profile.getAccountId(), before, details.website());
    }

    // --- headshots -----------------------------------------------------------------------------------------------

    void replaceHeadshot(long profileId, byte[] upload) {
        if (upload.length == 0) {
            throw new HeadshotException("Choose a photo to upload.");
        }
        if (upload.length > properties.headshotMaxSize().toBytes()) {
            throw new HeadshotException("This file is larger than " + properties.headshotMaxSize().toMegabytes()
                    + " MB. Choose a smaller photo.");
        }
        Headshots.Processed headshot = Headshots.process(upload, properties.headshotPixels());
        Instant now = clock.instant();
        jdbc.sql("""
                insert into source_headshot (profile_id, image, content_type, width, height, updated_at)
                values (:id, :image, 'image/jpeg', :width, :height, :now)
                on conflict (profile_id) do update set image = excluded.image, content_type = excluded.content_type,
                    width = excluded.width, height = excluded.height, updated_at = excluded.updated_at""")
                .param("id", profileId).param("image", headshot.jpeg()).param("width", headshot.width())
                .param("height", headshot.height()).param("now", Timestamp.from(now)).update();
        faces.hashed(profileId, headshot.hash());
        touch(profileId, now);
    }

    void removeHeadshot(long profileId) {
        if (jdbc.sql("delete from source_headshot where profile_id = :id").param("id", profileId).update() > 0) {
            faces.forget(profileId);
            touch(profileId, clock.instant());
        }
    }

    @Transactional(readOnly = true)
    Optional<StoredHeadshot> headshot(long profileId) {
        return jdbc.sql("select image, content_type, updated_at from source_headshot where profile_id = :id")
                .param("id", profileId)
                .query((rs, n) -> new StoredHeadshot(rs.getBytes(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .optional();
    }

    // --- topic subscriptions -------------------------------------------------------------------------------------

    /** Active topics to choose from, with the quiet flag, plus retired topics the source still follows. */
    @Transactional(readOnly = true)
    List<TopicOption> topicOptions(long profileId) {
        Set<Long> chosen = subscribedTopicIds(profileId);
        List<TopicOption> options = new java.util.ArrayList<>(topics.activeTopics().stream()
                .map(topic -> new TopicOption(topic.id(), topic.name(), true, topic.quiet(), topic.recentQueries(),
                        chosen.contains(topic.id())))
                .toList());
        Set<Long> active = options.stream().map(TopicOption::id).collect(Collectors.toSet());
        Set<Long> retired = chosen.stream().filter(id -> !active.contains(id)).collect(Collectors.toSet());
        topics.findAll(retired).values().stream().sorted(java.util.Comparator.comparing(TopicView::name))
                .forEach(topic -> options.add(new TopicOption(topic.id(), topic.name(), false, false, 0, true)));
        return options;
    }

    @Transactional(readOnly = true)
    public Set<Long> subscribedTopicIds(long profileId) {
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
            throw new RuleException("topicIds", "One of the topics you chose is no longer offered. "
                    + "Choose from the list below.");
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

    // --- keyword alerts ------------------------------------------------------------------------------------------

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
                .map(id -> names.containsKey(id) ? names.get(id).name() : "a removed topic").toList())).toList();
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
            throw new RuleException("phrase", "You have " + count + " keyword alerts, the most you can keep. "
                    + "Delete one to add another.");
        }
        boolean searchable = jdbc.sql("select to_tsvector('english', :phrase) <> ''::tsvector")
                .param("phrase", clean).query(Boolean.class).single();
        if (!searchable) {
            throw new RuleException("phrase", "\"" + clean + "\" has only very common words. "
                    + "Use words that say what you know about, like \"open banking\".");
        }
        Set<Long> active = topics.activeTopics().stream().map(TopicChoice::id).collect(Collectors.toSet());
        if (!active.containsAll(topicIds)) {
            throw new RuleException("topicIds", "One of the topics you chose is no longer offered.");
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
            throw new RuleException("phrase", "You already have an alert for \"" + clean + "\".");
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

    org.springframework.util.unit.DataSize headshotMaxSize() {
        return properties.headshotMaxSize();
    }

    int maxKeywordAlerts() {
        return properties.maxKeywordAlerts();
    }

    // --- other modules' events and figures -----------------------------------------------------------------------

    /** Subscriptions and alert topic filters follow a merged topic into the surviving one, in the merge's transaction. */
    @EventListener
    void on(TopicMerged merged) {
        jdbc.sql("""
                insert into topic_subscription (source_id, topic_id, created_at)
                select source_id, :into, created_at from topic_subscription where topic_id = :from
                on conflict do nothing""").param("into", merged.intoId()).param("from", merged.fromId()).update();
        jdbc.sql("delete from topic_subscription where topic_id = :from").param("from", merged.fromId()).update();
        jdbc.sql("""
                insert into keyword_alert_topic (alert_id, topic_id)
                select alert_id, :into from keyword_alert_topic where topic_id = :from
                on conflict do nothing""").param("into", merged.intoId()).param("from", merged.fromId()).update();
        jdbc.sql("delete from keyword_alert_topic where topic_id = :from").param("from", merged.fromId()).update();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Long> subscribersPerTopic() {
        return jdbc.sql("select topic_id, count(*) from topic_subscription group by topic_id")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private void touch(long profileId, Instant now) {
        jdbc.sql("update source_profile set updated_at = :now, version = version + 1 where id = :id")
                .param("now", Timestamp.from(now)).param("id", profileId).update();
    }

    /** "dr-priya-nair-k3x9qa": readable, and with a random tail so that it reveals nothing and never collides. */
    static String newHandle(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        StringBuilder tail = new StringBuilder();
        String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        for (int i = 0; i < 6; i++) {
            tail.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return slug.isEmpty() ? "expert-" + tail : slug + "-" + tail;
    }

    record StoredHeadshot(byte[] image, String contentType, Instant updatedAt) {
    }

    record TopicOption(long id, String name, boolean active, boolean quiet, long recentQueries, boolean chosen) {
    }

    record AlertView(long id, String phrase, List<String> topicNames) {
    }

    static Set<Long> cleanIds(List<Long> ids) {
        return ids == null ? Set.of() : ids.stream().filter(java.util.Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
