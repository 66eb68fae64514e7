package org.aula.session.web;

import java.util.List;

import org.aula.events.runtime.web.ApiProblem;
import org.aula.session.domain.attendance.SheetRefused;
import org.aula.session.domain.completion.CompletionRefused;
import org.aula.session.domain.delivery.DeliveryRefused;
import org.aula.session.domain.rule.RuleRefused;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The service's refusals as problem+json, in one place: 404 for what does not exist, 409 for what
 * the cohort's state refuses, 422 for a participant who cannot take part, 400 for a value at fault.
 * Rendered as event-runtime's advice renders an {@link ApiProblem}.
 */
@RestControllerAdvice
class Problems {

    @ExceptionHandler(DeliveryRefused.class)
    ResponseEntity<ProblemDetail> delivery(DeliveryRefused refusal) {
        String detail = refusal.getMessage();
        return render(switch (refusal.reason()) {
            case COHORT_UNKNOWN -> notFound("cohort", detail);
            case SESSION_UNKNOWN -> notFound("session", detail);
            case ASSESSMENT_UNKNOWN -> notFound("assessment", detail);
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
        });
    }

    @ExceptionHandler(CompletionRefused.class)
    ResponseEntity<ProblemDetail> completion(CompletionRefused refusal) {
        String detail = refusal.getMessage();
        return render(switch (refusal.reason()) {
            case COHORT_UNKNOWN -> notFound("cohort", detail);
            case NOT_ON_ROSTER, WITHDRAWN -> participant(detail);
            case HOURS_OUT_OF_RANGE -> ApiProblem.invalidField("hoursAttended", detail);
            case SCHEDULE_UNKNOWN -> ApiProblem.conflict("Cohort schedule not received yet", detail);
            case ASSESSMENTS_REQUIRED -> ApiProblem.conflict("Course requires assessments", detail);
            case DELIVERY_RECORDED -> ApiProblem.conflict("Delivery recorded session by session", detail);
            case DELIVERY_CLOSED -> ApiProblem.conflict("Delivery closed", detail);
        });
    }

    @ExceptionHandler(RuleRefused.class)
    ResponseEntity<ProblemDetail> rule(RuleRefused refusal) {
        return render(switch (refusal.reason()) {
            case COURSE_UNKNOWN -> notFound("course", refusal.getMessage());
        });
    }

    /** 422 when every faulty line names someone who cannot attend, else 400; each error names its line and field. */
    @ExceptionHandler(SheetRefused.class)
    ResponseEntity<ProblemDetail> sheet(SheetRefused refusal) {
        List<ApiProblem.FieldError> errors = refusal.errors().stream()
                .map(error -> new ApiProblem.FieldError(AttendanceSheet.field(error.line(), error.field()), error.message()))
                .toList();
        return render(refusal.onlyRosterErrors()
                ? new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Attendance sheet names participants who cannot attend",
                        refusal.getMessage(), errors)
                : new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid attendance sheet", refusal.getMessage(), errors));
    }

    private static ApiProblem notFound(String what, String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, what + " not found", detail, List.of());
    }

    private static ApiProblem participant(String detail) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Participant cannot take part", detail,
                List.of(new ApiProblem.FieldError("participantId", detail)));
    }

    private static ResponseEntity<ProblemDetail> render(ApiProblem problem) {
        return problem.response();
    }
}
