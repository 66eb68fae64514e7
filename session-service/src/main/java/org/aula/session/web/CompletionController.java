package org.aula.session.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.aula.events.runtime.web.ApiProblem;
import org.aula.session.application.RecordCompletion;
import org.aula.session.application.UnknownCohort;
import org.aula.session.domain.CohortId;
import org.aula.session.domain.Completion;
import org.aula.session.domain.CompletionRefused;
import org.aula.session.domain.Completions;
import org.aula.session.domain.Decision;
import org.aula.session.domain.ParticipantId;
import org.aula.session.domain.Rosters;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Completion decisions of a cohort's participants. */
@RestController
class CompletionController {

    private final RecordCompletion recordCompletion;
    private final Completions completions;
    private final Rosters rosters;

    CompletionController(RecordCompletion recordCompletion, Completions completions, Rosters rosters) {
        this.recordCompletion = recordCompletion;
        this.completions = completions;
        this.rosters = rosters;
    }

    @Operation(summary = "Decide a participant's completion by the course's completion rule (attended share of "
            + "the course's scheduled hours). Each participant is decided once: a repeat answers the first decision.")
    @ApiResponse(responseCode = "201", description = "decided now; COMPLETED publishes course.completed")
    @ApiResponse(responseCode = "200", description = "decided before; the stored decision, nothing published again")
    @ApiResponse(responseCode = "400", description = "hoursAttended missing, negative or above the course's hours")
    @ApiResponse(responseCode = "404", description = "unknown cohort")
    @ApiResponse(responseCode = "409", description = "the cohort's schedule (its course hours) has not arrived yet")
    @ApiResponse(responseCode = "422", description = "participant not on the roster, or withdrawn")
    @PostMapping("/cohorts/{cohortId}/completions")
    ResponseEntity<CompletionView> record(@PathVariable String cohortId, @Valid @RequestBody CompletionRequest request) {
        CohortId cohort = Ids.cohortId(cohortId);
        ParticipantId participant = new ParticipantId(request.participantId());
        RecordCompletion.Recorded recorded;
        try {
            recorded = recordCompletion.record(cohort, participant, request.hoursAttended());
        } catch (UnknownCohort e) {
            throw ApiProblem.notFound("cohort", cohortId);
        } catch (CompletionRefused e) {
            throw problem(e);
        }
        return ResponseEntity.status(recorded.decidedNow() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(CompletionView.of(recorded.completion()));
    }

    @Operation(summary = "The cohort's completion decisions in the order they were made.")
    @GetMapping("/cohorts/{cohortId}/completions")
    List<CompletionView> completions(@PathVariable String cohortId) {
        CohortId cohort = Ids.cohortId(cohortId);
        if (rosters.find(cohort).isEmpty()) {
            throw ApiProblem.notFound("cohort", cohortId);
        }
        return completions.ofCohort(cohort).stream().map(CompletionView::of).toList();
    }

    private static ApiProblem problem(CompletionRefused refusal) {
        return switch (refusal.reason()) {
            case NOT_ON_ROSTER, WITHDRAWN -> new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT,
                    "Participant cannot be decided", refusal.getMessage(),
                    List.of(new ApiProblem.FieldError("participantId", refusal.getMessage())));
            case HOURS_OUT_OF_RANGE -> ApiProblem.invalidField("hoursAttended", refusal.getMessage());
            case SCHEDULE_UNKNOWN -> ApiProblem.conflict("Cohort schedule not received yet", refusal.getMessage());
        };
    }

    /** The body of a completion request. */
    record CompletionRequest(
            @NotBlank String participantId,
            @NotNull @DecimalMin("0") BigDecimal hoursAttended) {
    }

    /** A decision's JSON form. */
    record CompletionView(String completionId, String cohortId, String participantId, Decision decision,
            double hoursAttended, double hoursScheduled, double attendanceRate, String ruleVersion,
            Instant decidedAt) {

        static CompletionView of(Completion completion) {
            return new CompletionView(completion.id().toString(), completion.cohortId().value(),
                    completion.participantId().value(), completion.decision(),
                    completion.hoursAttended().doubleValue(), completion.hoursScheduled().doubleValue(),
                    completion.attendanceRate().doubleValue(), completion.ruleVersion(), completion.decidedAt());
        }
    }
}
