package org.aula.session.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.aula.events.runtime.security.Access;
import org.aula.events.runtime.web.ApiProblem;
import org.aula.session.application.RecordAssessmentResult;
import org.aula.session.domain.CohortId;
import org.aula.session.domain.attendance.AssessmentScore;
import org.aula.session.domain.attendance.AssessmentScores;
import org.aula.session.domain.delivery.DeliveryPlan;
import org.aula.session.domain.delivery.DeliveryPlans;
import org.aula.session.domain.roster.Rosters;
import org.aula.session.domain.rule.CompletionRule;
import org.aula.session.domain.rule.CompletionRules;
import org.aula.session.domain.rule.RequiredAssessment;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

/** The assessments a cohort's completion rule requires, and participants' results in them. */
@RestController
class AssessmentController {

    private final RecordAssessmentResult recordResult;
    private final AssessmentScores scores;
    private final DeliveryPlans plans;
    private final CompletionRules rules;
    private final Rosters rosters;

    AssessmentController(RecordAssessmentResult recordResult, AssessmentScores scores, DeliveryPlans plans,
            CompletionRules rules, Rosters rosters) {
        this.recordResult = recordResult;
        this.scores = scores;
        this.plans = plans;
        this.rules = rules;
        this.rosters = rosters;
    }

    @Operation(summary = "The assessments the cohort's completion rule version requires, with pass marks and the "
            + "result that counts for each participant.")
    @ApiResponse(responseCode = "404", description = "unknown cohort, or no plan yet (the rule is pinned with the plan)")
    @GetMapping("/cohorts/{cohortId}/assessments")
    @PreAuthorize(Access.DELIVERY_TEAM)
    CohortAssessmentsView assessments(@PathVariable String cohortId) {
        CohortId cohort = Ids.cohortId(cohortId);
        rosters.find(cohort).orElseThrow(() -> ApiProblem.notFound("cohort", cohortId));
        DeliveryPlan plan = plans.of(cohort).orElseThrow(() -> ApiProblem.notFound("delivery plan of cohort", cohortId));
        CompletionRule rule = rules.find(plan.rule()).orElseThrow();
        List<AssessmentScore> latest = scores.latestOfCohort(cohort);
        return new CohortAssessmentsView(cohortId, rule.version(), rule.terms().assessments().stream()
                .map(assessment -> AssessmentView.of(assessment, latest.stream()
                        .filter(score -> score.assessmentCode().equals(assessment.code()))
                        .sorted(Comparator.comparing(score -> score.participantId().value()))
                        .map(score -> ResultView.of(score, assessment, true, null))
                        .toList()))
                .toList());
    }

    @Operation(summary = "Record a participant's score (0..100) in a required assessment. A different score later is a "
            + "correction: the latest counts; after the delivery closed it revises the decision (completion.revised) "
            + "if it changes it.")
    @ApiResponse(responseCode = "200", description = "the result that counts now; changed=false when it repeated the latest")
    @ApiResponse(responseCode = "400", description = "score missing, not a number, or outside 0..100")
    @ApiResponse(responseCode = "404", description = "unknown cohort, or an assessment the cohort's rule does not require")
    @ApiResponse(responseCode = "409", description = "no plan yet")
    @ApiResponse(responseCode = "422", description = "participant not on the roster, or withdrawn")
    @PutMapping("/cohorts/{cohortId}/assessments/{assessmentCode}/results/{participantId}")
    @PreAuthorize(Access.DELIVERY_TEAM)
    ResultView record(@PathVariable String cohortId, @PathVariable String assessmentCode,
            @PathVariable String participantId, @Valid @RequestBody ScoreRequest request) {
        CohortId cohort = Ids.cohortId(cohortId);
        RecordAssessmentResult.Recorded recorded = recordResult.record(cohort, assessmentCode,
                Ids.participantId(participantId), request.score());
        return ResultView.of(recorded.score(), recorded.assessment(), recorded.changed(),
                recorded.revision().map(revision -> revision.revision()).orElse(null));
    }

    /** A score out of 100, at most 2 decimals. */
    record ScoreRequest(@NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal score) {
    }

    /** The assessments of a cohort with their results. */
    record CohortAssessmentsView(String cohortId, String ruleVersion, List<AssessmentView> assessments) {
    }

    /** One required assessment with the results that count. */
    record AssessmentView(String code, String title, BigDecimal passMark, List<ResultView> results) {

        static AssessmentView of(RequiredAssessment assessment, List<ResultView> results) {
            return new AssessmentView(assessment.code(), assessment.title(), assessment.passMark(), results);
        }
    }

    /**
     * A result's JSON form.
     *
     * @param revisedDecision the decision's new revision number when this result revised it, else null
     */
    record ResultView(String participantId, String assessmentCode, BigDecimal score, BigDecimal passMark,
            boolean passed, Instant recordedAt, boolean changed, @Nullable Integer revisedDecision) {

        static ResultView of(AssessmentScore score, RequiredAssessment assessment, boolean changed,
                @Nullable Integer revisedDecision) {
            return new ResultView(score.participantId().value(), score.assessmentCode(), score.score(),
                    assessment.passMark(), assessment.passedBy(score.score()), score.recordedAt(), changed,
                    revisedDecision);
        }
    }
}
