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
 * {@code source_pitch_activity}; migration V56): words by PostgreSQL full text (stemmed, weighted: name and
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
        boolean ranked = criteria.words() != null && !criteria.words().isBlank();
        StringBuilder sql = new StringBuilder(ranked
                // Scored in the inner select, which stops at the candidate limit: no search scores 100,000 rows.
                ? "select profile_id, last_pitched_at from (select e.profile_id, e.name, e.last_pitched_at,"
                        + " ts_rank_cd(e.search_document, tsq, 1) + word_similarity(:words, e.name) as score"
                        + " from directory_entry e"
                : "select e.profile_id, e.last_pitched_at from directory_entry e");
        Map<String, Object> params = new HashMap<>();
        if (ranked) {
            // A function in FROM runs once, not once per row.
            sql.append(" cross join websearch_to_tsquery('english', :words) as tsq");
            params.put("words", criteria.words().strip());
        }
        sql.append(" where true");
        if (ranked) {
            sql.append(" and (e.search_document @@ tsq or :words <% e.name)");
        }
        // Each filter is a condition on an indexed column of directory_entry, so they combine in one bitmap.
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
        // Rank by the weighted words (normalised by document length, so a long bio does not win by length) plus
        // how nearly the name matches, among the first candidates found; without words, by name.
        if (ranked) {
            sql.append(" limit :candidates) c order by score desc, name, profile_id");
            params.put("candidates", properties.rankCandidates());
        }
        else {
            sql.append(" order by e.name, e.profile_id");
        }
        sql.append(" limit :limit offset :offset");
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(sql.toString()).params(params).query(Row.class).list();
    }

    /** The text as itself inside a LIKE pattern: its own % and _ match only themselves. */
    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
