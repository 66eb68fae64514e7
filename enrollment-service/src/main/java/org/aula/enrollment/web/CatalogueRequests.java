package org.aula.enrollment.web;

import java.util.List;

import org.aula.enrollment.domain.CatalogueCourse;
import org.aula.enrollment.domain.CatalogueCode;
import org.aula.enrollment.domain.Course;
import org.aula.enrollment.domain.EmailAddress;
import org.aula.enrollment.domain.Institution;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.Participant;
import org.aula.enrollment.domain.Programme;
import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Bodies of the catalogue's and the participants' endpoints. */
final class CatalogueRequests {

    private CatalogueRequests() {
    }

    /** {@code PUT /institutions/{code}}. */
    record InstitutionRequest(@NotNull @PlainText @Size(max = Institution.MAX_NAME_LENGTH) @Nullable String name) {
    }

    /** {@code PUT /courses/{code}}. */
    record CourseRequest(
            @NotNull @PlainText @Size(max = 200) @Nullable String title,
            @NotNull @Min(Course.MIN_HOURS) @Max(Course.MAX_HOURS) @Nullable Integer hours,
            @Size(max = CatalogueCourse.MAX_TOPICS) @Nullable List<@NotNull @PlainText @Size(max = CatalogueCourse.MAX_TOPIC_LENGTH) String> topics,
            @NotNull @PlainText @Size(max = CatalogueCourse.MAX_RULE_REF_LENGTH) @Nullable String completionRuleRef) {
    }

    /** {@code PUT /programmes/{code}}. */
    record ProgrammeRequest(
            @NotNull @PlainText @Size(max = Programme.MAX_TITLE_LENGTH) @Nullable String title,
            @NotBlank @Pattern(regexp = InstitutionCode.PATTERN) @Nullable String awardingInstitutionCode,
            @NotEmpty @Size(max = Programme.MAX_REQUIRED_COURSES)
            @Nullable List<@NotBlank @Pattern(regexp = CatalogueCode.PATTERN) String> requiredCourseCodes) {
    }

    /** {@code POST /participants}. */
    record ParticipantRequest(
            @NotNull @PlainText @Size(max = Participant.MAX_NAME_LENGTH) @Nullable String name,
            @NotBlank @PlainText @Size(max = EmailAddress.MAX_LENGTH) @Email(regexp = EmailAddress.PATTERN) @Nullable String email,
            @PlainText @Size(max = Participant.MAX_POSITION_LENGTH) @Nullable String position,
            @NotBlank @Pattern(regexp = InstitutionCode.PATTERN) @Nullable String institutionCode) {

        @Override
        public String toString() {
            // Personal data stays out of logs and exception messages.
            return "ParticipantRequest[" + institutionCode + "]";
        }
    }

    /** {@code PUT /cohorts/{id}/quotas/{institutionCode}}. */
    record QuotaRequest(@NotNull @Min(1) @Max(500) @Nullable Integer places) {
    }

    /** {@code POST /cohorts/{id}/cancel}, optional body. */
    record CancelRequest(@PlainText @Size(max = 300) @Nullable String reason) {
    }
}
