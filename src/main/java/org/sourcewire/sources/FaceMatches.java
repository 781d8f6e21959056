package org.sourcewire.sources;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import javax.imageio.ImageIO;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sourcewire.audit.Actor;
import org.sourcewire.audit.AuditLog;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The same face on many accounts: each headshot's difference hash, the search for headshots of other profiles within
 * {@link HeadshotHash#MAX_DISTANCE} bits, and the admins' queue of such pairs.
 */
@Service
@Transactional
class FaceMatches {

    private static final Logger log = LoggerFactory.getLogger(FaceMatches.class);

    /** Candidates share a band (an indexed column each), then the exact distance decides. */
    private static final String NEAR = IntStream.range(0, HeadshotHash.BANDS)
            .mapToObj(i -> "h.band" + i + " = :b" + i).reduce((a, b) -> a + " or " + b).orElseThrow();

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    FaceMatches(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Stores the hash of a profile's (new) headshot and queues each other profile whose headshot is the same photo.
     * Open pairs of the old headshot go; pairs admins decided stay decided.
     */
    void hashed(long profileId, long hash) {
        jdbc.sql("update source_headshot set dhash = :hash where profile_id = :id")
                .param("hash", hash).param("id", profileId).update();
        forget(profileId);
        var insert = jdbc.sql("""
                insert into face_match (profile_a, profile_b, distance, found_at)
                select least(:id, h.profile_id), greatest(:id, h.profile_id),
                       bit_count(cast(h.dhash # :hash as bit(64))), :now
                from source_headshot h
                where h.profile_id <> :id and (""" + NEAR + """
                ) and bit_count(cast(h.dhash # :hash as bit(64))) <= :max
                on conflict (profile_a, profile_b) do nothing""")
                .param("id", profileId).param("hash", hash).param("max", HeadshotHash.MAX_DISTANCE)
                .param("now", Timestamp.from(clock.instant()));
        for (int i = 0; i < HeadshotHash.BANDS; i++) {
            insert = insert.param("b" + i, HeadshotHash.band(hash, i));
        }
        insert.update();
    }

    /** The headshot is gone (or replaced): its open pairs leave the queue. */
    void forget(long profileId) {
        jdbc.sql("delete from face_match where status = 'OPEN' and (profile_a = :id or profile_b = :id)")
                .param("id", profileId).update();
    }

    /** Profiles (other than {@code profileId}) whose headshot is within the distance of {@code hash}, nearest first. */
    @Transactional(readOnly = true)
    Map<Long, Integer> near(long hash, long profileId) {
        var select = jdbc.sql("""
                select h.profile_id, bit_count(cast(h.dhash # :hash as bit(64))) as distance
                from source_headshot h
                where h.profile_id <> :id and (""" + NEAR + """
                ) and bit_count(cast(h.dhash # :hash as bit(64))) <= :max
                order by distance, h.profile_id""")
                .param("id", profileId).param("hash", hash).param("max", HeadshotHash.MAX_DISTANCE);
        for (int i = 0; i < HeadshotHash.BANDS; i++) {
            select = select.param("b" + i, HeadshotHash.band(hash, i));
        }
        Map<Long, Integer> near = new java.util.LinkedHashMap<>();
        select.query((rs, n) -> Map.entry(rs.getLong(1), rs.getInt(2))).list()
                .forEach(entry -> near.put(entry.getKey(), entry.getValue()));
        return near;
    }

    /**
     * Hashes up to {@code limit} headshots stored before hashing existed (or whose hash is missing), in profile
     * order, and queues their matches. A picture that cannot be read is logged and skipped.
     * @return how many were hashed
     */
    int backfill(int limit) {
        record Stored(long profileId, byte[] image) {
        }
        int hashed = 0;
        long after = 0;
        int batch = Math.min(limit, 50);
        while (hashed < limit) {
            List<Stored> rows = jdbc.sql("""
                    select profile_id, image from source_headshot where dhash is null and profile_id > :after
                    order by profile_id limit :batch""")
                    .param("after", after).param("batch", batch)
                    .query((rs, n) -> new Stored(rs.getLong(1), rs.getBytes(2))).list();
            if (rows.isEmpty()) {
                break;
            }
            for (Stored row : rows) {
                after = row.profileId();
                try {
                    var image = ImageIO.read(new ByteArrayInputStream(row.image()));
                    if (image == null) {
                        log.warn("The headshot of profile {} is not a picture ImageIO reads; not hashed", row.profileId());
                        continue;
                    }
                    hashed(row.profileId(), HeadshotHash.of(image));
                    hashed++;
                }
                catch (IOException | RuntimeException ex) {
                    log.warn("Could not hash the headshot of profile {}: {}", row.profileId(), ex.toString());
                }
            }
        }
        return hashed;
    }

    // --- the admins' queue -----------------------------------------------------------------------------------------

    enum Decision {
        DIFFERENT_PEOPLE("face.different_people", "Different people"), DEALT_WITH("face.dealt_with", "Dealt with");

        final String action;
        final String label;

        Decision(String action, String label) {
            this.action = action;
            this.label = label;
        }
    }

    record Pair(long id, long profileA, long profileB, int distance, Instant foundAt) {
    }

    @Transactional(readOnly = true)
    Page<Pair> open(Pageable page) {
        List<Pair> rows = jdbc.sql("""
                select id, profile_a, profile_b, distance, found_at from face_match where status = 'OPEN'
                order by found_at desc, id desc limit :limit offset :offset""")
                .param("limit", page.getPageSize()).param("offset", page.getOffset())
                .query((rs, n) -> new Pair(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4),
                        rs.getTimestamp(5).toInstant())).list();
        long total = jdbc.sql("select count(*) from face_match where status = 'OPEN'").query(Long.class).single();
        return new PageImpl<>(rows, page, total);
    }

    /** @return false when the pair is not (or no longer) in the queue */
    boolean decide(long matchId, Decision decision, Actor admin) {
        var pair = jdbc.sql("""
                update face_match set status = :status, decided_at = :now, decided_by = :admin
                where id = :id and status = 'OPEN' returning profile_a, profile_b, distance""")
                .param("status", decision.name()).param("now", Timestamp.from(clock.instant()))
                .param("admin", admin.id()).param("id", matchId)
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), (long) rs.getInt(3))).optional();
        pair.ifPresent(p -> audit.record(admin, decision.action, "face match " + matchId,
                decision.label + ": the headshots of profiles " + p.get(0) + " and " + p.get(1) + " (" + p.get(2)
                        + " bits apart)", Map.of("status", "OPEN"), Map.of("status", decision.name())));
        return pair.isPresent();
    }
}
