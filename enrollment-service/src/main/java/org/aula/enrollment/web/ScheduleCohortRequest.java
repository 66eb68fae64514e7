package org.aula.enrollment.web;

import java.time.LocalDate;
import java.util.Map;

import org.aula.enrollment.domain.CatalogueCode;
import org.aula.enrollment.domain.CohortCode;
import org.aula.enrollment.domain.Course;
import org.aula.enrollment.domain.Seats;
import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /cohorts}. Components are nullable so that a missing one is reported by name.
 * {@code courseTitle} and {@code courseHours} may be left out when the catalogue has the course;
 * {@code status} is {@code OPEN} (the default: nominations are taken at once) or {@code PLANNED};
 * {@code seatQuotas} maps institution codes to the most places each may hold.
 */
record ScheduleCohortRequest(
        @NotBlank @Pattern(regexp = CohortCode.PATTERN) @Nullable String code,
        @NotBlank @Pattern(regexp = CatalogueCode.PATTERN) @Nullable String courseCode,
        @PlainText @Size(max = 200) @Nullable String courseTitle,
        @Min(Course.MIN_HOURS) @Max(Course.MAX_HOURS) @Nullable Integer courseHours,
        @NotNull @Nullable LocalDate startDate,
        @NotNull @Nullable LocalDate endDate,
        @NotNull @PlainText @Size(max = 200) @Nullable String location,
        @NotNull @Min(Seats.MIN_CAPACITY) @Max(Seats.MAX_CAPACITY) @Nullable Integer capacity,
        @NotNull @PlainText @Size(max = 200) @Nullable String facilitator,
        @Schema(allowableValues = {"PLANNED", "OPEN"}) @Pattern(regexp = "PLANNED|OPEN", message = "must be PLANNED or OPEN")
        @Nullable String status,
        @Nullable Map<String, Integer> seatQuotas) {
}
