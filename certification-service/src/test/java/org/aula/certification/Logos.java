package org.aula.certification;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** Made-up logos for tests: a coloured badge with a word on it, as PNG or JPEG bytes. */
public final class Logos {

    private Logos() {
    }

    public static byte[] badge(String word, Color colour, String format) {
        BufferedImage image = new BufferedImage(240, 96, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 240, 96);
        graphics.setColor(colour);
        graphics.fillRoundRect(4, 4, 232, 88, 24, 24);
        graphics.setColor(Color.WHITE);
        graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
        int width = graphics.getFontMetrics().stringWidth(word);
        graphics.drawString(word, (240 - width) / 2, 62);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
