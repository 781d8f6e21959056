package org.sourcewire.sources;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.sourcewire.sources.Headshots.Format;
import org.sourcewire.sources.Headshots.Processed;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeadshotsTests {

    private static final String NOT_A_PICTURE = "This file is not a JPEG, PNG or WebP picture. Choose a photo in one of those formats.";

    private static final ResourceBundleMessageSource BUNDLE = new ResourceBundleMessageSource();

    static {
        BUNDLE.setBasename("messages");
        BUNDLE.setDefaultEncoding("UTF-8");
    }

    @Test
    void theFormatIsToldByTheFirstBytes() {
        assertThat(Headshots.sniff(TestImages.jpeg(120, 120))).isEqualTo(Format.JPEG);
        assertThat(Headshots.sniff(TestImages.png(120, 120))).isEqualTo(Format.PNG);
        assertThat(Headshots.sniff(TestImages.WEBP_120)).isEqualTo(Format.WEBP);
    }

    @Test
    void otherFilesAndFragmentsOfMagicBytesAreNoPicture() {
        assertThat(Headshots.sniff(new byte[0])).isNull();
        assertThat(Headshots.sniff(new byte[] { (byte) 0xFF, (byte) 0xD8 })).as("two of JPEG's three bytes").isNull();
        assertThat(Headshots.sniff("GIF89a..........".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(Headshots.sniff("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII))).as("a WAV file").isNull();
        assertThat(Headshots.sniff("<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(Headshots.sniff(Arrays.copyOf(TestImages.png(120, 120), 7))).isNull();
    }

    @Test
    void aPictureBecomesACentredSquareJpegOfAtMostTheAskedSize() throws IOException {
        // A wide picture: red margins left and right, a blue square in the middle.
        BufferedImage wide = new BufferedImage(900, 500, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = wide.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 900, 500);
        g.setColor(Color.BLUE);
        g.fillRect(200, 0, 500, 500);
        g.dispose();

        Processed headshot = Headshots.process(png(wide), 400);

        assertThat(Headshots.sniff(headshot.jpeg())).isEqualTo(Format.JPEG);
        assertThat(headshot.width()).isEqualTo(400);
        assertThat(headshot.height()).isEqualTo(400);
        BufferedImage stored = ImageIO.read(new java.io.ByteArrayInputStream(headshot.jpeg()));
        assertThat(stored.getWidth()).isEqualTo(400);
        assertThat(stored.getHeight()).isEqualTo(400);
        for (int[] corner : new int[][] { { 2, 2 }, { 397, 2 }, { 2, 397 }, { 397, 397 } }) {
            assertThat(new Color(stored.getRGB(corner[0], corner[1]))).as("corner %s", Arrays.toString(corner))
                    .satisfies(color -> assertThat(color.getBlue()).isGreaterThan(200))
                    .satisfies(color -> assertThat(color.getRed()).isLessThan(50));
        }
    }

    @Test
    void aSmallerPictureIsNotBlownUp() {
        Processed headshot = Headshots.process(TestImages.jpeg(150, 180), 400);

        assertThat(headshot.width()).isEqualTo(150);
        assertThat(headshot.height()).isEqualTo(150);
    }

    @Test
    void transparentPartsBecomeWhite() throws IOException {
        BufferedImage clear = new BufferedImage(200, 200, BufferedImage.TYPE_INT_ARGB);

        Processed headshot = Headshots.process(png(clear), 200);

        Color middle = new Color(ImageIO.read(new java.io.ByteArrayInputStream(headshot.jpeg())).getRGB(100, 100));
        assertThat(middle.getRed() + middle.getGreen() + middle.getBlue()).isGreaterThan(3 * 245);
    }

    @Test
    void aWebpPictureIsReadToo() {
        Processed headshot = Headshots.process(TestImages.WEBP_120, 400);

        assertThat(Headshots.sniff(headshot.jpeg())).isEqualTo(Format.JPEG);
        assertThat(headshot.width()).isEqualTo(120);
    }

    @Test
    void nothingButThePixelsIsKept() {
        String script = "<script>alert('stored')</script>";
        // A comment segment inside the JPEG, and an HTML page after its end (a polyglot).
        byte[] jpeg = TestImages.jpeg(300, 300);
        byte[] comment = ByteBuffer.allocate(4 + script.length()).put((byte) 0xFF).put((byte) 0xFE)
                .putShort((short) (2 + script.length())).put(script.getBytes(StandardCharsets.US_ASCII)).array();
        byte[] upload = concat(Arrays.copyOf(jpeg, 2), comment, Arrays.copyOfRange(jpeg, 2, jpeg.length),
                ("<html>" + script + "</html>").getBytes(StandardCharsets.US_ASCII));
        assertThat(new String(upload, StandardCharsets.ISO_8859_1)).contains(script);

        Processed headshot = Headshots.process(upload, 400);

        assertThat(new String(headshot.jpeg(), StandardCharsets.ISO_8859_1)).doesNotContain("script").doesNotContain("html");
    }

    @Test
    void aFileThatIsNoPictureIsRefusedWithAMessage() {
        assertThatThrownBy(() -> Headshots.process("%PDF-1.7 a document".getBytes(StandardCharsets.US_ASCII), 400))
                .isInstanceOfSatisfying(HeadshotException.class, ex -> assertThat(words(ex)).isEqualTo(NOT_A_PICTURE));
        assertThatThrownBy(() -> Headshots.process(new byte[0], 400))
                .isInstanceOfSatisfying(HeadshotException.class, ex -> assertThat(words(ex)).isEqualTo(NOT_A_PICTURE));
    }

    @Test
    void aDamagedPictureIsRefusedWithAMessage() {
        byte[] png = TestImages.png(300, 300);
        byte[] truncated = Arrays.copyOf(png, png.length / 2);

        assertThatThrownBy(() -> Headshots.process(truncated, 400)).isInstanceOfSatisfying(HeadshotException.class,
                ex -> assertThat(words(ex)).isEqualTo("This PNG file could not be read. It may be damaged; try another photo."));
        assertThatThrownBy(() -> Headshots.process(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0 }, 400))
                .isInstanceOfSatisfying(HeadshotException.class, ex -> assertThat(words(ex))
                        .isEqualTo("This JPEG file could not be read. It may be damaged; try another photo."));
    }

    @Test
    void aPictureWithASideUnder100PixelsIsTooSmall() {
        assertThat(Headshots.process(TestImages.png(100, 100), 400).width()).isEqualTo(100);
        assertThatThrownBy(() -> Headshots.process(TestImages.png(300, 99), 400)).isInstanceOfSatisfying(
                HeadshotException.class, ex -> assertThat(words(ex))
                        .isEqualTo("This picture is too small (300 × 99 pixels). Use one of at least 100 × 100 pixels."));
    }

    /** A small file that claims 100 000 × 100 000 pixels is refused by its header, before anything is decoded. */
    @Test
    void aPictureClaimingMoreThan40MegapixelsIsRefusedUndecoded() {
        byte[] bomb = withSize(TestImages.png(120, 120), 100_000, 100_000);

        assertThatThrownBy(() -> Headshots.process(bomb, 400)).isInstanceOfSatisfying(HeadshotException.class,
                ex -> assertThat(words(ex)).isEqualTo(
                        "This picture is too large (100000 × 100000 pixels). Use one of at most 40 megapixels."));
        assertThatThrownBy(() -> Headshots.process(withSize(TestImages.png(120, 120), 8000, 5001), 400))
                .as("just over 40 megapixels").isInstanceOfSatisfying(HeadshotException.class,
                        ex -> assertThat(words(ex)).startsWith("This picture is too large"));
    }

    /** The refusal in the words of messages.properties. */
    private static String words(HeadshotException refusal) {
        return BUNDLE.getMessage(refusal, Locale.ENGLISH);
    }

    /** The PNG with another width and height in its header (and the header's checksum redone to match). */
    private static byte[] withSize(byte[] png, int width, int height) {
        byte[] changed = png.clone();
        // 8 bytes of signature, then the IHDR chunk: length (4), type (4), width (4), height (4), ...; its CRC at 29.
        ByteBuffer buffer = ByteBuffer.wrap(changed);
        buffer.putInt(16, width).putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(changed, 12, 17);
        buffer.putInt(29, (int) crc.getValue());
        return changed;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
