package org.sourcewire.directory;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
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
 * Searches the listed experts in one statement over the views their owners keep ({@code listed_expert},
 * {@code expert_topic}, {@code passed_verification_check}, {@code source_pitch_activity}): words by PostgreSQL full
 * text (stemmed, weighted: name and expertise first) or by a name spelt nearly right (pg_trgm word similarity), both
 * served by partial GIN indexes on listed profiles only; the filters as {@code exists} probes of indexed tables.
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
        List<Long> ids = ids(criteria, safePage * size, size + 1);
        boolean hasNext = ids.size() > size && safePage + 1 < properties.maxPages();
        List<Long> shown = ids.subList(0, Math.min(size, ids.size()));
        Map<Long, ProfileView> profiles = sources.findAll(shown);
        Map<Long, Instant> lastPitched = lastPitched(shown);
        List<DirectoryResults.Expert> experts = new ArrayList<>();
        for (Long id : shown) {
            ProfileView profile = profiles.get(id);
            if (profile != null) {
                experts.add(new DirectoryResults.Expert(profile, lastPitched.get(id)));
            }
        }
        return new DirectoryResults(experts, safePage, hasNext);
    }

    List<Long> ids(DirectoryCriteria criteria, int offset, int limit) {
        boolean ranked = criteria.words() != null && !criteria.words().isBlank();
        StringBuilder sql = new StringBuilder(ranked
                // Scored in the inner select, which stops at the candidate limit: no search scores 100,000 rows.
                ? "select profile_id from (select e.profile_id, e.name,"
                        + " ts_rank_cd(e.search_document, tsq, 1) + word_similarity(:words, e.name) as score"
                        + " from listed_expert e"
                : "select e.profile_id from listed_expert e");
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
        if (criteria.topicId() != null) {
            sql.append(" and exists (select 1 from expert_topic t where t.profile_id = e.profile_id and t.topic_id = :topic)");
            params.put("topic", criteria.topicId());
        }
        if (criteria.region() != null && !criteria.region().isBlank()) {
            sql.append(" and e.region ilike :region");
            params.put("region", "%" + likeEscaped(criteria.region().strip()) + "%");
        }
        if (criteria.level() != null && criteria.level() != ExpertLevel.NONE) {
            sql.append(" and ").append(levelCondition(criteria.level()));
        }
        if (criteria.responsiveness() != null) {
            sql.append(" and exists (select 1 from source_pitch_activity a where a.profile_id = e.profile_id"
                    + " and a.submitted_at >= :since)");
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
        return jdbc.sql(sql.toString()).params(params).query(Long.class).list();
    }

    /** "At least this level", as {@link ExpertLevel#of} orders them: a confirmed credential is the highest. */
    private static String levelCondition(ExpertLevel level) {
        String credential = passed("'CREDENTIAL_CONFIRMED'");
        return switch (level) {
            case NONE -> "true";
            case WEBSITE -> passed("'WEBSITE_OWNERSHIP', 'CREDENTIAL_CONFIRMED'");
            case WEBSITE_AND_EMAIL -> "(" + credential + " or (" + passed("'WEBSITE_OWNERSHIP'") + " and "
                    + passed("'EMAIL_MATCHES_WEBSITE'") + "))";
            case CREDENTIAL -> credential;
        };
    }

    private static String passed(String kinds) {
        return "exists (select 1 from passed_verification_check c where c.account_id = e.account_id and c.kind in ("
                + kinds + "))";
    }

    private Map<Long, Instant> lastPitched(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, Instant> last = new HashMap<>();
        jdbc.sql("select profile_id, max(submitted_at) from source_pitch_activity where profile_id in (:ids)"
                + " group by profile_id").param("ids", ids)
                .query(rs -> {
                    last.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
                });
        return last;
    }

    /** The text as itself inside a LIKE pattern: its own % and _ match only themselves. */
    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
