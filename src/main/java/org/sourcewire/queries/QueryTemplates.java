package org.sourcewire.queries;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.sourcewire.accounts.AccountView;
import org.sourcewire.shared.RuleException;
import org.sourcewire.shared.SqlArrays;
import org.sourcewire.shared.TimeZones;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Query templates: a journalist saves one of their queries (all but its deadline) under a name and starts new queries
 * from it. Unlike "duplicate", a template outlives the query it came from and makes no draft until the form is saved.
 */
@Service
@Transactional
class QueryTemplates {

    static final int MAX_NAME = 80;
    static final int MAX_TEMPLATES = 50;

    private final JdbcClient jdbc;
    private final QueryManagement queries;
    private final Clock clock;

    QueryTemplates(JdbcClient jdbc, QueryManagement queries, Clock clock) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.clock = clock;
    }

    /** A saved template, for the list. */
    public record Template(long id, String name, String headline, int questions, Instant createdAt) {
    }

    @Transactional(readOnly = true)
    List<Template> of(long journalistId) {
        return jdbc.sql("""
                select id, name, headline, cardinality(questions), created_at from query_template
                where journalist_id = :journalist order by lower(name), id""")
                .param("journalist", journalistId)
                .query((rs, n) -> new Template(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getTimestamp(5).toInstant())).list();
    }

    /** Saves the journalist's own query as a template; a name they already use, or one too many, is refused. */
    long save(long queryId, AccountView journalist, String name) {
        QueryView query = own(queryId, journalist);
        String clean = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (clean.isEmpty()) {
            throw new RuleException("name", "queries.rule.template-name-required");
        }
        if (clean.length() > MAX_NAME) {
            throw new RuleException("name", "queries.rule.template-name-too-long", MAX_NAME);
        }
        // One journalist's saves one at a time, so the limit and the name check hold.
        jdbc.sql("select pg_advisory_xact_lock(7304, cast(:journalist as int))").param("journalist", journalist.id())
                .query(Object.class).list();
        record Standing(long kept, String sameName) {
        }
        Standing standing = jdbc.sql("""
                select count(*), min(name) filter (where lower(name) = lower(:name))
                from query_template where journalist_id = :journalist""")
                .param("journalist", journalist.id()).param("name", clean)
                .query((rs, n) -> new Standing(rs.getLong(1), rs.getString(2))).single();
        if (standing.sameName() != null) {
            throw new RuleException("name", "queries.rule.template-name-taken", standing.sameName());
        }
        if (standing.kept() >= MAX_TEMPLATES) {
            throw new RuleException("name", "queries.rule.template-limit", standing.kept());
        }
        return jdbc.sql("""
                insert into query_template (journalist_id, name, headline, topic_id, outlet_name, outlet_url, media_type,
                    time_zone, questions, requirements, required_credential, region, first_hand_only, pitch_cap,
                    link_policy, anonymous, created_at)
                values (:journalist, :name, :headline, :topic, :outletName, :outletUrl, :mediaType, :zone,
                    cast(:questions as text[]), :requirements, :credential, :region, :firstHand, :cap, :link, :anonymous, :now)
                returning id""")
                .param("journalist", journalist.id()).param("name", clean).param("headline", query.headline())
                .param("topic", query.topicId()).param("outletName", query.outletName())
                .param("outletUrl", query.outletUrl())
                .param("mediaType", query.mediaType() == null ? null : query.mediaType().name())
                .param("zone", query.timeZone())
                .param("questions", SqlArrays.text(query.questions().toArray(String[]::new)))
                .param("requirements", query.requirements()).param("credential", query.requiredCredential())
                .param("region", query.region()).param("firstHand", query.firstHandOnly()).param("cap", query.pitchCap())
                .param("link", query.linkPolicy() == null ? null : query.linkPolicy().name())
                .param("anonymous", query.anonymous()).param("now", Timestamp.from(clock.instant()))
                .query(Long.class).single();
    }

    /**
     * The query form filled from the journalist's own template, with a fresh deadline (17:00 two working days ahead in
     * the template's zone) and a new one-time key; empty for anyone else's template or none.
     */
    @Transactional(readOnly = true)
    Optional<Started> start(long templateId, AccountView journalist) {
        return jdbc.sql("""
                select name, headline, topic_id, outlet_name, outlet_url, media_type, time_zone, questions, requirements,
                       required_credential, region, first_hand_only, pitch_cap, link_policy, anonymous
                from query_template where id = :id and journalist_id = :journalist""")
                .param("id", templateId).param("journalist", journalist.id())
                .query((rs, n) -> {
                    String zone = TimeZones.listed(ZoneId.of(rs.getString(7))).orElse(QueryForm.DEFAULT_ZONE);
                    List<String> questions = List.of((String[]) rs.getArray(8).getArray());
                    QueryForm form = new QueryForm(rs.getString(2), (Long) rs.getObject(3, Long.class), rs.getString(4),
                            rs.getString(5), rs.getString(6) == null ? null : MediaType.valueOf(rs.getString(6)),
                            QueryForm.defaultDeadline(ZoneId.of(zone), clock.instant()), zone,
                            questions.isEmpty() ? List.of("") : questions, rs.getString(9), rs.getString(10),
                            rs.getString(11), rs.getBoolean(12), (Integer) rs.getObject(13, Integer.class),
                            rs.getString(14) == null ? null : LinkPolicy.valueOf(rs.getString(14)), rs.getBoolean(15));
                    form.setSubmissionKey(UUID.randomUUID().toString());
                    return new Started(rs.getString(1), form);
                }).optional();
    }

    /** A query form started from the template named {@code name}. */
    record Started(String name, QueryForm form) {
    }

    void delete(long templateId, AccountView journalist) {
        int deleted = jdbc.sql("delete from query_template where id = :id and journalist_id = :journalist")
                .param("id", templateId).param("journalist", journalist.id()).update();
        if (deleted == 0) {
            throw new QueryNotFoundException();
        }
    }

    /** The journalist's own query (any status); anyone else's is a 404. */
    QueryView own(long queryId, AccountView journalist) {
        return queries.find(queryId).filter(query -> query.journalistId() != null && query.journalistId() == journalist.id())
                .orElseThrow(QueryNotFoundException::new);
    }

    /** Templates follow their topic into the surviving one, inside the merge's transaction, as queries do. */
    @org.springframework.context.event.EventListener
    void on(org.sourcewire.topics.TopicMerged merged) {
        jdbc.sql("update query_template set topic_id = :into where topic_id = :from").param("into", merged.intoId())
                .param("from", merged.fromId()).update();
    }
}
