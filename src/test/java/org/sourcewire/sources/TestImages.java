package org.sourcewire.sources;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

import javax.imageio.ImageIO;

/** Pictures for upload tests, made on the fly (JPEG, PNG) or kept small and inline (WebP, which ImageIO cannot write). */
public final class TestImages {

    /** A 120 × 120 WebP made with cwebp. */
    public static final byte[] WEBP_120 = Base64.getDecoder().decode("UklGRjQBAABXRUJQVlA4ICgBAACQCwCdASp4AHgAPu10rlQppq4jII4RwB2JY27f+IUgG7g5A1yy2Z/q+wBQ2T7slFRObfmbX/+MzGdg16f/Hzn5GDc1/1qPd2NLLxf86owbern5H/sc3tnTzcf/+xP+7/7n///uQAD+7+ht1QK/eDYDDb8vv8TxVjEMXB1SGemZDAJR+gki2qYN1hKiv8tO0eKOLr9g9oEW0LrnV/w89BAz0jr96DwNxWXXp5dROrpHdTGjFauNPhIrUaYJ76xuJ2oCv/CvXKes2WE3kEvWuyO5ygXgyvyFbNoWcYEE0gOTuWCZjK/b++NCmHnnhvClFqwjOVQxfB4v9kG9RxAAVD1mw4LuGKLZMz6o8GINylZcBDIaxnvuzA1aFsVbQY7qhbZaFE+BIeAAAA==");

    private TestImages() {
    }

    public static byte[] png(int width, int height) {
        return write(picture(width, height, BufferedImage.TYPE_INT_ARGB), "png");
    }

    public static byte[] jpeg(int width, int height) {
        return write(picture(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
    }

    private static BufferedImage picture(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(20, 90, 110));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(240, 200, 120));
        g.fillOval(width / 4, height / 6, width / 2, height / 2);
        g.dispose();
        return image;
    }

    private static byte[] write(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
