package org.aula.certification.web;

import java.io.IOException;

import org.apache.pdfbox.pdmodel.font.PDFont;

/** Text as a PDF font can draw it: the printed certificate and the donor report share the rule. */
final class PdfText {

    private PdfText() {
    }

    /** Characters the font cannot draw (e.g. a script it does not cover) become '?', rather than failing. */
    static String printable(PDFont font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            String character = new String(Character.toChars(codePoint));
            try {
                font.encode(character);
                out.append(character);
            } catch (IOException | IllegalArgumentException notInTheFont) {
                out.append('?');
            }
        });
        return out.toString();
    }
}
