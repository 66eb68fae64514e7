package org.aula.certification.application;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.aula.certification.domain.CertificateRefused;

/**
 * How an organisation's logo is accepted: a PNG or JPEG of at most {@value #MAX_BYTES} bytes and
 * {@value #MAX_SIDE} pixels a side, read (its size from the header before any pixel is decoded)
 * and re-encoded as a PNG. What is stored, printed and served is only ever that re-encoding:
 * never the uploaded bytes, so metadata and anything smuggled beside the pixels are dropped.
 */
final class Logo {

    static final int MAX_BYTES = 256 * 1024;
    static final int MAX_SIDE = 1024;

    private static final Set<String> FORMATS = Set.of("png", "jpeg");

    private Logo() {
    }

    /** @throws CertificateRefused when the image is not one the service will print */
    static byte[] normalised(byte[] image) {
        if (image == null || image.length == 0) {
            throw CertificateRefused.unusableLogo("logo must be a PNG or JPEG image");
        }
        if (image.length > MAX_BYTES) {
            throw CertificateRefused.unusableLogo("logo must be at most " + MAX_BYTES + " bytes");
        }
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (input == null || !readers.hasNext()) {
                throw CertificateRefused.unusableLogo("logo must be a PNG or JPEG image");
            }
            ImageReader reader = readers.next();
            try {
                if (!FORMATS.contains(reader.getFormatName().toLowerCase(java.util.Locale.ROOT))) {
                    throw CertificateRefused.unusableLogo("logo must be a PNG or JPEG image");
                }
                reader.setInput(input, true, true);
                if (reader.getWidth(0) > MAX_SIDE || reader.getHeight(0) > MAX_SIDE) {
                    throw CertificateRefused.unusableLogo("logo must be at most " + MAX_SIDE + " pixels wide and high");
                }
                BufferedImage pixels = reader.read(0);
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(pixels, "png", png);
                return png.toByteArray();
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof CertificateRefused refused) {
                throw refused;
            }
            throw CertificateRefused.unusableLogo("logo must be a readable PNG or JPEG image");
        }
    }
}
