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
 * {@code source_pitch_activity}; migration V63): words by PostgreSQL full text (stemmed, weighted: name and
 * expertise first) or by a name spelt nearly right (pg_trgm word similarity); every filter an indexed column.
 * Pages are read one row past their size to know whether another follows, so no search counts all its matches.
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

    List<Long> ids(DirectoryCriteria criteria, int offset, int limit) {
        return rows(criteria, offset, limit).stream().map(Row::profileId).toList();
    }

    /** A shown expert and when they last pitched, as the directory's own table has them. */
    private record Row(long profileId, Timestamp lastPitchedAt) {
    }

    private List<Row> rows(DirectoryCriteria criteria, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("limit", limit);
        params.put("offset", offset);
        String filters = filters(criteria, params);
        if (criteria.words() != null && !criteria.words().isBlank()) {
            params.put("words", criteria.words().strip());
            params.put("candidates", properties.rankCandidates());
            // Scored in the inner select, which stops at the candidate limit: no search scores 100,000 rows. Ranked
            // by the weighted words (normalised by document length, so a long bio does not win by length) plus how
            // nearly the name matches. A function in FROM runs once, not once per row.
            return query("select profile_id, last_pitched_at from (select e.profile_id, e.name, e.last_pitched_at,"
                    + " ts_rank_cd(e.search_document, tsq, 1) + word_similarity(:words, e.name) as score"
                    + " from directory_entry e cross join websearch_to_tsquery('english', :words) as tsq"
                    + " where (e.search_document @@ tsq or :words <% e.name)" + filters
                    + " limit :candidates) c order by score desc, name, profile_id limit :limit offset :offset", params);
        }
        String page = " order by e.name, e.profile_id limit :limit offset :offset";
        if (filters.isEmpty()) {
            return query("select e.profile_id, e.last_pitched_at from directory_entry e" + page, params);
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

    /** Rows of the name walk tried first by a search without words (about 2 ms). */
    private static final int WALK = 5_000;

    /** Each filter as a condition on an indexed column of directory_entry, so they combine in one bitmap. */
    private String filters(DirectoryCriteria criteria, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder();
        if (criteria.topicId() != null) {
            sql.append(" and e.topic_ids @> array[:topic]::bigint[]");
            params.put("topic", criteria.topicId());
        }
        if (criteria.region() != null && !criteria.region().isBlank()) {
            sql.append(" and e.region ilike :region");
            params.put("region", "%" + likeEscaped(criteria.region().strip()) + "%");
        }
        if (criteria.level() != null && criteria.level() != ExpertLevel.NONE) {
            // The column holds ExpertLevel's ordinal: "at least this level" is a range.
            sql.append(" and e.level >= :level");
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
