package org.sourcewire.screening;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MinHashTests {

    private static final String PITCH = "Melatonin helps a little, and only with the right timing: a low dose about "
            + "three hours before the planned daytime sleep. Large doses at bedtime mostly cause grogginess.";
    /** What this release computes for {@link #PITCH}, and what the pitches stored so far carry. */
    private static final int[] STORED_SIGNATURE_START = { 85597870, 241615, 59861280, 11230925 };
    private static final long STORED_FIRST_BAND = -3292279542565490251L;

    @Test
    void shinglesAreWordTriplesWhateverTheCaseAndPunctuation() {
        assertThat(MinHash.shingles("the cat sat on the mat")).hasSize(4);
        assertThat(MinHash.shingles("The CAT sat... on, the mat!")).isEqualTo(MinHash.shingles("the cat sat on the mat"));
        assertThat(MinHash.shingles("the cat sat on the rug")).isNotEqualTo(MinHash.shingles("the cat sat on the mat"));
    }

    @Test
    void aRepeatedTripleIsOneShingleAndFewerThanThreeWordsAreNone() {
        assertThat(MinHash.shingles("buy now buy now buy now")).hasSize(2);
        assertThat(MinHash.shingles("two words")).isEmpty();
        assertThat(MinHash.shingles("")).isEmpty();
    }

    @Test
    void theSameTextHasTheSameSignatureAndBands() {
        int[] signature = MinHash.signature(MinHash.shingles(PITCH));
        int[] again = MinHash.signature(MinHash.shingles(PITCH.toUpperCase()));

        assertThat(signature).hasSize(MinHash.SIZE).isEqualTo(again);
        assertThat(MinHash.bands(signature)).hasSize(MinHash.BANDS).isEqualTo(MinHash.bands(again));
        assertThat(MinHash.similarity(signature, again)).isEqualTo(1.0);
    }

    /** Signatures and bands are stored with each pitch: a change of seeds or hashing would orphan every stored one. */
    @Test
    void signaturesStayTheSameAcrossReleases() {
        int[] signature = MinHash.signature(MinHash.shingles(PITCH));

        assertThat(signature).startsWith(STORED_SIGNATURE_START);
        assertThat(MinHash.bands(signature)[0]).isEqualTo(STORED_FIRST_BAND);
    }

    @ParameterizedTest
    @ValueSource(doubles = { 0.0, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0 })
    void similarityEstimatesTheShareOfShinglesTwoTextsHaveInCommon(double jaccard) {
        // Two sets of 1000 shingles each that share a chosen part: |A ∩ B| / |A ∪ B| = jaccard.
        int shared = (int) Math.round(2000 * jaccard / (1 + jaccard));
        Set<Long> a = range(0, 1000);
        Set<Long> b = range(1000 - shared, 2000 - shared);

        double estimate = MinHash.similarity(MinHash.signature(a), MinHash.signature(b));

        // 72 hashes: the standard error is at most 0.06, so three of them.
        assertThat(estimate).isCloseTo(jaccard, within(0.18));
    }

    @Test
    void nearCopiesShareABandAndUnrelatedTextsDoNot() {
        SplittableRandom random = new SplittableRandom(42);
        int nearCopiesMissed = 0;
        int unrelatedCaught = 0;
        for (int pair = 0; pair < 200; pair++) {
            Set<Long> original = randomShingles(random, 60);
            // A reworded copy: 10 of 60 shingles changed, a Jaccard similarity of 50/70 ≈ 0.71.
            Set<Long> reworded = new HashSet<>(original.stream().skip(10).toList());
            reworded.addAll(randomShingles(random, 10));
            Set<Long> unrelated = randomShingles(random, 60);

            long[] bands = MinHash.bands(MinHash.signature(original));
            if (!shareABand(bands, MinHash.bands(MinHash.signature(reworded)))) {
                nearCopiesMissed++;
            }
            if (shareABand(bands, MinHash.bands(MinHash.signature(unrelated)))) {
                unrelatedCaught++;
            }
        }
        // At 0.71 a pair misses every one of 24 bands with a chance of (1 - 0.71³)²⁴, about 1 in 10⁵.
        assertThat(nearCopiesMissed).isZero();
        assertThat(unrelatedCaught).isZero();
    }

    @Test
    void similarityCountsTheSignaturePositionsThatAgree() {
        int[] a = new int[MinHash.SIZE];
        int[] b = new int[MinHash.SIZE];
        for (int i = 0; i < MinHash.SIZE; i++) {
            a[i] = i;
            b[i] = i < MinHash.SIZE / 4 ? i : -i - 1;
        }
        assertThat(MinHash.similarity(a, b)).isEqualTo(0.25);
    }

    private static Set<Long> range(long from, long to) {
        Set<Long> set = new HashSet<>();
        LongStream.range(from, to).forEach(set::add);
        return set;
    }

    private static Set<Long> randomShingles(SplittableRandom random, int count) {
        Set<Long> set = new java.util.LinkedHashSet<>();
        while (set.size() < count) {
            set.add(random.nextLong());
        }
        return set;
    }

    private static boolean shareABand(long[] a, long[] b) {
        for (int band = 0; band < a.length; band++) {
            if (a[band] == b[band]) {
                return true;
            }
        }
        return false;
    }
}
