package org.sourcewire.sources;

import java.awt.image.BufferedImage;
import java.util.function.UnaryOperator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeadshotHashTests {

    /** The hash as an upload gets it: through the headshot pipeline (centred square, 400 px, JPEG) first. */
    static long uploaded(byte[] upload) {
        return Headshots.process(upload, 400).hash();
    }

    static long uploaded(BufferedImage image) {
        return uploaded(FaceImages.jpeg(image, 0.9f));
    }

    @ParameterizedTest
    @ValueSource(strings = { "re-encoded", "resized", "brighter", "darker", "more contrast", "cropped" })
    void copiesOfTheSamePhotoMatch(String edit) {
        UnaryOperator<BufferedImage> change = switch (edit) {
            case "re-encoded" -> image -> FaceImages.read(FaceImages.jpeg(image, 0.7f));
            case "resized" -> image -> FaceImages.resized(image, 300, 300);
            case "brighter" -> image -> FaceImages.brightened(image, 1.0f, 25f);
            case "darker" -> image -> FaceImages.brightened(image, 0.9f, 0f);
            case "more contrast" -> image -> FaceImages.brightened(image, 1.15f, -10f);
            case "cropped" -> image -> FaceImages.cropped(image, 0.04, 0.5);
            default -> throw new IllegalArgumentException(edit);
        };
        for (long seed = 1; seed <= 25; seed++) {
            BufferedImage original = FaceImages.portrait(seed, 800);
            int distance = HeadshotHash.distance(uploaded(FaceImages.png(original)), uploaded(change.apply(original)));
            assertThat(distance).as("portrait %d %s", seed, edit).isLessThanOrEqualTo(HeadshotHash.MAX_DISTANCE);
        }
    }

    @Test
    void differentPortraitsDoNotMatch() {
        long[] hashes = new long[40];
        for (int seed = 0; seed < hashes.length; seed++) {
            hashes[seed] = uploaded(FaceImages.portrait(seed + 1, 600));
        }
        for (int a = 0; a < hashes.length; a++) {
            for (int b = a + 1; b < hashes.length; b++) {
                assertThat(HeadshotHash.distance(hashes[a], hashes[b])).as("portraits %d and %d", a + 1, b + 1)
                        .isGreaterThan(HeadshotHash.MAX_DISTANCE + 3);
            }
        }
    }

    @Test
    void aMirroredPhotoIsAnotherPicture() {
        BufferedImage original = FaceImages.portrait(7, 600);
        BufferedImage mirrored = new BufferedImage(600, 600, BufferedImage.TYPE_INT_RGB);
        mirrored.createGraphics().drawImage(original, 600, 0, -600, 600, null);
        assertThat(HeadshotHash.distance(uploaded(original), uploaded(mirrored))).isGreaterThan(HeadshotHash.MAX_DISTANCE);
    }

    @Test
    void bandsAreTheHashsBytesFromTheHighest() {
        long hash = 0x0123456789abcdefL;
        assertThat(HeadshotHash.band(hash, 0)).isEqualTo(0x01);
        assertThat(HeadshotHash.band(hash, 7)).isEqualTo(0xef);
        assertThat(HeadshotHash.band(-1L, 0)).isEqualTo(0xff);
        assertThat(HeadshotHash.distance(hash, hash ^ 0b1011)).isEqualTo(3);
    }
}
