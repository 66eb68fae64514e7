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
            @NotBlank @Size(max = Participant.MAX_NAME_LENGTH) @Nullable String name,
            @NotBlank @Size(max = EmailAddress.MAX_LENGTH) @Email(regexp = EmailAddress.PATTERN) @Nullable String email,
            @Size(min = 1, max = Participant.MAX_POSITION_LENGTH) @Nullable String position) {
    }
}
