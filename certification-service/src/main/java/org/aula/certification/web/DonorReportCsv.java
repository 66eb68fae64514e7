package org.aula.certification.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.aula.certification.domain.DonorReport;
import org.aula.certification.domain.ReportQuery.Dimension;
import org.springframework.stereotype.Component;

/**
 * The donor report as CSV (RFC 4180, UTF-8, CRLF): a header, one row per line of the breakdown, then
 * a {@code TOTAL} row (in the first column when there is a breakdown). Rates have four decimals;
 * person-hours are exact. Empty cells where a figure does not apply.
 */
@Component
class DonorReportCsv {

    static final List<String> FIGURES = List.of("officials_trained", "participants", "decisions", "completions",
            "not_completed", "completion_rate", "certificates", "certificates_issued", "certificates_revoked", "diplomas",
            "person_hours");

    byte[] render(DonorReport report) {
        List<String> header = new ArrayList<>();
        report.query().breakdown().stream().map(Dimension::parameter).forEach(header::add);
        header.addAll(FIGURES);
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (DonorReport.Line line : report.lines()) {
                List<Object> row = new ArrayList<>();
                line.key().forEach(value -> row.add(value == null ? "" : value));
                row.addAll(figures(line.figures()));
                printer.printRecord(row);
            }
            List<Object> total = new ArrayList<>();
            for (int i = 0; i < report.query().breakdown().size(); i++) {
                total.add(i == 0 ? "TOTAL" : "");
            }
            total.addAll(figures(report.totals()));
            printer.printRecord(total);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report as CSV", e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<Object> figures(DonorReport.Figures figures) {
        Double rate = figures.completionRate();
        return List.of(figures.officialsTrained(), figures.participants(), figures.decisions(), figures.completions(),
                figures.notCompleted(), rate == null ? "" : String.format(Locale.ROOT, "%.4f", rate), figures.certificates(),
                figures.certificatesIssued(), figures.certificatesRevoked(), figures.diplomas() == null ? "" : figures.diplomas(),
                plain(figures.personHours()));
    }

    private static String plain(BigDecimal hours) {
        BigDecimal stripped = hours.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
