package vn.motcua.intake;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads QR codes back with ZXing, the library that drew them: from the slip's inline SVG (drawn again as pixels), or
 * from a screenshot of it in a browser.
 */
public final class QrImages {

    private static final Pattern VIEW_BOX = Pattern.compile("<svg[^>]*viewBox=\"0 0 (\\d+) (\\d+)\"");
    /** One dark module: the unit square at (x, y), as the slip's SVG path draws each. */
    private static final Pattern MODULE = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z");
    private static final int PIXELS_PER_MODULE = 4;
    private static final int WHITE = 0xFFFFFFFF;
    private static final int BLACK = 0xFF000000;

    private QrImages() {
    }

    /** The text of the QR code drawn by the first {@code <svg>} of {@code html}. */
    public static String fromSvg(String html) {
        Matcher box = VIEW_BOX.matcher(html);
        if (!box.find()) {
            throw new AssertionError("no <svg> with a viewBox in the page");
        }
        int modulesWide = Integer.parseInt(box.group(1));
        int modulesHigh = Integer.parseInt(box.group(2));
        int width = modulesWide * PIXELS_PER_MODULE;
        int[] pixels = new int[width * modulesHigh * PIXELS_PER_MODULE];
        Arrays.fill(pixels, WHITE);
        String svg = html.substring(box.start(), html.indexOf("</svg>", box.start()));
        Matcher module = MODULE.matcher(svg);
        while (module.find()) {
            int x0 = Integer.parseInt(module.group(1)) * PIXELS_PER_MODULE;
            int y0 = Integer.parseInt(module.group(2)) * PIXELS_PER_MODULE;
            for (int y = y0; y < y0 + PIXELS_PER_MODULE; y++) {
                Arrays.fill(pixels, y * width + x0, y * width + x0 + PIXELS_PER_MODULE, BLACK);
            }
        }
        return decode(width, modulesHigh * PIXELS_PER_MODULE, pixels);
    }

    /** The text of the QR code in a PNG image (a browser's screenshot). */
    public static String fromPng(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            return decode(image.getWidth(), image.getHeight(), pixels);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String decode(int width, int height, int[] argb) {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, argb)));
        try {
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (NotFoundException | ChecksumException | FormatException e) {
            throw new AssertionError("no readable QR code in the image", e);
        }
    }
}
