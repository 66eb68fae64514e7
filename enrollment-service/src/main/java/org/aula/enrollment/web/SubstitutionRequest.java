package org.aula.enrollment.web;

import org.aula.enrollment.domain.EmailAddress;
import org.aula.enrollment.domain.Participant;
import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /cohorts/{cohortId}/enrolments/{enrolmentId}/substitution}: the official who takes the
 * leaver's seat ({@code position} optional); their institution is the leaver's.
 */
record SubstitutionRequest(
        @NotNull @PlainText @Size(max = Participant.MAX_NAME_LENGTH) @Nullable String name,
        @NotBlank @PlainText @Size(max = EmailAddress.MAX_LENGTH) @Email(regexp = EmailAddress.PATTERN) @Nullable String email,
        @PlainText @Size(max = Participant.MAX_POSITION_LENGTH) @Nullable String position) {

    @Override
    public String toString() {
        // Personal data stays out of logs and exception messages.
        return "SubstitutionRequest[]";
    }
}
