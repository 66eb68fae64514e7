package org.aula.certification.web;

import java.util.List;

import org.aula.certification.domain.CompletionDecisions;
import org.aula.certification.domain.CompletionSummary;
import org.aula.certification.domain.CompletionSummary.Figures;
import org.aula.events.runtime.security.Access;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The completion figures dashboards and donors' reports read, as JSON: the same figures as the
 * Prometheus metrics, but read from the database, so they cover all history and every replica.
 */
@RestController
@Tag(name = "metrics")
class CompletionFiguresController {

    private final CompletionDecisions decisions;

    CompletionFiguresController(CompletionDecisions decisions) {
        this.decisions = decisions;
    }

    @GetMapping("/metrics/completions")
    @PreAuthorize(Access.FIGURES)
    @Operation(summary = "Completions, not-completions, completion rate, certificates issued and revoked, time to certificate "
            + "and diplomas: in total, per course, per cohort and per institution; optionally only for one course, cohort "
            + "and/or institution (diplomas follow the institution filter only)")
    Summary completions(@RequestParam(required = false) @Nullable @IdOrCode String course,
            @RequestParam(required = false) @Nullable @IdOrCode String cohort,
            @RequestParam(required = false) @Nullable @IdOrCode String institution) {
        CompletionSummary.Filter filter = new CompletionSummary.Filter(blankToNull(course), blankToNull(cohort), blankToNull(institution));
        CompletionSummary summary = decisions.summary(filter);
        return new Summary(filter, Line.of(null, null, null, summary.totals()),
                summary.byCourse().stream().map(Line::of).toList(),
                summary.byCohort().stream().map(Line::of).toList(),
                summary.byInstitution().stream().map(Line::of).toList(),
                summary.diplomas().stream().map(count -> new DiplomaLine(count.programmeCode(), count.awarded())).toList());
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The summary: the filter applied, totals, then the same figures per course, cohort, institution. */
    record Summary(CompletionSummary.Filter filter, Line totals, List<Line> byCourse, List<Line> byCohort,
            List<Line> byInstitution, List<DiplomaLine> diplomas) {
    }

    /** One line of figures; the codes say which group it is. Rates and times are absent without data. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Line(@Nullable String course, @Nullable String cohort, @Nullable String institution, long decided, long completed,
            long notCompleted, @Nullable Double completionRate, long certificatesIssued, long certificatesRevoked,
            long certificatesStanding, @Nullable Double meanSecondsToCertificate, @Nullable Double maxSecondsToCertificate) {

        static Line of(CompletionSummary.Row row) {
            return of(row.courseCode(), row.cohortCode(), row.institutionCode(), row.figures());
        }

        static Line of(@Nullable String course, @Nullable String cohort, @Nullable String institution, Figures figures) {
            return new Line(course, cohort, institution, figures.decided(), figures.completed(), figures.notCompleted(),
                    figures.completionRate(), figures.certificatesIssued(), figures.certificatesRevoked(),
                    figures.certificatesStanding(), figures.meanSecondsToCertificate(), figures.maxSecondsToCertificate());
        }
    }

    /** Diplomas awarded for one programme. */
    record DiplomaLine(String programme, long awarded) {
    }
}
