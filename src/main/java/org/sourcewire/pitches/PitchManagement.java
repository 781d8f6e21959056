package org.sourcewire.pitches;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.sourcewire.accounts.AccountView;
import org.sourcewire.queries.QueryManagement;
import org.sourcewire.queries.QueryView;
import org.sourcewire.infrastructure.PlainRead;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules do with pitches: send one as the pitch form would (the screening evaluation, benchmarks), and
 * read a pitch for screening and store what screening found (its verdict, clusters of near-copies, late flags). The
 * module's own pages and jobs use {@link PitchSubmission}, {@link PitchTriage} and the other services next to it.
 */
@Service
@Transactional
public class PitchManagement {

    private final PitchSubmission submission;
    private final PitchAccess access;
    private final Pitches pitches;
    private final QueryManagement queries;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    PitchManagement(PitchSubmission submission, PitchAccess access, Pitches pitches, QueryManagement queries,
            JdbcClient jdbc, JsonMapper json) {
        this.submission = submission;
        this.access = access;
        this.pitches = pitches;
        this.queries = queries;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The pitch as this reader may see it (the query's journalist, the pitch's source, an admin), or empty. */
    @Transactional(readOnly = true)
    public Optional<PitchViews.Detail> read(UUID publicId, AccountView reader) {
        return access.read(publicId, reader);
    }

    /** The whole pitch as its journalist sees it, for work nobody is asking through a page (rechecking an article). */
    @Transactional(readOnly = true)
    public Optional<PitchViews.Detail> find(long pitchId) {
        return pitches.findById(pitchId).map(pitch -> access.detail(pitch, queries.find(pitch.getQueryId()).orElseThrow()));
    }

    /**
     * Sends a pitch that confirms the query's requirements, the way the pitch form does (the same checks, in the same
     * order), for the screening evaluation. While the query is open, the same {@code submissionKey} again finds the
     * pitch it made.
     */
    public UUID submit(AccountView source, long queryId, List<String> answers, String whyMe, UUID submissionKey) {
        return submission.submit(source, submission.pitchable(queryId, source), new PitchDraft(answers, whyMe, true),
                submissionKey);
    }

    /** What screening said of a pitch: its score, whether it is flagged, and why. Empty while it waits for it. */
    @PlainRead
    public Optional<PitchScreening.Verdict> verdict(UUID publicId) {
        return jdbc.sql("""
                select score, flagged, reasons::text, signals::text from pitch where public_id = :id and score is not null""")
                .param("id", publicId)
                .query((rs, n) -> PitchScreening.Verdict.stored(rs.getInt(1), rs.getBoolean(2),
                        access.reasons(rs.getString(3)), access.signals(rs.getString(4))))
                .optional();
    }

    /**
     * A stored pitch as screening reads it, its row locked until the caller's transaction ends (so the source cannot
     * change it half-way); empty if it was withdrawn.
     */
    public Optional<PitchScreening.Draft> lockForScreening(long pitchId) {
        return pitches.findById(pitchId).map(pitch -> {
            pitches.lockAndRefresh(pitch);
            QueryView query = queries.find(pitch.getQueryId()).orElseThrow();
            return PitchSubmission.screeningDraft(pitch.getId(), query, pitch.getSourceId(),
                    new PitchDraft(pitch.getAnswers(), pitch.getWhyMe(), true));
        });
    }

    /** Stores screening's verdict on a pitch (and the signals it came from), in the caller's transaction. */
    public void recordVerdict(long pitchId, PitchScreening.Verdict verdict) {
        jdbc.sql("""
                update pitch set score = :score, flagged = :flagged, reasons = cast(:reasons as jsonb),
                                 signals = cast(:signals as jsonb), screened_at = clock_timestamp()
                where id = :id""")
                .param("score", verdict.score()).param("flagged", verdict.flagged())
                .param("reasons", json.writeValueAsString(verdict.reasons()))
                .param("signals", json.writeValueAsString(verdict.signals())).param("id", pitchId).update();
    }

    /**
     * Puts a pitch in one cluster with the earlier pitches it copies or rewords, and with their clusters (merged when
     * it bridges two): every member carries the smallest member's id.
     */
    public void cluster(long pitchId, Collection<Long> similar) {
        jdbc.sql("""
                with members as (select id, coalesce(cluster_id, id) as cluster from pitch where id in (:ids)),
                     joined as (select min(cluster) as cluster from members),
                     affected as (select id from members
                                  union select p.id from pitch p where p.cluster_id in (select cluster from members))
                update pitch set cluster_id = (select cluster from joined)
                where id in (select id from affected) and cluster_id is distinct from (select cluster from joined)""")
                .param("ids", java.util.stream.Stream.concat(similar.stream(), java.util.stream.Stream.of(pitchId)).toList())
                .update();
    }

    /** Flags pitches screening found out later (e.g. one of a template's copies), with the reason why. */
    public void flag(Collection<Long> pitchIds, PitchScreening.Reason reason) {
        jdbc.sql("""
                update pitch set flagged = true, reasons = reasons || cast(:reason as jsonb)
                where id in (:ids) and not flagged""")
                .param("ids", pitchIds).param("reason", json.writeValueAsString(List.of(reason))).update();
    }
}
