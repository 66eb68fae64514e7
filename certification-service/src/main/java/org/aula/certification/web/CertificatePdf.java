package org.aula.certification.web;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.aula.certification.CertificationProperties;
import org.aula.certification.application.VerificationLinks;
import org.aula.certification.domain.Certificate;
import org.aula.certification.domain.Revocation;
import org.springframework.stereotype.Component;

/**
 * The printable certificate: one landscape A4 page with the holder, the course, its hours, the
 * cohort and its dates, the nominating institution, the issuer, the number, and the verification
 * URL as text (so it can be typed in) and as a QR code (so a phone opens it). A revoked certificate still prints, marked as revoked.
 * The font (Liberation Sans, shipped with PDFBox) is embedded; characters it lacks print as '?'.
 */
@Component
class CertificatePdf {

    static final String MEDIA_TYPE = "application/pdf";

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    /** The QR code's side with its quiet zone, and its place in the lower right corner inside the frame (points). */
    private static final float QR_SIDE = 110;
    private static final float QR_RIGHT = 40;
    private static final float QR_BOTTOM = 48;
    private static final PDRectangle LANDSCAPE_A4 = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());

    private final VerificationLinks links;
    private final String issuerName;

    CertificatePdf(VerificationLinks links, CertificationProperties properties) {
        this.links = links;
        this.issuerName = properties.issuerName();
    }

    byte[] render(Certificate certificate) {
        try (PDDocument document = new PDDocument(); InputStream fontFile = CertificatePdf.class.getResourceAsStream(FONT)) {
            if (fontFile == null) {
                throw new IllegalStateException("PDFBox's Liberation Sans font is not on the classpath");
            }
            PDFont font = PDType0Font.load(document, fontFile);
            PDPage page = new PDPage(LANDSCAPE_A4);
            document.addPage(page);
            PDDocumentInformation information = document.getDocumentInformation();
            information.setTitle("Certificate " + certificate.number().value());
            information.setAuthor(issuerName);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                Page print = new Page(content, font, LANDSCAPE_A4.getWidth());
                print.frame(LANDSCAPE_A4);
                print.centred(issuerName, 14, 530);
                print.centred("Certificate of Completion", 30, 480);
                print.centred("This certifies that", 12, 440);
                print.centred(certificate.holder().name(), 26, 405);
                print.centred("nominated by " + certificate.holder().institutionCode(), 12, 380);
                print.centred("completed the course", 12, 352);
                print.centred(certificate.course().title(), 20, 322);
                print.centred("%d hours, cohort %s, %s to %s".formatted(certificate.course().hours(), certificate.cohort().code(),
                        day(certificate.cohort().startDate()), day(certificate.cohort().endDate())), 12, 296);
                print.centred("Issued by " + issuerName + " on " + day(certificate.issuedAt().atZone(ZoneOffset.UTC).toLocalDate())
                        + (certificate.validUntil() == null ? ""
                                : ", valid until " + day(certificate.validUntil().atZone(ZoneOffset.UTC).toLocalDate())), 11, 258);
                print.centred("Certificate number " + certificate.number().value(), 13, 205);
                print.centred("Verify this certificate at", 10, 180);
                String verificationUrl = links.of(certificate.number()).toString();
                print.centred(verificationUrl, 10, 165);
                QrCode.of(verificationUrl).draw(content, LANDSCAPE_A4.getWidth() - QR_RIGHT - QR_SIDE, QR_BOTTOM, QR_SIDE);
                print.at("Scan to verify", 8, LANDSCAPE_A4.getWidth() - QR_RIGHT - QR_SIDE / 2, QR_BOTTOM - 4);
                Revocation revocation = certificate.revocation();
                if (revocation != null) {
                    content.setNonStrokingColor(new Color(170, 0, 0));
                    print.centred("REVOKED on " + day(revocation.revokedAt().atZone(ZoneOffset.UTC).toLocalDate())
                            + ": this certificate is no longer valid", 14, 110);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render certificate " + certificate.number(), e);
        }
    }

    private static String day(LocalDate date) {
        return DAY.format(date);
    }

    /** Writes centred lines on one page. */
    private record Page(PDPageContentStream content, PDFont font, float width) {

        void centred(String text, float size, float y) throws IOException {
            String printable = printable(text);
            float textWidth = font.getStringWidth(printable) / 1000 * size;
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(Math.max(20, (width - textWidth) / 2), y);
            content.showText(printable);
            content.endText();
        }

        /** One line centred on {@code centreX}. */
        void at(String text, float size, float centreX, float y) throws IOException {
            String printable = printable(text);
            float textWidth = font.getStringWidth(printable) / 1000 * size;
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(centreX - textWidth / 2, y);
            content.showText(printable);
            content.endText();
        }

        void frame(PDRectangle page) throws IOException {
            content.setStrokingColor(new Color(40, 70, 120));
            content.setLineWidth(3);
            content.addRect(25, 25, page.getWidth() - 50, page.getHeight() - 50);
            content.stroke();
        }

        /** Characters the font cannot draw (e.g. a script it does not cover) become '?', rather than failing. */
        private String printable(String text) {
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
}
