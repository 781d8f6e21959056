package org.sourcewire.directory;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sourcewire.sources.ExpertLevel;
import org.sourcewire.sources.ProfileView;
import org.sourcewire.sources.SourceManagement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Searches the listed experts in one statement over the directory's own table {@code directory_entry} (kept by
 * triggers from the owners' views {@code listed_expert}, {@code expert_topic}, {@code passed_verification_check},
 * {@code source_pitch_activity}; migration V63): words by PostgreSQL full text (stemmed; a match in the name or
 * expertise first) or by a name spelt nearly right (pg_trgm word similarity), the most recently active first; every
 * filter an indexed column. Pages are read one row past their size to know whether another follows, so no search
 * counts all its matches.
 */
@Service
public class DirectorySearch {

    private final JdbcClient jdbc;
    private final SourceManagement sources;
    private final DirectoryProperties properties;
    private final Clock clock;

    DirectorySearch(JdbcClient jdbc, SourceManagement sources, DirectoryProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.sources = sources;
        this.properties = properties;
        this.clock = clock;
    }

    /** Page {@code page} (from 0) of the listed experts that meet every given part of {@code criteria}. */
    @Transactional(readOnly = true)
    public DirectoryResults search(DirectoryCriteria criteria, int page) {
        int size = properties.pageSize();
        int safePage = Math.max(0, Math.min(page, properties.maxPages() - 1));
        List<Row> rows = rows(criteria, safePage * size, size + 1);
        boolean hasNext = rows.size() > size && safePage + 1 < properties.maxPages();
        List<Row> shown = rows.subList(0, Math.min(size, rows.size()));
        Map<Long, ProfileView> profiles = sources.findAll(shown.stream().map(Row::profileId).toList());
        List<DirectoryResults.Expert> experts = new ArrayList<>();
        for (Row row : shown) {
            ProfileView profile = profiles.get(row.profileId());
            if (profile != null) {
                experts.add(new DirectoryResults.Expert(profile,
                        row.lastPitchedAt() == null ? null : row.lastPitchedAt().toInstant()));
            }
        }
        return new DirectoryResults(experts, safePage, hasNext);
    }

    /** A shown expert and when they last pitched, as the directory's own table has them. */
    private record Row(long profileId, Timestamp lastPitchedAt) {
    }

    private List<Row> rows(DirectoryCriteria criteria, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("limit", limit);
        params.put("offset", offset);
        if (criteria.hasWords()) {
            return wordRows(criteria, params);
        }
        String filters = filters(criteria, params, true);
        String page = " order by e.name, e.profile_id limit :limit offset :offset";
        if (filters.isEmpty()) {
            return query("select e.profile_id, e.last_pitched_at from directory_entry e" + page, params);
        }
        if (criteria.level() != null && criteria.level() != ExpertLevel.NONE && criteria.topicId() == null) {
            // A level: the level index (level, name) holds the region and last pitch too, so each level's experts by
            // name are read from it alone, and merged in name order (a Merge Append), stopping after a page: a region
            // and a credential read 250 index entries instead of 5,000 rows by name and then 20,000 by level.
            List<String> levels = new ArrayList<>();
            for (int level = criteria.level().ordinal(); level < ExpertLevel.values().length; level++) {
                levels.add("(select profile_id, name, last_pitched_at, region, level from directory_entry"
                        + " where level = " + level + " order by name, profile_id)");
            }
            return query("select e.profile_id, e.last_pitched_at from (" + String.join(" union all ", levels)
                    + ") e where true" + filters + page, params);
        }
        // Without words, by name. Walking the name index and testing each row is cheapest when the filters match
        // many experts, a disaster when few match or the matches sort late (a region and a level: 550,000 rows
        // read, 1.1 s). So walk a bounded stretch first: the matches in the first rows by name are the first matches.
        params.put("walk", WALK + 10 * (offset + limit));
        List<Row> walked = query("select e.profile_id, e.last_pitched_at from (select * from directory_entry"
                + " order by name, profile_id limit :walk) e where true" + filters + page, params);
        if (walked.size() == limit) {
            return walked;
        }
        // Too few there: the matches by the filters' indexes alone (materialized, so the planner cannot turn back
        // to the name walk), sorted.
        return query("with m as materialized (select e.profile_id, e.name, e.last_pitched_at from directory_entry e"
                + " where true" + filters + ") select e.profile_id, e.last_pitched_at from m e" + page, params);
    }

    /**
     * Words: first the experts whose name or expertise has every word (or whose name is spelt nearly so), then those
     * whose title, company or bio has them; within each, the most recently active first, then by name. A common word
     * matches 100,000 experts at 1,000,000 sources, and fetching that match list alone cost 20-30 ms. So walk a
     * bounded stretch of the activity index first (index-only: it holds the name-and-expertise words and the
     * filters), stopping after a page: its matches are the first matches. Only a search with too few matches there
     * (rare words, a misspelt name, narrow filters, words found only in bios) asks the full-text indexes.
     */
    private List<Row> wordRows(DirectoryCriteria criteria, Map<String, Object> params) {
        int offset = (int) params.get("offset");
        int limit = (int) params.get("limit");
        params.put("words", criteria.words().strip());
        params.put("walk", WORD_WALK + 20 * (offset + limit));
        String filters = filters(criteria, params, false);
        // The topic is not in the activity index (see V64), and the walked words have no positions or bio: the row
        // itself confirms both, read by a subquery the planner keeps per row, so only rows that passed the rest.
        String confirm = " and (select d.search_document @@ tsq"
                + (criteria.topicId() == null ? "" : " and d.topic_ids @> array[:topic]::bigint[]")
                + " from directory_entry d where d.profile_id = e.profile_id)";
        // "Pitched lately" is the start of the walk's order: the walk ends where it does.
        String recent = criteria.responsiveness() == null ? "" : " where last_pitched_at >= :since";
        List<Row> walked = query("select e.profile_id, e.last_pitched_at from (select profile_id, name,"
                + " last_pitched_at, level, region, expertise_words from directory_entry" + recent
                + " order by last_pitched_at desc nulls last, name, profile_id limit :walk) e"
                + " cross join websearch_to_tsquery('english', :words) as tsq where e.expertise_words @@ tsq" + filters
                + confirm + " order by e.last_pitched_at desc nulls last, e.name, e.profile_id"
                + " limit :limit offset :offset", params);
        if (walked.size() == limit) {
            return walked;
        }
        params.put("candidates", properties.rankCandidates());
        String topic = criteria.topicId() == null ? "" : " and e.topic_ids @> array[:topic]::bigint[]";
        // The matches by the full-text and trigram indexes, at most the candidate limit of them (a word found only in
        // bios may match everyone), then in the walk's order.
        return query("select profile_id, last_pitched_at from (select e.profile_id, e.name, e.last_pitched_at,"
                + " (e.expertise_words @@ tsq or :words <% e.name) as best"
                + " from directory_entry e cross join websearch_to_tsquery('english', :words) as tsq"
                + " where (e.search_document @@ tsq or :words <% e.name)" + filters + topic
                + " limit :candidates) c order by best desc, last_pitched_at desc nulls last, name, profile_id"
                + " limit :limit offset :offset", params);
    }

    /** Rows of the activity walk tried first by a word search (index-only, a few ms when nothing matches). */
    private static final int WORD_WALK = 10_000;

    /** Rows of the name walk tried first by a search without words (about 2 ms). */
    private static final int WALK = 5_000;

    /**
     * Each filter as a condition on an indexed column of directory_entry, so they combine in one bitmap; the topic
     * only if {@code withTopic} (the caller tests it itself otherwise, but the parameter is set).
     */
    private String filters(DirectoryCriteria criteria, Map<String, Object> params, boolean withTopic) {
        StringBuilder sql = new StringBuilder();
        if (criteria.topicId() != null) {
            if (withTopic) {
                sql.append(" and e.topic_ids @> array[:topic]::bigint[]");
            }
            params.put("topic", criteria.topicId());
        }
        if (criteria.region() != null && !criteria.region().isBlank()) {
            sql.append(" and e.region ilike :region");
            params.put("region", "%" + likeEscaped(criteria.region().strip()) + "%");
        }
        if (criteria.level() != null && criteria.level() != ExpertLevel.NONE) {
            // The column holds ExpertLevel's ordinal: "at least this level" is a range, and the highest level one
            // value, which the level index (level, name) then hands over in name order.
            boolean highest = criteria.level().ordinal() == ExpertLevel.values().length - 1;
            sql.append(highest ? " and e.level = :level" : " and e.level >= :level");
            params.put("level", criteria.level().ordinal());
        }
        if (criteria.responsiveness() != null) {
            sql.append(" and e.last_pitched_at >= :since");
            params.put("since", Timestamp.from(clock.instant().minus(criteria.responsiveness().window())));
        }
        return sql.toString();
    }

    private List<Row> query(String sql, Map<String, Object> params) {
        return jdbc.sql(sql).params(params).query(Row.class).list();
    }

    /** The text as itself inside a LIKE pattern: its own % and _ match only themselves. */
    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
