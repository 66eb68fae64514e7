package org.aula.enrollment.web;

import org.aula.enrollment.domain.EmailAddress;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.Participant;
import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /cohorts/{cohortId}/enrolments}: the official an institution nominates ({@code position} optional). */
record EnrolRequest(
        @NotNull @PlainText @Size(max = Participant.MAX_NAME_LENGTH) @Nullable String name,
        @NotBlank @PlainText @Size(max = EmailAddress.MAX_LENGTH) @Email(regexp = EmailAddress.PATTERN) @Nullable String email,
        @NotBlank @Pattern(regexp = InstitutionCode.PATTERN) @Nullable String institutionCode,
        @PlainText @Size(max = Participant.MAX_POSITION_LENGTH) @Nullable String position) {

    @Override
    public String toString() {
        // Personal data stays out of logs and exception messages.
        return "EnrolRequest[" + institutionCode + "]";
    }
}
