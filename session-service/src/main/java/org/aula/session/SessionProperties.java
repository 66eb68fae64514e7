package org.aula.session;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Operator knobs of the session service ({@code aula.session.*}).
 *
 * @param completion how completions are decided
 * @param plan       how first delivery plans are drafted
 * @param attendance limits of attendance sheets
 */
@Validated
@ConfigurationProperties("aula.session")
public record SessionProperties(@Valid @DefaultValue CompletionSettings completion,
        @Valid @DefaultValue PlanSettings plan, @Valid @DefaultValue AttendanceSettings attendance) {

    /**
     * How completions are decided ({@code aula.session.completion.*}): the configured terms become
     * a course's rule version the first time the course needs one; staff replace them per course
     * through the API.
     *
     * @param minimumAttendanceRate share of the scheduled hours a participant must attend to
     *                              complete, in (0, 1]; default 0.80
     * @param defaultPassMark       pass mark (0..100) of an assessment defined without one; default 60
     * @param courses               per-course terms by course code (default none): a minimum rate and
     *                              the required assessments
     */
    public record CompletionSettings(
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1")
            @DefaultValue("0.80") BigDecimal minimumAttendanceRate,
            @NotNull @DecimalMin("0") @DecimalMax("100") @DefaultValue("60") BigDecimal defaultPassMark,
            @DefaultValue Map<String, @Valid CourseCompletion> courses) {
    }

    /**
     * One course's completion terms ({@code aula.session.completion.courses.<CODE>.*}).
     *
     * @param minimumAttendanceRate the course's minimum share, or the general one when unset
     * @param assessments           the assessments the course requires (default none)
     */
    public record CourseCompletion(
            @Nullable @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") BigDecimal minimumAttendanceRate,
            @DefaultValue List<@Valid AssessmentSetting> assessments) {
    }

    /**
     * A required assessment ({@code ...assessments[n].code|title|pass-mark}).
     *
     * @param passMark the score (0..100) that passes; the default pass mark when unset
     */
    public record AssessmentSetting(
            @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]{0,31}") String code,
            @NotBlank String title,
            @Nullable @DecimalMin("0") @DecimalMax("100") BigDecimal passMark) {
    }

    /**
     * How a cohort's first delivery plan is drafted ({@code aula.session.plan.*}).
     *
     * @param defaultTopics the topics of a course that announced none (default: the seed course's six)
     */
    public record PlanSettings(
            @NotEmpty @DefaultValue({"Human rights", "Mixed migration flows", "Factors that influence migration",
                    "International organized crime", "Emergencies", "Migration management"})
            List<@NotBlank String> defaultTopics) {
    }

    /**
     * Attendance sheets ({@code aula.session.attendance.*}).
     *
     * @param maxSheetLines most participant lines one uploaded sheet may hold; default 500
     */
    public record AttendanceSettings(@Min(1) @Max(10000) @DefaultValue("500") int maxSheetLines) {
    }
}
