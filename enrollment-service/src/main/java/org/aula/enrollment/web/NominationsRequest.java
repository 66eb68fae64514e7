package org.aula.enrollment.web;

import java.util.List;

import org.aula.enrollment.domain.EmailAddress;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.Participant;
import org.jspecify.annotations.Nullable;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /cohorts/{cohortId}/nominations}: one institution's officials, in the order they are to be placed. */
record NominationsRequest(
        @NotBlank @Pattern(regexp = InstitutionCode.PATTERN) @Nullable String institutionCode,
        @NotEmpty @Nullable List<@Valid @NotNull Official> officials) {

    /** One nominated official. */
    record Official(
            @NotNull @PlainText @Size(max = Participant.MAX_NAME_LENGTH) @Nullable String name,
            @NotBlank @PlainText @Size(max = EmailAddress.MAX_LENGTH) @Email(regexp = EmailAddress.PATTERN) @Nullable String email,
            @PlainText @Size(max = Participant.MAX_POSITION_LENGTH) @Nullable String position) {

        @Override
        public String toString() {
            // Personal data stays out of logs and exception messages.
            return "Official[redacted]";
        }
    }
}
