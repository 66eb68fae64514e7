package org.aula.certification.web;

import java.io.IOException;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDPageContentStream;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code of a URL (ZXing encodes it), drawn on a PDF page as vector squares so it scans at
 * any print resolution. Error correction level M: a creased or slightly stained paper still scans.
 */
final class QrCode {

    /** The light border the QR specification asks for around the code, in modules. */
    static final int QUIET_ZONE_MODULES = 4;

    private final BitMatrix modules;

    private QrCode(BitMatrix modules) {
        this.modules = modules;
    }

    static QrCode of(String text) {
        try {
            // width and height 0: the smallest matrix, one bit per module; the quiet zone is left to draw()
            return new QrCode(new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.MARGIN, 0,
                    EncodeHintType.CHARACTER_SET, "UTF-8")));
        } catch (WriterException e) {
            throw new IllegalArgumentException("text cannot be encoded as a QR code", e);
        }
    }

    /** Modules along one side, without the quiet zone. */
    int size() {
        return modules.getWidth();
    }

    /**
     * Draws the code with its lower-left corner at ({@code x}, {@code y}), {@code side} points wide
     * including the quiet zone (left white: the page is white).
     */
    void draw(PDPageContentStream content, float x, float y, float side) throws IOException {
        int count = size();
        float module = side / (count + 2 * QUIET_ZONE_MODULES);
        float left = x + QUIET_ZONE_MODULES * module;
        float top = y + side - QUIET_ZONE_MODULES * module;
        content.setNonStrokingColor(java.awt.Color.BLACK);
        for (int row = 0; row < count; row++) {
            for (int column = 0; column < count; column++) {
                if (modules.get(column, row)) {
                    content.addRect(left + column * module, top - (row + 1) * module, module, module);
                }
            }
        }
        content.fill();
    }
}
