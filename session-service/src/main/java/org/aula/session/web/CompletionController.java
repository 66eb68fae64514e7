package org.aula.session.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.aula.events.runtime.security.Access;
import org.aula.events.runtime.security.Caller;
import org.aula.events.runtime.web.ApiProblem;
import org.aula.session.application.RecordCompletion;
import org.aula.session.domain.CohortId;
import org.aula.session.domain.ParticipantId;
import org.aula.session.domain.completion.Completion;
import org.aula.session.domain.completion.Completions;
import org.aula.session.domain.completion.DecisionBasis;
import org.aula.session.domain.roster.Roster;
import org.aula.session.domain.roster.RosterEntry;
import org.aula.session.domain.roster.Rosters;
import org.aula.session.domain.rule.AssessmentOutcome;
import org.aula.session.domain.rule.Decision;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Completion decisions of a cohort's participants, with their revisions; the staff shortcut deciding from stated hours. */
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

    @Operation(summary = "Staff shortcut: decide a participant from the hours staff state they attended (share of the "
            + "hours scheduled), for a cohort whose sessions are not recorded and whose rule requires no assessments. "
            + "Each participant is decided once: a repeat answers the first decision.")
    @ApiResponse(responseCode = "201", description = "decided now; publishes course.completed or course.not-completed")
    @ApiResponse(responseCode = "200", description = "decided before; the stored decision, nothing published again")
    @ApiResponse(responseCode = "400", description = "hoursAttended missing, negative or above the course's hours")
    @ApiResponse(responseCode = "404", description = "unknown cohort")
    @ApiResponse(responseCode = "409", description = "the cohort's schedule has not arrived yet; its rule requires "
            + "assessments; a session was delivered (closing decides); the delivery was closed")
    @ApiResponse(responseCode = "422", description = "participant not on the roster, or withdrawn")
    @PostMapping("/cohorts/{cohortId}/completions")
    @PreAuthorize(Access.PROGRAMME_STAFF)
    ResponseEntity<CompletionView> record(@PathVariable String cohortId, @Valid @RequestBody CompletionRequest request) {
        CohortId cohort = Ids.cohortId(cohortId);
        ParticipantId participant = new ParticipantId(request.participantId());
        RecordCompletion.Recorded recorded = recordCompletion.record(cohort, participant, request.hoursAttended());
        return ResponseEntity.status(recorded.decidedNow() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(CompletionView.of(recorded.completion()));
    }

    @Operation(summary = "A participant's decision in the cohort and every revision of it. A partner may read only "
            + "its own institution's participants.")
    @ApiResponse(responseCode = "403", description = "a partner asking for another institution's participant")
    @ApiResponse(responseCode = "404", description = "unknown cohort, or the participant is not decided")
    @GetMapping("/cohorts/{cohortId}/completions/{participantId}")
    @PreAuthorize(Access.ALL_ROLES)
    CompletionHistoryView completion(@PathVariable String cohortId, @PathVariable String participantId) {
        CohortId cohort = Ids.cohortId(cohortId);
        Roster roster = rosters.find(cohort).orElseThrow(() -> ApiProblem.notFound("cohort", cohortId));
        ParticipantId participant = Ids.participantToRead(participantId, "completion of participant");
        Caller caller = Caller.current();
        if (caller.isPartner()) {
            // Another institution's participant, or someone not on the roster: nothing of the partner's.
            caller.requireInstitution(roster.entry(participant).map(RosterEntry::institutionCode).orElse(null));
        }
        Completion completion = completions.of(cohort, participant)
                .orElseThrow(() -> ApiProblem.notFound("completion of participant", participantId));
        return new CompletionHistoryView(CompletionView.of(completion),
                completions.history(completion.id()).stream().map(CompletionView::of).toList());
    }

    @Operation(summary = "The cohort's completion decisions in the order they were made; a partner sees only its own "
            + "institution's participants.")
    @GetMapping("/cohorts/{cohortId}/completions")
    @PreAuthorize(Access.ALL_ROLES)
    List<CompletionView> completions(@PathVariable String cohortId) {
        CohortId cohort = Ids.cohortId(cohortId);
        Roster roster = rosters.find(cohort).orElseThrow(() -> ApiProblem.notFound("cohort", cohortId));
        Optional<String> institution = Caller.current().institutionScope();
        return completions.ofCohort(cohort).stream()
                .filter(completion -> institution.isEmpty() || roster.entry(completion.participantId())
                        .map(entry -> entry.institutionCode().equals(institution.get())).orElse(false))
                .map(CompletionView::of).toList();
    }

    /**
     * The body of a completion request; {@code hoursAttended} has at most 2 decimal places (as attendance is
     * recorded) and 3 integer digits, so the figure decided on is one every consumer can read back exactly.
     */
    record CompletionRequest(
            @NotBlank @Size(max = 200) @Pattern(regexp = Ids.NO_CONTROL_CHARACTERS) String participantId,
            @NotNull @DecimalMin("0") @Digits(integer = 3, fraction = 2) BigDecimal hoursAttended) {
    }

    /**
     * A decision's JSON form: the current revision with the figures it rests on.
     *
     * @param basis       STATED_HOURS (this endpoint) or RECORDED_DELIVERY (closing the delivery)
     * @param revision    0 as first decided, then one more per revision after a correction
     * @param reasons     why NOT_COMPLETED: withdrawn, attendance-below-minimum, assessment-failed:CODE,
     *                    assessment-missing:CODE; empty when COMPLETED
     */
    record CompletionView(String completionId, String cohortId, String participantId, Decision decision,
            double hoursAttended, double hoursScheduled, double attendanceRate, String ruleVersion,
            Instant decidedAt, DecisionBasis basis, int revision, @Nullable Instant revisedAt,
            List<AssessmentView> assessments, List<String> reasons) {

        static CompletionView of(Completion completion) {
            return new CompletionView(completion.id().toString(), completion.cohortId().value(),
                    completion.participantId().value(), completion.decision(),
                    completion.hoursAttended().doubleValue(), completion.hoursScheduled().doubleValue(),
                    completion.attendanceRate().doubleValue(), completion.ruleVersion(), completion.decidedAt(),
                    completion.basis(), completion.revision(), completion.revisedAt(),
                    completion.verdict().assessments().stream().map(AssessmentView::of).toList(),
                    completion.verdict().reasons());
        }
    }

    /** An assessment figure of a decision. */
    record AssessmentView(String assessmentCode, String title, double score, double passMark, boolean passed) {

        static AssessmentView of(AssessmentOutcome outcome) {
            return new AssessmentView(outcome.code(), outcome.title(), outcome.score().doubleValue(),
                    outcome.passMark().doubleValue(), outcome.passed());
        }
    }

    /** A decision with every form it took, revision 0 first. */
    record CompletionHistoryView(CompletionView current, List<CompletionView> history) {
    }
}
