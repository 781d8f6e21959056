package org.sourcewire.sources;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Turns an uploaded picture into the stored headshot: the format is told by the file's first bytes (never by its
 * name or the browser's content type), the picture is decoded, cropped to a centred square, scaled down and written
 * anew as JPEG, so nothing of the upload but its pixels is kept (no metadata, no scripts, no polyglots).
 */
final class Headshots {

    /** Refuse pictures whose pixels alone would take too much memory to decode (decompression bombs). */
    private static final long MAX_PIXELS = 40_000_000L;

    /** The shortest side a picture may have: smaller ones look blurred at the size pages show them. */
    static final int MIN_SIDE = 100;

    private Headshots() {
    }

    enum Format {
        JPEG, PNG, WEBP
    }

    /** @param hash the picture's {@link HeadshotHash}, for finding the same photo on other accounts */
    record Processed(byte[] jpeg, int width, int height, long hash) {
    }

    static Format sniff(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xD8 && (bytes[2] & 0xff) == 0xFF) {
            return Format.JPEG;
        }
        if (bytes.length >= 8 && Arrays.equals(Arrays.copyOf(bytes, 8),
                new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' })) {
            return Format.PNG;
        }
        if (bytes.length >= 12 && bytes[0] == 'R' && bytes[1] == 'I' && bytes[2] == 'F' && bytes[3] == 'F'
                && bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B' && bytes[11] == 'P') {
            return Format.WEBP;
        }
        return null;
    }

    /** @throws HeadshotException with a message for the person uploading, when the file is not a usable picture */
    static Processed process(byte[] upload, int pixels) {
        Format format = sniff(upload);
        if (format == null) {
            throw new HeadshotException("sources.rule.headshot-not-a-picture");
        }
        BufferedImage image = decode(upload, format);
        BufferedImage square = cropAndScale(image, pixels);
        return new Processed(encodeJpeg(square), square.getWidth(), square.getHeight(), HeadshotHash.of(square));
    }

    private static BufferedImage decode(byte[] upload, Format format) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.name().toLowerCase(java.util.Locale.ROOT));
            if (!readers.hasNext()) {
                throw unreadable(format);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width * height > MAX_PIXELS) {
                    throw new HeadshotException("sources.rule.headshot-too-many-pixels", width, height);
                }
                if (width < MIN_SIDE || height < MIN_SIDE) {
                    throw new HeadshotException("sources.rule.headshot-too-few-pixels", width, height, MIN_SIDE);
                }
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw unreadable(format);
                }
                return image;
            }
            finally {
                reader.dispose();
            }
        }
        catch (IOException | RuntimeException ex) {
            if (ex instanceof HeadshotException headshot) {
                throw headshot;
            }
            throw unreadable(format);
        }
    }

    private static HeadshotException unreadable(Format format) {
        return new HeadshotException("sources.rule.headshot-unreadable", format.name());
    }

    private static BufferedImage cropAndScale(BufferedImage image, int pixels) {
        int side = Math.min(image.getWidth(), image.getHeight());
        int x = (image.getWidth() - side) / 2;
        int y = (image.getHeight() - side) / 2;
        int target = Math.min(side, pixels);
        BufferedImage out = new BufferedImage(target, target, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, target, target);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, target, target, x, y, x + side, y + side, null);
        }
        finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] encodeJpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        catch (IOException ex) {
            throw new IllegalStateException("Could not encode a headshot", ex);
        }
        finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
