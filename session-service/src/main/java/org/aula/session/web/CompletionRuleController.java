package org.aula.session.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.aula.events.runtime.web.ApiProblem;
import org.aula.session.SessionProperties;
import org.aula.session.application.DefineCompletionRule;
import org.aula.session.domain.CompletionRule;
import org.aula.session.domain.CompletionTerms;
import org.aula.session.domain.RequiredAssessment;
import org.aula.session.domain.RuleSource;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Each course's completion rule, versioned: the version in force, every version, and new versions from staff. */
@RestController
class CompletionRuleController {

    private final DefineCompletionRule defineRule;
    private final BigDecimal defaultPassMark;

    CompletionRuleController(DefineCompletionRule defineRule, SessionProperties properties) {
        this.defineRule = defineRule;
        this.defaultPassMark = properties.completion().defaultPassMark();
    }

    @Operation(summary = "The course's completion rule version in force: cohorts planned now are judged by it. Before "
            + "staff define one, the configured terms (recorded as a version the first time they are needed).")
    @GetMapping("/courses/{courseCode}/completion-rule")
    RuleView current(@PathVariable String courseCode) {
        return RuleView.of(defineRule.current(Ids.courseCode(courseCode)));
    }

    @Operation(summary = "Every version of the course's completion rule, oldest first.")
    @GetMapping("/courses/{courseCode}/completion-rule/versions")
    List<RuleView> versions(@PathVariable String courseCode) {
        return defineRule.versions(Ids.courseCode(courseCode)).stream().map(RuleView::of).toList();
    }

    @Operation(summary = "Define the course's completion terms: a new rule version (unless the version in force, "
            + "defined by staff, has the same terms). Cohorts planned from now on are judged by it; cohorts already "
            + "planned keep theirs.")
    @ApiResponse(responseCode = "201", description = "a new version")
    @ApiResponse(responseCode = "200", description = "the same terms were in force: no new version")
    @ApiResponse(responseCode = "400", description = "a field invalid; an assessment code required twice")
    @PutMapping("/courses/{courseCode}/completion-rule")
    ResponseEntity<RuleView> define(@PathVariable String courseCode, @Valid @RequestBody RuleRequest request) {
        DefineCompletionRule.Defined defined = defineRule.define(Ids.courseCode(courseCode), terms(request));
        return ResponseEntity.status(defined.created() ? HttpStatus.CREATED : HttpStatus.OK).body(RuleView.of(defined.rule()));
    }

    private CompletionTerms terms(RuleRequest request) {
        Set<String> codes = new HashSet<>();
        for (AssessmentRequest assessment : request.assessments()) {
            if (!codes.add(assessment.code())) {
                throw ApiProblem.invalidField("assessments", "assessment " + assessment.code() + " is listed twice");
            }
        }
        return new CompletionTerms(
                request.minimumAttendanceRate() != null ? request.minimumAttendanceRate()
                        : CompletionTerms.DEFAULT_MINIMUM_ATTENDANCE_RATE,
                request.assessments().stream().map(assessment -> new RequiredAssessment(assessment.code(),
                        assessment.title(), assessment.passMark() != null ? assessment.passMark() : defaultPassMark))
                        .toList());
    }

    /**
     * A course's completion terms.
     *
     * @param minimumAttendanceRate share of the scheduled hours to attend, in (0, 1]; 0.80 when absent
     * @param assessments           the required assessments (an empty list: attendance alone decides)
     */
    record RuleRequest(
            @Nullable @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") BigDecimal minimumAttendanceRate,
            @NotNull @Size(max = 20) List<@Valid @NotNull AssessmentRequest> assessments) {
    }

    /** A required assessment; {@code passMark} (0..100) defaults to the configured default pass mark. */
    record AssessmentRequest(
            @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]{0,31}") String code,
            @NotBlank @Size(max = 200) String title,
            @Nullable @DecimalMin("0") @DecimalMax("100") BigDecimal passMark) {
    }

    /** A rule version's JSON form; {@code ruleVersion} is the name decisions carry. */
    record RuleView(String courseCode, int version, String ruleVersion, BigDecimal minimumAttendanceRate,
            List<AssessmentTerms> assessments, RuleSource source, Instant definedAt) {

        static RuleView of(CompletionRule rule) {
            return new RuleView(rule.courseCode(), rule.id().version(), rule.version(),
                    rule.terms().minimumAttendanceRate(), rule.terms().assessments().stream()
                            .map(a -> new AssessmentTerms(a.code(), a.title(), a.passMark())).toList(),
                    rule.source(), rule.definedAt());
        }
    }

    /** A required assessment's JSON form. */
    record AssessmentTerms(String code, String title, BigDecimal passMark) {
    }
}
