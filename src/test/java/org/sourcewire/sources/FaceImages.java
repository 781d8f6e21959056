package org.sourcewire.sources;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.RescaleOp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Made-up portraits, one per seed (background, face, hair, eyes, shoulders), and the edits a copied photo goes through. */
final class FaceImages {

    private FaceImages() {
    }

    static BufferedImage portrait(long seed, int size) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, color(random), size * random.nextFloat(), size, color(random)));
        g.fillRect(0, 0, size, size);
        for (int i = 0; i < 6; i++) {
            g.setColor(color(random));
            g.fillOval(at(random, size, -0.2, 1.0), at(random, size, -0.2, 1.0), at(random, size, 0.1, 0.6),
                    at(random, size, 0.1, 0.6));
        }
        g.setColor(color(random));
        g.fillRoundRect(at(random, size, 0.05, 0.25), at(random, size, 0.65, 0.8), at(random, size, 0.5, 0.9), size,
                size / 4, size / 4);
        int faceX = at(random, size, 0.2, 0.4);
        int faceY = at(random, size, 0.1, 0.3);
        int faceW = at(random, size, 0.3, 0.45);
        int faceH = at(random, size, 0.4, 0.55);
        g.setColor(color(random));
        g.fillOval(faceX - faceW / 10, faceY - faceH / 8, faceW * 12 / 10, faceH * 6 / 10);
        g.setColor(new Color(150 + random.nextInt(100), 100 + random.nextInt(90), 70 + random.nextInt(80)));
        g.fillOval(faceX, faceY, faceW, faceH);
        g.setColor(Color.DARK_GRAY);
        g.fillOval(faceX + faceW / 4, faceY + faceH / 3, faceW / 8, faceH / 12);
        g.fillOval(faceX + faceW * 5 / 8, faceY + faceH / 3, faceW / 8, faceH / 12);
        g.setStroke(new BasicStroke(Math.max(2, size / 80f)));
        g.drawArc(faceX + faceW / 3, faceY + faceH * 2 / 3, faceW / 3, faceH / 8, 200, 140);
        g.dispose();
        return image;
    }

    private static Color color(Random random) {
        return new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256));
    }

    private static int at(Random random, int size, double from, double to) {
        return (int) (size * (from + random.nextDouble() * (to - from)));
    }

    static BufferedImage resized(BufferedImage image, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return out;
    }

    /** {@code fraction} of the width and height cut off, split between the sides as {@code left} says (0 to 1). */
    static BufferedImage cropped(BufferedImage image, double fraction, double left) {
        int cutX = (int) (image.getWidth() * fraction);
        int cutY = (int) (image.getHeight() * fraction);
        BufferedImage sub = image.getSubimage((int) (cutX * left), (int) (cutY * left), image.getWidth() - cutX,
                image.getHeight() - cutY);
        return resized(sub, sub.getWidth(), sub.getHeight());
    }

    static BufferedImage brightened(BufferedImage image, float factor, float offset) {
        return new RescaleOp(factor, offset, null).filter(image, null);
    }

    static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static BufferedImage read(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
