package org.sourcewire.screening;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.google.common.hash.Hashing;
import org.sourcewire.shared.Words;

/**
 * MinHash signatures of word 3-gram shingles, and locality-sensitive band hashes over them: two texts share a band
 * hash with high probability when their Jaccard similarity is high (24 bands of 3 rows: about 96% at 0.5, 58% at
 * 0.3, 3% at 0.1), so candidates come from an index lookup and the signatures then estimate the similarity.
 */
final class MinHash {

    static final int BANDS = 24;
    static final int ROWS = 3;
    static final int SIZE = BANDS * ROWS;
    /** Fewer shingles than this say too little to call two texts copies of each other. */
    static final int MIN_SHINGLES = 12;

    private static final long[] SEEDS = new long[SIZE];

    static {
        long seed = 0x5DEECE66DL;
        for (int i = 0; i < SIZE; i++) {
            seed = splitMix(seed + i);
            SEEDS[i] = seed;
        }
    }

    private MinHash() {
    }

    static Set<Long> shingles(String text) {
        List<String> words = Words.tokens(text.toLowerCase(Locale.ROOT));
        Set<Long> shingles = new HashSet<>();
        for (int i = 0; i + 2 < words.size(); i++) {
            String shingle = words.get(i) + ' ' + words.get(i + 1) + ' ' + words.get(i + 2);
            shingles.add(Hashing.murmur3_128().hashString(shingle, StandardCharsets.UTF_8).asLong());
        }
        return shingles;
    }

    static int[] signature(Set<Long> shingles) {
        int[] signature = new int[SIZE];
        java.util.Arrays.fill(signature, Integer.MAX_VALUE);
        for (long shingle : shingles) {
            for (int i = 0; i < SIZE; i++) {
                int value = (int) (splitMix(shingle ^ SEEDS[i]) >>> 33);
                if (value < signature[i]) {
                    signature[i] = value;
                }
            }
        }
        return signature;
    }

    static long[] bands(int[] signature) {
        long[] bands = new long[BANDS];
        for (int band = 0; band < BANDS; band++) {
            long hash = band * 0x9E3779B97F4A7C15L;
            for (int row = 0; row < ROWS; row++) {
                hash = splitMix(hash ^ signature[band * ROWS + row]);
            }
            bands[band] = hash;
        }
        return bands;
    }

    static double similarity(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < SIZE; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / SIZE;
    }

    private static long splitMix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
