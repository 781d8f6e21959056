package org.sourcewire.matching;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.sourcewire.queries.MediaType;
import org.sourcewire.queries.QueryStatus;
import org.sourcewire.queries.QueryView;
import org.sourcewire.shared.Messages;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Routes published queries to sources and reads a source's feed. The fan-out is one {@code INSERT … SELECT} per
 * query: topic subscribers and keyword-alert owners in one set, never a loop over sources in Java.
 */
@Service
@Transactional
public class MatchingService {

    /**
     * The query's topic and text as a tsvector, for the two statements below. Materialized: one row, computed once,
     * so the planner drives the joins from it (and asks the GIN index with its lexemes) instead of inlining it.
     */
    private static final String QUERY = """
            with q as materialized (
                select jq.id, jq.topic_id,
                       to_tsvector('english', concat_ws(' ', jq.headline, jq.requirements, jq.required_credential,
                           (select string_agg(qq.question, ' ') from query_question qq where qq.query_id = jq.id))) as doc
                from journalist_query jq
                where jq.id = :query and jq.status = 'PUBLISHED'
            )
            """;

    /**
     * Fan-out to the topic's subscribers (:query at :now): no aggregation, so 100,000 rows stream into the table.
     * Unverified and suspended sources are few, so they are read first (through a partial index) and left out,
     * instead of looking up every subscriber's profile and account.
     */
    static final String MATCH_TOPIC = QUERY + """
            , inactive as materialized (
                select sp.id
                from account a join source_profile sp on sp.account_id = a.id
                where a.role = 'SOURCE' and (a.email_verified_at is null or a.suspended_at is not null)
            )
            insert into query_match (source_id, query_id, by_topic, matched_at)
            select ts.source_id, q.id, true, :now
            from q
            join topic_subscription ts on ts.topic_id = q.topic_id
            where not exists (select 1 from inactive i where i.id = ts.source_id)
            on conflict (source_id, query_id) do nothing
            """;

    /**
     * Keyword alerts (:query at :now): the GIN index finds the alerts whose every word occurs in the query
     * ({@code lexemes <@ query lexemes}); the phrase search then checks word order on those few candidates. A source
     * already matched by topic gets the phrases added to its row; a second run changes nothing.
     */
    static final String MATCH_ALERTS = QUERY + """
            insert into query_match (source_id, query_id, by_topic, alert_phrases, matched_at)
            select ka.source_id, q.id, false, array_agg(distinct ka.phrase), :now
            from q
            join keyword_alert ka on ka.lexemes <@ tsvector_to_array(q.doc)
            join source_profile sp on sp.id = ka.source_id
            join account a on a.id = sp.account_id
            where cardinality(ka.lexemes) > 0
              and q.doc @@ phraseto_tsquery('english', ka.phrase)
              and (not exists (select 1 from keyword_alert_topic kat where kat.alert_id = ka.id)
                   or exists (select 1 from keyword_alert_topic kat where kat.alert_id = ka.id and kat.topic_id = q.topic_id))
              and a.email_verified_at is not null and a.suspended_at is null
            group by ka.source_id, q.id
            on conflict (source_id, query_id) do update set alert_phrases = excluded.alert_phrases
            where query_match.alert_phrases <> excluded.alert_phrases
            """;

    private final JdbcClient jdbc;
    private final Messages messages;
    private final Clock clock;

    MatchingService(JdbcClient jdbc, Messages messages, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Records a match per (query, source) for every active, verified source subscribed to the query's topic or
     * owning a keyword alert whose phrase occurs in the query's headline, questions or requirements (an alert with
     * topics matches only those topics). Idempotent: a second run for the same query adds nothing. A query that is
     * no longer published is not matched.
     *
     * <p>Alerts are found through the GIN index on {@code keyword_alert.lexemes}: an alert qualifies only if every
     * stemmed word of its phrase occurs in the query ({@code lexemes <@ query lexemes}); the phrase search then
     * checks word order ({@code phraseto_tsquery}) on those few candidates.
     *
     * @return how many matches were recorded or given a further reason
     */
    public int match(long queryId) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql(MATCH_TOPIC).param("query", queryId).param("now", now).update()
                + jdbc.sql(MATCH_ALERTS).param("query", queryId).param("now", now).update();
    }

    /**
     * For the sources module, when a source subscribes to a topic: records topic matches for the open published
     * queries already in it, so they also reach the source's digests (the feed shows them either way). Idempotent.
     *
     * @return how many new matches were recorded
     */
    public int subscribed(long sourceId, long topicId) {
        return jdbc.sql("""
                insert into query_match (source_id, query_id, by_topic, matched_at)
                select sp.id, jq.id, true, :now
                from source_profile sp
                join account a on a.id = sp.account_id and a.email_verified_at is not null and a.suspended_at is null
                join journalist_query jq on jq.topic_id = :topic and jq.status = 'PUBLISHED' and jq.deadline > :now
                where sp.id = :source
                on conflict (source_id, query_id) do nothing
                """)
                .param("source", sourceId)
                .param("topic", topicId)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** The profile id of a source account, if the source has created a profile. */
    @Transactional(readOnly = true)
    public Optional<Long> profileOf(long accountId) {
        return jdbc.sql("select id from source_profile where account_id = :account").param("account", accountId)
                .query(Long.class).optional();
    }

    /**
     * A source's feed: open published queries, soonest deadline first, that were matched to the source or are in a
     * topic the source subscribes to (so a topic chosen today shows the queries already open in it).
     */
    @Transactional(readOnly = true)
    Page<FeedItem> feed(long sourceId, Long topicId, boolean notPitched, Pageable page) {
        String topicFilter = (topicId == null ? "" : " and jq.topic_id = :topic")
                + (notPitched ? " and not exists (select 1 from pitched_query p where p.query_id = jq.id and p.source_id = :source)" : "");
        String feed = """
                with feed as (
                    select m.query_id, m.by_topic, m.alert_phrases
                    from query_match m where m.source_id = :source
                    union all
                    select jq.id, true, '{}'::text[]
                    from topic_subscription ts
                    join journalist_query jq on jq.topic_id = ts.topic_id and jq.status = 'PUBLISHED'
                    where ts.source_id = :source
                      and not exists (select 1 from query_match m where m.source_id = :source and m.query_id = jq.id)
                )
                """;
        String where = " where jq.status = 'PUBLISHED' and jq.deadline > :now" + topicFilter;
        Instant now = clock.instant();
        var select = jdbc.sql(feed + """
                select jq.id, jq.headline, jq.topic_id, t.name as topic_name, jq.media_type, jq.deadline, jq.anonymous,
                       case when jq.anonymous then null else a.display_name end as journalist_name,
                       case when jq.anonymous then null else jq.outlet_name end as outlet_name,
                       f.by_topic, f.alert_phrases,
                       exists (select 1 from pitched_query p where p.query_id = jq.id and p.source_id = :source) as pitched
                from feed f
                join journalist_query jq on jq.id = f.query_id
                join account a on a.id = jq.journalist_id
                left join topic t on t.id = jq.topic_id
                """ + where + " order by jq.deadline, jq.id limit :limit offset :offset")
                .param("source", sourceId).param("now", Timestamp.from(now))
                .param("limit", page.getPageSize()).param("offset", page.getOffset());
        var count = jdbc.sql(feed + "select count(*) from feed f join journalist_query jq on jq.id = f.query_id" + where)
                .param("source", sourceId).param("now", Timestamp.from(now));
        if (topicId != null) {
            select = select.param("topic", topicId);
            count = count.param("topic", topicId);
        }
        List<FeedItem> items = select.query((rs, n) -> {
            boolean anonymous = rs.getBoolean("anonymous");
            String mediaType = rs.getString("media_type");
            QueryView view = new QueryView(rs.getLong("id"), null, rs.getString("journalist_name"), false,
                    rs.getString("headline"), rs.getLong("topic_id"), rs.getString("topic_name"),
                    rs.getString("outlet_name"), null, mediaType == null ? null : MediaType.valueOf(mediaType),
                    rs.getTimestamp("deadline").toInstant(), "UTC", List.of(), null, null, null, false, null, null,
                    anonymous, QueryStatus.PUBLISHED, null, null, null, null, null).forSource();
            return new FeedItem(view.id(), view.headline(), view.topicName(), messages.text(view.byline()),
                    view.deadline(), rs.getBoolean("by_topic"),
                    Arrays.asList((String[]) rs.getArray("alert_phrases").getArray()), rs.getBoolean("pitched"));
        }).list();
        return new PageImpl<>(items, page, count.query(Long.class).single());
    }

    /** A matched query with what a delivery shows; :source and a condition on jq or m follow. */
    private static final String MATCHED = """
            select jq.id, jq.headline, jq.topic_id, t.name as topic_name, jq.media_type, jq.deadline, jq.anonymous,
                   case when jq.anonymous then null else a.display_name end as journalist_name,
                   case when jq.anonymous then null else jq.outlet_name end as outlet_name,
                   m.by_topic, m.alert_phrases, m.matched_at, sp.time_zone
            from query_match m
            join source_profile sp on sp.id = m.source_id
            join journalist_query jq on jq.id = m.query_id and jq.status = 'PUBLISHED'
            join account a on a.id = jq.journalist_id
            left join topic t on t.id = jq.topic_id
            where m.source_id = :source
            """;

    /** A source's latest matches of open queries, newest match first: its private feed. */
    @Transactional(readOnly = true)
    public List<MatchedQuery> latestMatches(long sourceId, int limit) {
        return jdbc.sql(MATCHED + " and jq.deadline > :now order by m.matched_at desc, jq.id desc limit :limit")
                .param("source", sourceId).param("now", Timestamp.from(clock.instant())).param("limit", limit)
                .query((rs, n) -> matchedQuery(rs)).list();
    }

    /** One match of an open query, if the query is still published and open: a webhook message's content. */
    @Transactional(readOnly = true)
    public Optional<MatchedQuery> openMatch(long sourceId, long queryId) {
        return jdbc.sql(MATCHED + " and m.query_id = :query and jq.deadline > :now")
                .param("source", sourceId).param("query", queryId).param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> matchedQuery(rs)).optional();
    }

    /** The reasons in words, in the request's locale (the default one for a webhook, sent without a request). */
    private MatchedQuery matchedQuery(java.sql.ResultSet rs) throws java.sql.SQLException {
        String mediaType = rs.getString("media_type");
        QueryView view = new QueryView(rs.getLong("id"), null, rs.getString("journalist_name"), false,
                rs.getString("headline"), rs.getLong("topic_id"), rs.getString("topic_name"),
                rs.getString("outlet_name"), null, mediaType == null ? null : MediaType.valueOf(mediaType),
                rs.getTimestamp("deadline").toInstant(), "UTC", List.of(), null, null, null, false, null, null,
                rs.getBoolean("anonymous"), QueryStatus.PUBLISHED, null, null, null, null, null).forSource();
        FeedItem item = new FeedItem(view.id(), view.headline(), view.topicName(), messages.text(view.byline()),
                view.deadline(), rs.getBoolean("by_topic"),
                Arrays.asList((String[]) rs.getArray("alert_phrases").getArray()), false);
        return new MatchedQuery(item.queryId(), item.headline(), item.topicName(), item.byline(), item.deadline(),
                item.reasons().stream().map(messages::text).toList(), rs.getTimestamp("matched_at").toInstant(),
                rs.getString("time_zone"));
    }
}
