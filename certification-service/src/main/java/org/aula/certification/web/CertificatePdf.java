package org.aula.certification.web;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.aula.certification.application.AwardingBodies;
import org.aula.certification.application.VerificationLinks;
import org.aula.certification.application.Wording;
import org.aula.certification.domain.Certificate;
import org.aula.certification.domain.Language;
import org.aula.certification.domain.Organisation;
import org.aula.certification.domain.Revocation;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The printable certificate: one landscape A4 page with the awarding organisations (logos and
 * names), the holder, the course, its hours, the cohort and its dates, the nominating institution
 * by name, the number, and the verification
 * URL as text (so it can be typed in) and as a QR code (so a phone opens it); in English or Spanish
 * ({@link Wording}). A revoked certificate still prints, marked as revoked.
 * The font (Liberation Sans, shipped with PDFBox) is embedded; characters it lacks print as '?'.
 */
@Component
class CertificatePdf {

    static final String MEDIA_TYPE = "application/pdf";

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    /** The QR code's side with its quiet zone, and its place in the lower right corner inside the frame (points). */
    private static final float QR_SIDE = 110;
    private static final float QR_RIGHT = 40;
    private static final float QR_BOTTOM = 48;
    /** The logos' row: its height and lowest point, and the widest a logo may be (points). */
    private static final float LOGO_HEIGHT = 48;
    private static final float LOGO_BOTTOM = 505;
    private static final float LOGO_MAX_WIDTH = 160;
    private static final PDRectangle LANDSCAPE_A4 = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());

    private final VerificationLinks links;
    private final AwardingBodies bodies;

    CertificatePdf(VerificationLinks links, AwardingBodies bodies) {
        this.links = links;
        this.bodies = bodies;
    }

    /** The certificate in English. */
    byte[] render(Certificate certificate) {
        return render(certificate, Language.EN);
    }

    /** The certificate in the language asked for, else its awarding's. */
    byte[] render(Certificate certificate, @Nullable Language requested) {
        AwardingBodies.Bodies awarding = bodies.of(certificate);
        Language language = awarding.languageFor(requested);
        Wording wording = Wording.in(language);
        try (PDDocument document = new PDDocument(); InputStream fontFile = CertificatePdf.class.getResourceAsStream(FONT)) {
            if (fontFile == null) {
                throw new IllegalStateException("PDFBox's Liberation Sans font is not on the classpath");
            }
            PDFont font = PDType0Font.load(document, fontFile);
            PDPage page = new PDPage(LANDSCAPE_A4);
            document.addPage(page);
            PDDocumentInformation information = document.getDocumentInformation();
            information.setTitle("Certificate " + certificate.number().value());
            information.setAuthor(String.join(", ", awarding.names()));
            information.setKeywords("lang=" + language.tag());
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                Page print = new Page(content, font, LANDSCAPE_A4.getWidth());
                print.frame(LANDSCAPE_A4);
                boolean withLogos = logos(document, content, awarding);
                print.centred(String.join("  \u00b7  ", awarding.names()), 13, withLogos ? 488 : 505);
                print.centred(wording.certificateTitle(), 28, 448);
                print.centred(wording.certifiesThat(), 12, 415);
                print.centred(certificate.holder().name(), 26, 382);
                print.centred(wording.nominatedBy(bodies.institutionName(certificate.holder().institutionCode())), 12, 358);
                print.centred(wording.completedTheCourse(), 12, 332);
                print.centred(awarding.title(language, certificate.course().title()), 20, 304);
                print.centred(wording.courseFacts(certificate.course().hours(), certificate.cohort().code(),
                        certificate.cohort().startDate(), certificate.cohort().endDate()), 12, 280);
                print.centred(wording.awardedBy(awarding.names(), certificate.issuedAt(), certificate.validUntil()), 11, 250);
                print.centred(wording.certificateNumber(certificate.number().value()), 13, 205);
                print.centred(wording.verifyAt(), 10, 180);
                String verificationUrl = links.of(certificate.number()).toString();
                print.centred(verificationUrl, 10, 165);
                QrCode.of(verificationUrl).draw(content, LANDSCAPE_A4.getWidth() - QR_RIGHT - QR_SIDE, QR_BOTTOM, QR_SIDE);
                print.at(wording.scanToVerify(), 8, LANDSCAPE_A4.getWidth() - QR_RIGHT - QR_SIDE / 2, QR_BOTTOM - 4);
                Revocation revocation = certificate.revocation();
                if (revocation != null) {
                    content.setNonStrokingColor(new Color(170, 0, 0));
                    print.centred(wording.revokedOn(revocation.revokedAt()), 14, 110);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render certificate " + certificate.number(), e);
        }
    }

    /**
     * The awarding organisations' logos in a centred row above their names, each scaled to
     * {@value #LOGO_HEIGHT} points high (and at most {@value #LOGO_MAX_WIDTH} wide); false when none has a logo.
     */
    private boolean logos(PDDocument document, PDPageContentStream content, AwardingBodies.Bodies awarding) throws IOException {
        List<PDImageXObject> images = new ArrayList<>();
        for (Organisation organisation : awarding.organisations()) {
            if (organisation.hasLogo()) {
                Optional<byte[]> png = bodies.logo(organisation.code());
                if (png.isPresent()) {
                    images.add(LosslessFactory.createFromImage(document, ImageIO.read(new ByteArrayInputStream(png.get()))));
                }
            }
        }
        if (images.isEmpty()) {
            return false;
        }
        float gap = 30;
        float[] widths = new float[images.size()];
        float total = gap * (images.size() - 1);
        for (int i = 0; i < images.size(); i++) {
            PDImageXObject image = images.get(i);
            widths[i] = Math.min(LOGO_MAX_WIDTH, LOGO_HEIGHT * image.getWidth() / image.getHeight());
            total += widths[i];
        }
        float x = (LANDSCAPE_A4.getWidth() - total) / 2;
        for (int i = 0; i < images.size(); i++) {
            PDImageXObject image = images.get(i);
            float height = widths[i] * image.getHeight() / image.getWidth();
            content.drawImage(image, x, LOGO_BOTTOM + (LOGO_HEIGHT - height) / 2, widths[i], height);
            x += widths[i] + gap;
        }
        return true;
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

        private String printable(String text) {
            return PdfText.printable(font, text);
        }
    }
}
