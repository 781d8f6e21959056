package org.sourcewire.sources;

import java.awt.image.BufferedImage;

/**
 * A difference hash (dHash) of a picture: 64 bits, one per neighbouring pair of cells in a 9 × 8 grey grid, set when
 * the left cell is darker than the right. It survives re-encoding, resizing and a change of brightness or contrast
 * (only the order of neighbours counts), so the same photo uploaded twice hashes within a few bits.
 * Hand-written rather than JImageHash: that library's last release is from 2021 and it brings JavaFX (with native,
 * per-platform jars) and JTransforms into a server that needs 40 lines of java.awt.
 */
final class HeadshotHash {

    static final int BITS = 64;

    /** The hash is searched in 8 bands of 8 bits: two hashes at most 7 bits apart share a band (pigeonhole). */
    static final int BANDS = 8;

    /**
     * The same photo: at most this many bits apart. With the synthetic portraits of HeadshotHashTests a re-encoded,
     * resized, brightened or slightly (centred) cropped copy lands 0-7 bits away, different portraits 13 or more;
     * 7 is also the most the 8 bands find for certain.
     */
    static final int MAX_DISTANCE = BANDS - 1;

    /**
     * Neighbours closer than this (grey levels of 255) count as equal: in a plain background both cells differ by JPEG
     * noise alone, and comparing them strictly would flip bits at random between two copies of the same photo.
     */
    private static final double TIE = 4.0;

    private HeadshotHash() {
    }

    static long of(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        // Each cell is the mean luminance of its exact share of the picture, pixels on a border counted in part (a
        // box filter): the same photo at another size gives nearly the same cells, not a different set of pixels.
        double[][] columns = weights(width, 9);
        double[][] rows = weights(height, 8);
        double[][] grid = new double[8][9];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = image.getRGB(x, y);
                double luminance = 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
                for (int row = 0; row < 8; row++) {
                    if (rows[y][row] == 0) {
                        continue;
                    }
                    for (int column = 0; column < 9; column++) {
                        grid[row][column] += luminance * rows[y][row] * columns[x][column];
                    }
                }
            }
        }
        long hash = 0;
        for (int row = 0; row < 8; row++) {
            for (int column = 0; column < 8; column++) {
                hash = (hash << 1) | (grid[row][column + 1] - grid[row][column] > TIE ? 1 : 0);
            }
        }
        return hash;
    }

    /** weights[p][c]: the share of pixel p that lies in cell c, when {@code length} pixels are cut into {@code cells}. */
    private static double[][] weights(int length, int cells) {
        double[][] weights = new double[length][cells];
        double cell = (double) length / cells;
        for (int p = 0; p < length; p++) {
            for (int c = 0; c < cells; c++) {
                double overlap = Math.min(p + 1, (c + 1) * cell) - Math.max(p, c * cell);
                weights[p][c] = overlap > 0 ? overlap : 0;
            }
        }
        return weights;
    }

    static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** Band {@code i} (0 = the highest 8 bits) as the database stores it: from 0 to 255. */
    static int band(long hash, int i) {
        return (int) ((hash >>> (56 - 8 * i)) & 0xff);
    }
}
