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
 * expertise first) or by a name spelt nearly right (pg_trgm word similarity), the most recently active first. The
 * region (its whole words, in any order and case), the level and the topic are words of one GIN index with the
 * document's words (V68), so filters and words meet inside the index. Pages are read one row past their size to know
 * whether another follows, so no search counts all its matches.
 */
@Service
public class DirectorySearch {

    private final JdbcClient jdbc;
    private final SourceManagement sources;
    private final DirectoryProperties properties;
    private final Clock clock;
    private final CommonWords commonWords;

    DirectorySearch(JdbcClient jdbc, SourceManagement sources, DirectoryProperties properties, Clock clock,
            CommonWords commonWords) {
        this.commonWords = commonWords;
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
        boolean filtered = filterParams(criteria, params);
        if (criteria.hasWords()) {
            return wordRows(criteria, filtered, params);
        }
        String recent = criteria.responsiveness() == null ? "" : " and e.last_pitched_at >= :since";
        String page = " order by e.name, e.profile_id limit :limit offset :offset";
        if (!filtered && recent.isEmpty()) {
            return query("select e.profile_id, e.last_pitched_at from directory_entry e" + page, params);
        }
        // Walking the experts by name and testing each is cheapest when the filters match many experts, and a
        // disaster when few match or the matches sort late (a region with a level: 550,000 rows read, 1.1 s). So walk a
        // bounded stretch first: the matches in the first rows by name are the first matches.
        params.put("walk", WALK + 10 * (offset + limit));
        String once = filtered ? FILTER_ONCE : "";
        List<Row> walked;
        if (hasLevel(criteria)) {
            // A level: its own index (level, name) holds the region and the last pitch, so each level's experts are
            // read from it in name order, merged (a Merge Append); only a topic is confirmed on the row.
            List<String> levels = new ArrayList<>();
            for (int level = criteria.level().ordinal(); level < ExpertLevel.values().length; level++) {
                levels.add("(select profile_id, name, last_pitched_at, region from directory_entry where level = "
                        + level + " order by name, profile_id)");
            }
            String topic = criteria.topicId() == null ? "" : " and (select d.topic_ids @> array[:topic]::bigint[]"
                    + " from directory_entry d where d.profile_id = e.profile_id)";
            walked = query("select e.profile_id, e.last_pitched_at from (select * from ("
                    + String.join(" union all ", levels) + ") l order by name, profile_id limit :walk) e" + once
                    + " where true" + recent + regionCheck(criteria, "e") + topic + page, params);
        }
        else {
            String topic = criteria.topicId() == null ? "" : " and e.topic_ids @> array[:topic]::bigint[]";
            walked = query("select e.profile_id, e.last_pitched_at from (select * from directory_entry"
                    + " order by name, profile_id limit :walk) e" + once + " where true" + recent
                    + regionCheck(criteria, "e") + topic + page, params);
        }
        if (walked.size() == limit) {
            return walked;
        }
        // Too few there: every match, found in the facets index where the filters meet (materialized, so the planner
        // cannot turn back to the name walk), sorted.
        String facets = filtered ? " and e.facets @@ " + FILTER : "";
        return query("with m as materialized (select e.profile_id, e.name, e.last_pitched_at from directory_entry e"
                + once + " where true" + facets + recent + ") select e.profile_id, e.last_pitched_at from m e" + page,
                params);
    }

    /**
     * Words: first the experts whose name or expertise has every word (or whose name is spelt nearly so), then those
     * whose title, company or bio has them; within each, the most recently active first, then by name. A common word
     * matches 100,000 experts at 1,000,000 sources, and fetching that match list alone cost 20-30 ms. So walk a
     * bounded stretch of the activity index first (index-only: it holds the name-and-expertise words, the level and
     * the region), stopping after a page: its matches are the first matches. Only a search with too few matches there
     * (narrow filters, words found only in bios) asks the facets index, where the words and the filters meet; a search
     * with a word few experts have (a misspelt name, a specialist term; see {@link CommonWords}) asks it at once.
     */
    private List<Row> wordRows(DirectoryCriteria criteria, boolean filtered, Map<String, Object> params) {
        int offset = (int) params.get("offset");
        int limit = (int) params.get("limit");
        params.put("words", criteria.words().strip());
        params.put("walk", WORD_WALK + 20 * (offset + limit));
        String level = hasLevel(criteria) ? " and e.level >= :level" : "";
        String recent = criteria.responsiveness() == null ? "" : " and e.last_pitched_at >= :since";
        String once = filtered ? FILTER_ONCE : "";
        // The walked words have no positions or bio, and the topic is not in the activity index (an expert may follow
        // any number of topics; see V64): the row itself confirms them, read by a subquery the planner keeps per row,
        // so only rows that passed the rest.
        String confirm = " and (select d.search_document @@ tsq"
                + (criteria.topicId() == null ? "" : " and d.topic_ids @> array[:topic]::bigint[]")
                + " from directory_entry d where d.profile_id = e.profile_id)";
        // "Pitched lately" is the start of the walk's order: the walk ends where it does.
        String since = criteria.responsiveness() == null ? "" : " where last_pitched_at >= :since";
        String tsquery = jdbc.sql("select websearch_to_tsquery('english', :words)::text").param("words", params.get("words"))
                .query(String.class).single();
        // Only stop words ("the"): no word to find, so only a name spelt nearly so. (An empty query joined to the
        // filters with && would be the filters alone, and list every expert they pass.)
        boolean noWords = tsquery.isBlank();
        if (!noWords && !commonWords.hasRareWord(tsquery)) {
            List<Row> walked = query("select e.profile_id, e.last_pitched_at from (select profile_id, name,"
                    + " last_pitched_at, level, region, expertise_words from directory_entry" + since
                    + " order by last_pitched_at desc nulls last, name, profile_id limit :walk) e"
                    + " cross join websearch_to_tsquery('english', :words) as tsq" + once
                    + " where e.expertise_words @@ tsq" + level + regionCheck(criteria, "e") + confirm
                    + " order by e.last_pitched_at desc nulls last, e.name, e.profile_id limit :limit offset :offset",
                    params);
            if (walked.size() == limit) {
                return walked;
            }
        }
        params.put("candidates", properties.rankCandidates());
        // The matches by the facets index (the words, phrases and every filter in one look-up) and by the name's
        // trigram index, at most the candidate limit of them (a word found only in bios may match everyone), then in
        // the walk's order.
        String words = noWords ? "false" : "e.facets @@ " + (filtered ? "(tsq && " + FILTER + ")" : "tsq");
        String name = ":words <% e.name" + (filtered ? " and e.facets @@ " + FILTER : "");
        return query("select profile_id, last_pitched_at from (select e.profile_id, e.name, e.last_pitched_at,"
                + " (e.expertise_words @@ tsq or :words <% e.name) as best"
                + " from directory_entry e cross join websearch_to_tsquery('english', :words) as tsq" + once
                + " where ((" + words + ") or (" + name + "))" + recent
                + " limit :candidates) c order by best desc, last_pitched_at desc nulls last, name, profile_id"
                + " limit :limit offset :offset", params);
    }

    private static boolean hasLevel(DirectoryCriteria criteria) {
        return criteria.level() != null && criteria.level() != ExpertLevel.NONE;
    }

    /**
     * The region filter on a walked row ({@code alias}.region): every word typed is a word of the row's region. The
     * LIKE patterns go first, as they are cheap; the words are split only for rows that pass them. A region with no
     * word in it matches nobody, as in {@link #FILTER}.
     */
    private static String regionCheck(DirectoryCriteria criteria, String alias) {
        if (criteria.region() == null || criteria.region().isBlank()) {
            return "";
        }
        return (" and cardinality(f.words) > 0 and %1$s.region ilike all (f.likes)"
                + " and directory_region_words(%1$s.region) @> f.words").formatted(alias);
    }

    /** The search's region, level and topic as one query on the facets column (V68), from {@link #FILTER_ONCE}. */
    private static final String FILTER = "f.q";

    /**
     * Computes {@link #FILTER}, the region's words and their LIKE patterns once per search, not once per row walked
     * (the words are letters and digits only, so they need no escaping in a pattern).
     */
    private static final String FILTER_ONCE = " cross join (select directory_filter(cast(:region as text),"
            + " cast(:level as smallint), cast(:topic as bigint)) as q, w.words,"
            + " array(select '%' || x || '%' from unnest(w.words) as x) as likes"
            + " from (select directory_region_words(cast(:region as text)) as words) w) f";

    /** Rows of the activity walk tried first by a word search (index-only, a few ms when nothing matches). */
    private static final int WORD_WALK = 10_000;

    /** Rows of the name walk tried first by a search without words (about 2 ms). */
    private static final int WALK = 5_000;

    /**
     * The parameters of {@link #FILTER} and of the last-pitch filter; whether the search has a region, a level or a
     * topic at all.
     */
    private boolean filterParams(DirectoryCriteria criteria, Map<String, Object> params) {
        String region = criteria.region() == null || criteria.region().isBlank() ? null : criteria.region().strip();
        int level = criteria.level() == null ? 0 : criteria.level().ordinal();
        params.put("region", region);
        params.put("level", level);
        params.put("topic", criteria.topicId());
        if (criteria.responsiveness() != null) {
            params.put("since", Timestamp.from(clock.instant().minus(criteria.responsiveness().window())));
        }
        return region != null || level > 0 || criteria.topicId() != null;
    }

    private List<Row> query(String sql, Map<String, Object> params) {
        return jdbc.sql(sql).params(params).query(Row.class).list();
    }
}
