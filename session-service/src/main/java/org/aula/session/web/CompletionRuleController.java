package org.aula.session.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.aula.events.runtime.security.Access;
import org.aula.events.runtime.web.ApiProblem;
import org.aula.session.SessionProperties;
import org.aula.session.application.DefineCompletionRule;
import org.aula.session.domain.rule.CompletionRule;
import org.aula.session.domain.rule.CompletionTerms;
import org.aula.session.domain.rule.RequiredAssessment;
import org.aula.session.domain.rule.RuleSource;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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
import jakarta.validation.constraints.Digits;
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
            + "staff define one, the configured terms; definedAt is null while no cohort needed them yet (planning "
            + "records them as this version; reading records nothing).")
    @ApiResponse(responseCode = "404", description = "a course the service has not heard of (no course.defined, no cohort)")
    @GetMapping("/courses/{courseCode}/completion-rule")
    @PreAuthorize(Access.PROGRAMME_STAFF)
    RuleView current(@PathVariable String courseCode) {
        DefineCompletionRule.InForce inForce = defineRule.current(Ids.courseCode(courseCode));
        return RuleView.of(inForce.rule(), inForce.recorded());
    }

    @Operation(summary = "Every recorded version of the course's completion rule, oldest first.")
    @ApiResponse(responseCode = "404", description = "a course the service has not heard of")
    @GetMapping("/courses/{courseCode}/completion-rule/versions")
    @PreAuthorize(Access.PROGRAMME_STAFF)
    List<RuleView> versions(@PathVariable String courseCode) {
        return defineRule.versions(Ids.courseCode(courseCode)).stream().map(RuleView::of).toList();
    }

    @Operation(summary = "Define the course's completion terms: a new rule version (unless the version in force, "
            + "defined by staff, has the same terms). Cohorts planned from now on are judged by it; cohorts already "
            + "planned keep theirs.")
    @ApiResponse(responseCode = "201", description = "a new version")
    @ApiResponse(responseCode = "200", description = "the same terms were in force: no new version")
    @ApiResponse(responseCode = "400", description = "a field invalid; an assessment code required twice")
    @ApiResponse(responseCode = "404", description = "a course the service has not heard of: the catalogue announces "
            + "courses (course.defined), cohorts name theirs")
    @PutMapping("/courses/{courseCode}/completion-rule")
    @PreAuthorize(Access.PROGRAMME_STAFF)
    ResponseEntity<RuleView> define(@PathVariable String courseCode, @Valid @RequestBody RuleRequest request) {
        DefineCompletionRule.Defined defined = defineRule.define(Ids.courseCode(courseCode), terms(request));
        return ResponseEntity.status(defined.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(RuleView.of(defined.rule()));
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
     * @param minimumAttendanceRate share of the scheduled hours to attend, in (0, 1], at most 4 decimal places;
     *                              0.80 when absent
     * @param assessments           the required assessments (an empty list: attendance alone decides)
     */
    record RuleRequest(
            @Nullable @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") @Digits(integer = 1, fraction = 4)
            BigDecimal minimumAttendanceRate,
            @NotNull @Size(max = 20) List<@Valid @NotNull AssessmentRequest> assessments) {
    }

    /** A required assessment; {@code passMark} (0..100, at most 2 decimal places, as scores) defaults to the configured one. */
    record AssessmentRequest(
            @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]{0,31}") String code,
            @NotBlank @Size(max = 200) @Pattern(regexp = Ids.NO_CONTROL_CHARACTERS) String title,
            @Nullable @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal passMark) {
    }

    /**
     * A rule version's JSON form; {@code ruleVersion} is the name decisions carry.
     *
     * @param definedAt when the version was recorded; null for configured terms not recorded yet
     */
    record RuleView(String courseCode, int version, String ruleVersion, BigDecimal minimumAttendanceRate,
            List<AssessmentTerms> assessments, RuleSource source, @Nullable Instant definedAt) {

        static RuleView of(CompletionRule rule) {
            return of(rule, true);
        }

        static RuleView of(CompletionRule rule, boolean recorded) {
            return new RuleView(rule.courseCode(), rule.id().version(), rule.version(),
                    rule.terms().minimumAttendanceRate(), rule.terms().assessments().stream()
                            .map(a -> new AssessmentTerms(a.code(), a.title(), a.passMark())).toList(),
                    rule.source(), recorded ? rule.definedAt() : null);
        }
    }

    /** A required assessment's JSON form. */
    record AssessmentTerms(String code, String title, BigDecimal passMark) {
    }
}
