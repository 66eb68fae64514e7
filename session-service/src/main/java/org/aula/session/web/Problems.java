package org.aula.session.web;

import java.util.List;

import org.aula.events.runtime.web.ApiProblem;
import org.aula.session.application.SheetRefused;
import org.aula.session.domain.CompletionRefused;
import org.aula.session.domain.DeliveryRefused;
import org.springframework.http.HttpStatus;

/**
 * The service's refusals as problem+json: 404 for what does not exist, 409 for what the cohort's
 * state refuses, 422 for a participant who cannot take part, 400 for a value at fault.
 */
final class Problems {

    private Problems() {
    }

    static ApiProblem of(DeliveryRefused refusal) {
        String detail = refusal.getMessage();
        return switch (refusal.reason()) {
            case SESSION_UNKNOWN -> new ApiProblem(HttpStatus.NOT_FOUND, "session not found", detail, List.of());
            case ASSESSMENT_UNKNOWN -> new ApiProblem(HttpStatus.NOT_FOUND, "assessment not found", detail, List.of());
            case NO_PLAN -> ApiProblem.conflict("No delivery plan yet", detail);
            case SCHEDULE_UNKNOWN -> ApiProblem.conflict("Cohort schedule not received yet", detail);
            case SESSION_NOT_DELIVERED -> ApiProblem.conflict("Session not delivered", detail);
            case DELIVERY_STARTED -> ApiProblem.conflict("Delivery started", detail);
            case ALREADY_DECIDED -> ApiProblem.conflict("Participants already decided", detail);
            case DELIVERY_CLOSED -> ApiProblem.conflict("Delivery closed", detail);
            case DECIDED_FROM_STATED_HOURS -> ApiProblem.conflict("Decided from stated hours", detail);
            case LAST_SESSION -> ApiProblem.conflict("Last session of the plan", detail);
            case DATE_OUTSIDE_COHORT -> ApiProblem.invalidField("date", detail);
            case HOURS_ABOVE_SESSION -> ApiProblem.invalidField("hours", detail);
            case NOT_ON_ROSTER, WITHDRAWN -> participant(detail);
        };
    }

    static ApiProblem of(CompletionRefused refusal) {
        String detail = refusal.getMessage();
        return switch (refusal.reason()) {
            case NOT_ON_ROSTER, WITHDRAWN -> participant(detail);
            case HOURS_OUT_OF_RANGE -> ApiProblem.invalidField("hoursAttended", detail);
            case SCHEDULE_UNKNOWN -> ApiProblem.conflict("Cohort schedule not received yet", detail);
            case ASSESSMENTS_REQUIRED -> ApiProblem.conflict("Course requires assessments", detail);
            case DELIVERY_RECORDED -> ApiProblem.conflict("Delivery recorded session by session", detail);
            case DELIVERY_CLOSED -> ApiProblem.conflict("Delivery closed", detail);
        };
    }

    /** 422 when every faulty line names someone who cannot attend, else 400; each error names its line and field. */
    static ApiProblem of(SheetRefused refusal) {
        List<ApiProblem.FieldError> errors = refusal.errors().stream()
                .map(error -> new ApiProblem.FieldError(AttendanceSheet.field(error.line(), error.field()), error.message()))
                .toList();
        return refusal.onlyRosterErrors()
                ? new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Attendance sheet names participants who cannot attend",
                        refusal.getMessage(), errors)
                : new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid attendance sheet", refusal.getMessage(), errors);
    }

    private static ApiProblem participant(String detail) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Participant cannot take part", detail,
                List.of(new ApiProblem.FieldError("participantId", detail)));
    }
}
