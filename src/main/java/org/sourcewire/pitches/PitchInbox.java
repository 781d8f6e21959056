package org.sourcewire.pitches;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sourcewire.sources.ProfileView;
import org.sourcewire.sources.SourceManagement;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the journalist reads of a query's pitches: the inbox page and its counts, one card, the shortlist. The caller
 * has checked the reader may see the query ({@link PitchAccess#ownQuery}).
 */
@Service
@Transactional(readOnly = true)
class PitchInbox {

    private final SourceManagement sources;
    private final JdbcClient jdbc;
    private final PitchAccess access;

    PitchInbox(SourceManagement sources, JdbcClient jdbc, PitchAccess access) {
        this.sources = sources;
        this.jdbc = jdbc;
        this.access = access;
    }

    /**
     * A query's pitches for its journalist (or an admin): best first (or newest / oldest), optionally of one status,
     * without flagged ones or below a minimum score.
     */
    Page<PitchViews.Card> cards(long queryId, InboxFilter filter, Pageable page) {
        String where = filter.where();
        String order = switch (filter.sort()) {
            case "newest" -> " order by p.submitted_at desc, p.id desc";
            case "oldest" -> " order by p.submitted_at, p.id";
            default -> " order by p.score desc nulls last, p.submitted_at desc, p.id desc";
        };
        record Row(UUID publicId, PitchStatus status, long sourceId, int words, Instant at, DeclineReason reason,
                String url, int answered, boolean reported, Integer score, boolean flagged, String reasons, int similar,
                boolean invited) {
        }
        // Grouped: of each cluster of similar pitches only the first the filters let through, with how many more it
        // stands for. Pitches outside clusters (nearly all) skip both subqueries, so the page is still the top of the
        // query's pitches by the chosen order, read through its index.
        String sameCluster = " from pitch e where e.query_id = p.query_id and e.cluster_id = p.cluster_id" + filter.where("e");
        String similar = filter.grouped() ? "case when p.cluster_id is null then 0 else (select count(*)" + sameCluster
                + ") - 1 end" : "0";
        String first = filter.grouped() ? " and (p.cluster_id is null or not exists (select 1" + sameCluster
                + " and (e.submitted_at, e.id) < (p.submitted_at, p.id)))" : "";
        List<Row> rows = filter.bind(jdbc.sql("""
                select p.public_id, p.status, p.source_id, p.word_count, p.submitted_at, p.decline_reason, p.article_url,
                       (select count(*) from pitch_answer a where a.pitch_id = p.id and btrim(a.answer) <> '') as answered,
                       exists (select 1 from pitch_report r where r.pitch_id = p.id) as reported,
                       p.score, p.flagged, p.reasons::text,
                       exists (select 1 from invitation i where i.query_id = p.query_id and i.source_id = p.source_id),\s"""
                + similar + """
                \sfrom pitch p where p.query_id = :query""" + where + first + order + " limit :limit offset :offset")
                .param("query", queryId).param("limit", page.getPageSize()).param("offset", page.getOffset()))
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), PitchStatus.valueOf(rs.getString(2)),
                        rs.getLong(3), rs.getInt(4), rs.getTimestamp(5).toInstant(), DeclineReason.stored(rs.getString(6)),
                        rs.getString(7), rs.getInt(8), rs.getBoolean(9), (Integer) rs.getObject(10), rs.getBoolean(11),
                        rs.getString(12), rs.getInt(14), rs.getBoolean(13))).list();
        // Grouped, a cluster counts once: the pitches outside clusters plus the clusters with a pitch shown.
        long total = filter.bind(jdbc.sql((filter.grouped()
                ? "select count(*) filter (where p.cluster_id is null) + count(distinct p.cluster_id)" : "select count(*)")
                + " from pitch p where p.query_id = :query" + where)
                .param("query", queryId)).query(Long.class).single();
        Map<Long, ProfileView> profiles = sources.findAll(rows.stream().map(Row::sourceId).distinct().toList());
        List<PitchViews.Card> cards = rows.stream().map(row -> new PitchViews.Card(row.publicId(), row.status(),
                profiles.get(row.sourceId()), row.answered(), row.words(),
                row.at(), row.reason(), row.url(), row.reported(), row.score(), row.flagged(), access.reasons(row.reasons()),
                row.similar(), row.invited()))
                .toList();
        return new PageImpl<>(cards, page, total);
    }

    /** How many pitches of this status the screening filters hide, so nothing is hidden silently. */
    long hiddenBy(long queryId, InboxFilter filter) {
        if (!filter.hides()) {
            return 0;
        }
        InboxFilter all = filter.showingAll();
        return all.bind(filter.bind(jdbc.sql("""
                select count(*) filter (where true %s) - count(*) filter (where true %s)
                from pitch p where p.query_id = :query""".formatted(all.where(), filter.where()))
                .param("query", queryId))).query(Long.class).single();
    }

    Map<PitchStatus, Long> countsByStatus(long queryId) {
        Map<PitchStatus, Long> counts = new EnumMap<>(PitchStatus.class);
        for (PitchStatus status : PitchStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("select status, count(*) from pitch where query_id = :query group by status").param("query", queryId)
                .query((rs, n) -> Map.entry(PitchStatus.valueOf(rs.getString(1)), rs.getLong(2))).list()
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    /** The inbox card of one pitch, for redrawing it after an action. */
    PitchViews.Card card(PitchViews.Detail pitch) {
        record Marks(boolean reported, boolean invited) {
        }
        Marks marks = jdbc.sql("""
                select exists (select 1 from pitch_report where pitch_id = :id),
                       exists (select 1 from invitation i join pitch p on i.query_id = p.query_id
                               and i.source_id = p.source_id where p.id = :id)""")
                .param("id", pitch.id()).query((rs, n) -> new Marks(rs.getBoolean(1), rs.getBoolean(2))).single();
        return new PitchViews.Card(pitch.publicId(), pitch.status(), pitch.source(),
                (int) pitch.answers().stream().filter(answer -> !answer.isBlank()).count(), pitch.wordCount(),
                pitch.submittedAt(), pitch.declineReason(), pitch.articleUrl(), marks.reported(), pitch.score(),
                pitch.flagged(), pitch.reasons(), similarTo(pitch.id()), marks.invited());
    }

    /** How many other pitches to the same query are in this pitch's cluster. */
    private int similarTo(long pitchId) {
        return jdbc.sql("""
                select count(*) from pitch o join pitch p on p.id = :id
                where o.query_id = p.query_id and o.cluster_id = p.cluster_id and o.id <> p.id""")
                .param("id", pitchId).query(Integer.class).single();
    }

    /**
     * The query's shortlisted and used pitches, best first, with every answer: two statements whatever their number
     * (the pitches with their answers, then their sources).
     */
    List<PitchViews.Shortlisted> shortlist(long queryId) {
        record Row(UUID publicId, PitchStatus status, long sourceId, String whyMe, Integer score, List<String> answers,
                PitchAttributions.WrittenBy writtenBy) {
        }
        List<Row> rows = jdbc.sql("""
                select p.public_id, p.status, p.source_id, p.why_me, p.score,
                       array(select a.answer from pitch_answer a where a.pitch_id = p.id order by a.position),
                       p.written_by_name, p.written_by_organisation
                from pitch p where p.query_id = :query and p.status in ('SHORTLISTED', 'USED')
                order by p.score desc nulls last, p.submitted_at, p.id""")
                .param("query", queryId)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), PitchStatus.valueOf(rs.getString(2)), rs.getLong(3),
                        rs.getString(4), (Integer) rs.getObject(5), List.of((String[]) rs.getArray(6).getArray()),
                        rs.getString(7) == null ? null : new PitchAttributions.WrittenBy(rs.getString(7), rs.getString(8))))
                .list();
        Map<Long, ProfileView> profiles = sources.findAll(rows.stream().map(Row::sourceId).distinct().toList());
        return rows.stream().map(row -> new PitchViews.Shortlisted(row.publicId(), row.status(),
                profiles.get(row.sourceId()), row.whyMe(), row.score(), row.answers(), row.writtenBy())).toList();
    }
}
