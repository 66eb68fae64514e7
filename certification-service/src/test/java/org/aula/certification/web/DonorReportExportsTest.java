package org.aula.certification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.aula.certification.CertificationProperties;
import org.aula.certification.domain.DonorReport;
import org.aula.certification.domain.DonorReport.Figures;
import org.aula.certification.domain.ReportQuery;
import org.aula.certification.domain.ReportQuery.Dimension;
import org.junit.jupiter.api.Test;

/** The CSV and the one-page PDF of a donor report, read back: commons-csv for the rows, PDFBox's text extraction for the page. */
class DonorReportExportsTest {

    private final CertificationProperties properties = new CertificationProperties(URI.create("https://certificates.aula.test"));
    private final DonorReportPdf pdf = new DonorReportPdf(properties,
            Clock.fixed(Instant.parse("2019-07-01T09:00:00Z"), ZoneOffset.UTC));
    private final DonorReportCsv csv = new DonorReportCsv();

    @Test
    void theCsvHasAHeaderARowPerLineAndATotalRow() throws IOException {
        DonorReport report = byInstitution();

        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(csv.render(report), StandardCharsets.UTF_8))).getRecords();

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("institution")).isEqualTo("IMMIGRATION");
        assertThat(rows.get(0).get("completion_rate")).isEqualTo("0.8571");
        assertThat(rows.get(0).get("person_hours")).isEqualTo("254.5");
        assertThat(rows.get(1).get("institution")).isEmpty();
        assertThat(rows.get(2).get("institution")).isEqualTo("TOTAL");
        assertThat(rows.get(2).get("officials_trained")).isEqualTo("12");
        assertThat(rows.get(2).get("diplomas")).isEqualTo("1");
    }

    @Test
    void thePdfIsOnePageWithTheHeadlineFiguresAndATablePerInstitution() throws IOException {
        byte[] rendered = pdf.render(byInstitution());
        Path out = Path.of("target", "donor-report-sample.pdf");
        Files.createDirectories(out.getParent());
        Files.write(out, rendered);

        try (PDDocument document = Loader.loadPDF(rendered)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(document.getPage(0).getResources().getXObjectNames()).as("the chart").hasSize(1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Training results: completion and certificates", "Completion by institution",
                    "Officials trained", "12", "Person-hours", "All programmes and courses", "courses ending 1 April 2019 to 30 June 2019",
                    "Generated on 1 July 2019", "no personal data");
            assertThat(lines(text)).anyMatch(line -> line.startsWith("IMMIGRATION") && line.contains("85.7 %") && line.contains("254.5"))
                    .anyMatch(line -> line.startsWith("(none)"))
                    .anyMatch(line -> line.startsWith("Total") && line.contains("14") && line.contains("85.7 %"));
        }
    }

    @Test
    void moreInstitutionsThanFitArePointedToTheCsvAndThePageStaysOne() throws IOException {
        List<DonorReport.Line> lines = new java.util.ArrayList<>();
        for (int i = 1; i <= 15; i++) {
            lines.add(new DonorReport.Line(List.of("MINISTRY-" + (char) ('A' + i - 1)),
                    new Figures(i, i, i + 1, i, i, 0, 0L, new BigDecimal(40 * i))));
        }
        DonorReport report = new DonorReport(new ReportQuery(List.of(Dimension.INSTITUTION),
                new ReportQuery.Filter(null, null, "MMG", null, null, null)), new Figures(120, 120, 135, 120, 120, 0, 3L,
                new BigDecimal("4800")), lines);

        byte[] rendered = pdf.render(report);
        Files.write(Path.of("target", "donor-report-many-institutions.pdf"), rendered);

        try (PDDocument document = Loader.loadPDF(rendered)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Programme MMG", "all course dates", "MINISTRY-L", "and 3 more institutions: see the CSV export")
                    .doesNotContain("MINISTRY-M");
        }
    }

    @Test
    void thePdfIsBrokenDownByInstitutionOnly() {
        DonorReport byCourse = new DonorReport(new ReportQuery(List.of(Dimension.COURSE), ReportQuery.Filter.ALL),
                Figures.none(false), List.of());

        assertThatThrownBy(() -> pdf.render(byCourse)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).toList();
    }

    private static DonorReport byInstitution() {
        ReportQuery query = new ReportQuery(List.of(Dimension.INSTITUTION),
                new ReportQuery.Filter(null, null, null, null, LocalDate.of(2019, 4, 1), LocalDate.of(2019, 6, 30)));
        return new DonorReport(query, new Figures(14, 12, 14, 12, 12, 0, 1L, new BigDecimal("505.0")), Arrays.asList(
                new DonorReport.Line(List.of("IMMIGRATION"), new Figures(7, 6, 7, 6, 6, 0, 1L, new BigDecimal("254.5"))),
                new DonorReport.Line(Arrays.asList((String) null), new Figures(7, 6, 7, 6, 6, 0, 0L, new BigDecimal("250.5")))));
    }
}
