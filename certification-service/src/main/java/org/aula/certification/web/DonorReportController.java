package org.aula.certification.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.aula.certification.domain.DonorReport;
import org.aula.certification.domain.DonorReports;
import org.aula.certification.domain.ReportQuery;
import org.aula.certification.domain.ReportQuery.Dimension;
import org.aula.events.runtime.security.Access;
import org.aula.events.runtime.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The donor report: officials trained, completions and their rate, certificates, diplomas and
 * person-hours, broken down by institution, course, programme, cohort, month or quarter (of the
 * course's dates), as JSON, CSV and a one-page PDF. Figures only: programme staff and the
 * read-only {@code reporting} role read it; no answer names a person.
 */
@RestController
@Tag(name = "reports")
class DonorReportController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    private static final String BY = "Up to two of institution, course, programme, cohort, month, quarter (comma-separated); "
            + "month and quarter are those the course ends in";

    private final DonorReports reports;
    private final DonorReportCsv csv;
    private final DonorReportPdf pdf;

    DonorReportController(DonorReports reports, DonorReportCsv csv, DonorReportPdf pdf) {
        this.reports = reports;
        this.csv = csv;
        this.pdf = pdf;
    }

    @GetMapping("/reports/completions")
    @PreAuthorize(Access.FIGURES)
    @Operation(summary = "The donor report as JSON: totals and one line per value of the breakdown")
    Report report(@RequestParam(required = false) @Nullable @IdOrCode @Parameter(description = BY) String by,
            @RequestParam(required = false) @Nullable @IdOrCode String institution,
            @RequestParam(required = false) @Nullable @IdOrCode String course,
            @RequestParam(required = false) @Nullable @IdOrCode String programme,
            @RequestParam(required = false) @Nullable @IdOrCode String cohort,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            @Parameter(description = "First day a course may end on (inclusive)") LocalDate from,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            @Parameter(description = "Last day a course may end on (inclusive)") LocalDate to) {
        return Report.of(reports.report(query(by, institution, course, programme, cohort, from, to)));
    }

    @GetMapping("/reports/completions.csv")
    @PreAuthorize(Access.FIGURES)
    @Operation(summary = "The donor report as CSV (RFC 4180): one row per line of the breakdown, then a TOTAL row")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    ResponseEntity<byte[]> reportCsv(@RequestParam(required = false) @Nullable @IdOrCode @Parameter(description = BY) String by,
            @RequestParam(required = false) @Nullable @IdOrCode String institution,
            @RequestParam(required = false) @Nullable @IdOrCode String course,
            @RequestParam(required = false) @Nullable @IdOrCode String programme,
            @RequestParam(required = false) @Nullable @IdOrCode String cohort,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        DonorReport report = reports.report(query(by, institution, course, programme, cohort, from, to));
        return attachment(csv.render(report), CSV, "aula-donor-report.csv");
    }

    @GetMapping("/reports/completions.pdf")
    @PreAuthorize(Access.FIGURES)
    @Operation(summary = "A one-page PDF summary: the totals, a chart of completion by institution and a table per institution")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = DonorReportPdf.MEDIA_TYPE,
            schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> reportPdf(@RequestParam(required = false) @Nullable @IdOrCode String course,
            @RequestParam(required = false) @Nullable @IdOrCode String programme,
            @RequestParam(required = false) @Nullable @IdOrCode String cohort,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        DonorReport report = reports.report(query(Dimension.INSTITUTION.parameter(), null, course, programme, cohort, from, to));
        return attachment(pdf.render(report), MediaType.parseMediaType(DonorReportPdf.MEDIA_TYPE), "aula-donor-report.pdf");
    }

    private static ResponseEntity<byte[]> attachment(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(body);
    }

    /** The query, or a 400 problem naming the parameter that cannot be one. */
    static ReportQuery query(@Nullable String by, @Nullable String institution, @Nullable String course,
            @Nullable String programme, @Nullable String cohort, @Nullable LocalDate from, @Nullable LocalDate to) {
        List<Dimension> breakdown = new ArrayList<>();
        try {
            if (by != null && !by.isBlank()) {
                for (String dimension : by.split(",")) {
                    breakdown.add(Dimension.fromParameter(dimension));
                }
            }
            return new ReportQuery(breakdown, filter(institution, course, programme, cohort, from, to));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField(e.getMessage().startsWith("to ") ? "to" : "by", e.getMessage());
        }
    }

    private static ReportQuery.Filter filter(@Nullable String institution, @Nullable String course, @Nullable String programme,
            @Nullable String cohort, @Nullable LocalDate from, @Nullable LocalDate to) {
        return new ReportQuery.Filter(blankToNull(institution), blankToNull(course), blankToNull(programme), blankToNull(cohort),
                from, to);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The report: what was asked, the totals, and one line per value (or pair of values) of the breakdown. */
    record Report(Query query, Figures totals, List<Line> lines) {

        static Report of(DonorReport report) {
            ReportQuery query = report.query();
            ReportQuery.Filter filter = query.filter();
            List<String> by = query.breakdown().stream().map(Dimension::parameter).toList();
            List<Line> lines = report.lines().stream().map(line -> {
                Map<String, @Nullable String> key = new LinkedHashMap<>();
                for (int i = 0; i < by.size(); i++) {
                    key.put(by.get(i), line.key().get(i));
                }
                return new Line(key, Figures.of(line.figures()));
            }).toList();
            return new Report(new Query(by, filter.institution(), filter.course(), filter.programme(), filter.cohort(),
                    filter.from(), filter.to()), Figures.of(report.totals()), lines);
        }
    }

    /** The breakdown and filter applied (null: all). */
    record Query(List<String> by, @Nullable String institution, @Nullable String course, @Nullable String programme,
            @Nullable String cohort, @Nullable LocalDate from, @Nullable LocalDate to) {
    }

    /** One line: the value of each breakdown dimension (null where a fact has none), and its figures. */
    record Line(Map<String, @Nullable String> key, Figures figures) {
    }

    /**
     * The figures. {@code completionRate} is absent before anyone is decided; {@code diplomas} is
     * absent per course or cohort (a diploma belongs to a programme).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Figures(long officialsTrained, long participants, long decisions, long completions, long notCompleted,
            @Nullable Double completionRate, long certificates, long certificatesIssued, long certificatesRevoked,
            @Nullable Long diplomas, BigDecimal personHours) {

        static Figures of(DonorReport.Figures figures) {
            return new Figures(figures.officialsTrained(), figures.participants(), figures.decisions(), figures.completions(),
                    figures.notCompleted(), figures.completionRate(), figures.certificates(), figures.certificatesIssued(),
                    figures.certificatesRevoked(), figures.diplomas(), figures.personHours());
        }
    }
}
