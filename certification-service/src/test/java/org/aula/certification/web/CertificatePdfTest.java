package org.aula.certification.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.aula.certification.CertificationProperties;
import org.aula.certification.application.AwardingBodies;
import org.aula.certification.application.VerificationLinks;
import org.aula.certification.domain.Certificate;
import org.aula.certification.domain.CertificateId;
import org.aula.certification.domain.Completion;
import org.aula.certification.domain.CompletionFixture;
import org.aula.certification.domain.Holder;
import org.aula.certification.domain.InMemoryOrganisations;
import org.aula.certification.domain.StatusListEntry;
import org.aula.certification.domain.Validity;
import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

class CertificatePdfTest {

    private final CertificationProperties properties = new CertificationProperties(URI.create("https://certificates.aula.test"));
    private final InMemoryOrganisations organisations = new InMemoryOrganisations();
    private final CertificatePdf pdf = new CertificatePdf(new VerificationLinks(properties), new AwardingBodies(organisations, properties));

    @Test
    void printsTheFactsAndTheVerificationUrl() throws IOException {
        Certificate certificate = issued(CompletionFixture.inspectorPascascioCompletedBmm());

        String text = textOf(pdf.render(certificate));

        assertThat(text).contains("Constant Pascascio", "Best Practices in Migration Management", "40 hours",
                "BMM-2019-05", "13 May 2019", "18 May 2019", "BZ-POLICE", "AULA-BMM-2019-000001",
                "https://certificates.aula.test/certificates/AULA-BMM-2019-000001/verification");
        assertThat(text).doesNotContain("REVOKED");
    }

    @Test
    void marksARevokedCertificate() throws IOException {
        Certificate revoked = issued(CompletionFixture.inspectorPascascioCompletedBmm())
                .revoke("Issued in error", Instant.parse("2020-01-15T10:00:00Z"));

        assertThat(textOf(pdf.render(revoked))).contains("REVOKED on 15 January 2020");
    }

    @Test
    void printsNamesInOtherLatinAndCyrillicLettersAndMarksWhatTheFontLacks() throws IOException {
        Completion completion = CompletionFixture.inspectorPascascioCompletedBmm();
        Holder holder = new Holder(completion.holder().participantId(), "Zoë Núñez Ålund Пётр 李", "BZ-POLICE");

        String text = textOf(pdf.render(issued(completion.madeOutTo(holder))));

        assertThat(text).contains("Zoë Núñez Ålund Пётр ?");
    }

    @Test
    void carriesTheVerificationUrlAsAQrCode() throws Exception {
        Certificate certificate = issued(CompletionFixture.inspectorPascascioCompletedBmm());

        try (PDDocument document = Loader.loadPDF(pdf.render(certificate))) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 100);
            int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
            Result scanned = new QRCodeReader().decode(new BinaryBitmap(
                    new HybridBinarizer(new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels))));

            assertThat(scanned.getText()).isEqualTo("https://certificates.aula.test/certificates/AULA-BMM-2019-000001/verification");
        }
    }

    private static Certificate issued(Completion completion) {
        return Certificate.issue(CertificateId.random(), completion.numberWith(1), completion,
                Instant.parse("2019-05-20T09:00:00Z"), new StatusListEntry(1, 1), Validity.UNLIMITED);
    }

    private static String textOf(byte[] pdfBytes) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdfBytes)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            return new PDFTextStripper().getText(document);
        }
    }

}
