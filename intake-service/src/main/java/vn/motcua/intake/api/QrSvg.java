package vn.motcua.intake.api;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.quarkus.qute.RawString;

import java.util.Map;

/**
 * A QR code as inline SVG, for the printed slip: ZXing encodes it, and each dark module is one unit square of a
 * single path, so it prints sharp at any size the page's CSS gives it and needs no image file.
 */
final class QrSvg {

    /** The four modules of light margin the standard asks for, inside the image. */
    private static final int QUIET_ZONE = 4;

    private QrSvg() {
    }

    /** {@code text}'s QR code (error correction M: a slip may get creased); holds only numbers, so it is safe raw. */
    static RawString of(String text) {
        BitMatrix modules = encode(text);
        int width = modules.getWidth();
        int height = modules.getHeight();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (modules.get(x, y)) {
                    path.append('M').append(x).append(',').append(y).append("h1v1h-1z");
                }
            }
        }
        return new RawString("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + width + " " + height
                + "\" shape-rendering=\"crispEdges\" aria-hidden=\"true\"><rect width=\"" + width + "\" height=\""
                + height + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>");
    }

    private static BitMatrix encode(String text) {
        try {
            // Size 0: one pixel per module, the smallest matrix; the SVG scales it.
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.MARGIN, QUIET_ZONE, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalArgumentException("no QR code holds " + text.length() + " characters", e);
        }
    }
}
