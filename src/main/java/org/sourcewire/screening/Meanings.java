package org.sourcewire.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.sourcewire.pitches.PitchScreening;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stored pitches' meanings and the look-up of the ones closest to a new pitch's. Each meaning is hashed by
 * {@value #BANDS} bands of {@value #BITS} random hyperplanes (which side of each plane it lies on): two meanings with a
 * cosine of 0.78 (a reworded copy) share at least one band in 83 cases of 100, of 0.85 in 96, of 0.9 in 99.6, and
 * unrelated ones (0.3) in 6; the stored pitches sharing the most bands are compared exactly, through the index, however
 * many are stored. (Band numbers sit above each band's bits, so a change of {@code BANDS} or {@code BITS} needs the
 * stored bands computed again: {@code MeaningBandsMigration}.)
 */
@Component
class Meanings {

    static final int BANDS = 32;
    static final int BITS = 12;

    /** Fixed forever: stored band hashes are only comparable with hyperplanes drawn from the same seed. */
    private static final long SEED = 20261206L;

    private static final float[][] PLANES = planes();

    /** Pitches sharing the most bands are compared exactly; this many at most. */
    private static final int CANDIDATES = 50;

    private final JdbcClient jdbc;

    Meanings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * How close the nearest stored pitch of another source is, which are at least {@code near}, and from how many
     * sources those come.
     */
    record Close(double nearest, List<Long> near, int nearSources) {
    }

    Close closest(PitchScreening.Draft draft, float[] meaning, double near) {
        if (isEmpty(meaning)) {
            return new Close(0, List.of(), 0);
        }
        record Candidate(long pitchId, long sourceId, float[] vector) {
        }
        List<Candidate> candidates = jdbc.sql("""
                select m.pitch_id, m.source_id, array_to_string(m.vector, ',')
                from pitch_meaning m
                where m.pitch_id in (select b.pitch_id from pitch_meaning_band b where b.band_hash in (:bands)
                                     group by b.pitch_id order by count(*) desc limit :limit)
                  and m.pitch_id <> :self and m.source_id <> :source""")
                .param("bands", Arrays.stream(bands(meaning)).boxed().toList()).param("limit", CANDIDATES)
                .param("self", draft.pitchId() == null ? -1L : draft.pitchId()).param("source", draft.sourceId())
                .query((rs, n) -> new Candidate(rs.getLong(1), rs.getLong(2), parse(rs.getString(3)))).list();
        double nearest = 0;
        List<Long> close = new ArrayList<>();
        Set<Long> sources = new HashSet<>();
        for (Candidate candidate : candidates) {
            double cosine = Embeddings.cosine(meaning, candidate.vector());
            nearest = Math.max(nearest, cosine);
            if (cosine >= near) {
                close.add(candidate.pitchId());
                sources.add(candidate.sourceId());
            }
        }
        return new Close(nearest, List.copyOf(close), sources.size());
    }

    /** Keeps a stored pitch's meaning (replacing an earlier one, for an edited pitch). */
    void remember(long pitchId, PitchScreening.Draft draft, float[] meaning) {
        PitchSketch.MEANING.forget(jdbc, pitchId);
        if (isEmpty(meaning)) {
            return;
        }
        PitchSketch.MEANING.keep(jdbc, pitchId, draft, join(meaning), bands(meaning));
    }

    /** Each band's hash: the band's number and which side of each of its hyperplanes the meaning lies on. */
    static long[] bands(float[] meaning) {
        long[] hashes = new long[BANDS];
        for (int band = 0; band < BANDS; band++) {
            long bits = 0;
            for (int bit = 0; bit < BITS; bit++) {
                float[] plane = PLANES[band * BITS + bit];
                double side = 0;
                for (int i = 0; i < meaning.length; i++) {
                    side += plane[i] * meaning[i];
                }
                bits = (bits << 1) | (side >= 0 ? 1 : 0);
            }
            hashes[band] = ((long) band << BITS) | bits;
        }
        return hashes;
    }

    private static float[][] planes() {
        Random random = new Random(SEED);
        float[][] planes = new float[BANDS * BITS][Embeddings.DIMENSIONS];
        for (float[] plane : planes) {
            for (int i = 0; i < plane.length; i++) {
                plane[i] = (float) random.nextGaussian();
            }
        }
        return planes;
    }

    private static boolean isEmpty(float[] meaning) {
        for (float v : meaning) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    private static float[] parse(String text) {
        String[] parts = text.split(",");
        float[] vector = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            vector[i] = Float.parseFloat(parts[i]);
        }
        return vector;
    }

    private static String join(float[] values) {
        StringBuilder out = new StringBuilder(values.length * 10);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(values[i]);
        }
        return out.toString();
    }
}
