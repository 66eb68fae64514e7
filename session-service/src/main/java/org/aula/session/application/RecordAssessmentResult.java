package org.aula.session.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.aula.session.domain.CohortId;
import org.aula.session.domain.ParticipantId;
import org.aula.session.domain.attendance.AssessmentScore;
import org.aula.session.domain.attendance.AssessmentScores;
import org.aula.session.domain.completion.Completion;
import org.aula.session.domain.delivery.DeliveryPlan;
import org.aula.session.domain.delivery.DeliveryPlans;
import org.aula.session.domain.delivery.DeliveryRefused;
import org.aula.session.domain.roster.Roster;
import org.aula.session.domain.roster.Rosters;
import org.aula.session.domain.rule.CompletionRule;
import org.aula.session.domain.rule.RequiredAssessment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a participant's score in one of the assessments the cohort's completion rule requires.
 * A new score never overwrites: the latest counts; after the delivery closed it is a correction
 * and revises the decision it changes.
 */
@Service
public class RecordAssessmentResult {

    private static final Logger log = LoggerFactory.getLogger(RecordAssessmentResult.class);

    private final Rosters rosters;
    private final DeliveryPlans plans;
    private final AssessmentScores scores;
    private final Reconsider reconsider;
    private final Clock clock;

    RecordAssessmentResult(Rosters rosters, DeliveryPlans plans, AssessmentScores scores, Reconsider reconsider,
            Clock clock) {
        this.rosters = rosters;
        this.plans = plans;
        this.scores = scores;
        this.reconsider = reconsider;
        this.clock = clock;
    }

    /** The score that counts now, the assessment it was judged against, whether it changed, and any revision it caused. */
    public record Recorded(AssessmentScore score, RequiredAssessment assessment, boolean changed,
            Optional<Completion> revision) {
    }

    /**
     * @throws DeliveryRefused for a cohort never heard of, without a plan, for an assessment the cohort's rule does not require,
     *                         a participant not on the roster or withdrawn
     */
    @Transactional
    public Recorded record(CohortId cohortId, String assessmentCode, ParticipantId participantId, BigDecimal score) {
        Roster roster = rosters.lock(cohortId).orElseThrow(() -> DeliveryRefused.unknownCohort(cohortId));
        DeliveryPlan plan = plans.of(cohortId).orElseThrow(() -> DeliveryRefused.noPlan(cohortId));
        CompletionRule rule = reconsider.ruleOf(plan);
        RequiredAssessment assessment = rule.terms().assessment(assessmentCode)
                .orElseThrow(() -> new DeliveryRefused(DeliveryRefused.Reason.ASSESSMENT_UNKNOWN,
                        "rule " + rule.version() + " of cohort " + cohortId + " requires no assessment " + assessmentCode));
        plan.participant(roster, participantId);
        Optional<AssessmentScore> latest = scores.latest(cohortId, assessmentCode, participantId);
        if (latest.isPresent() && latest.get().score().compareTo(score) == 0) {
            return new Recorded(latest.get(), assessment, false, Optional.empty());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AssessmentScore recorded = new AssessmentScore(cohortId, assessmentCode, participantId, score, now);
        scores.append(recorded);
        log.info("result of participant {} in assessment {} of cohort {} recorded{}", participantId, assessmentCode,
                cohortId, latest.isPresent() ? " (correction)" : "");
        Optional<Completion> revision = plan.closed()
                ? reconsider.afterCorrection(roster, plan, participantId, "assessment result corrected: " + assessmentCode, now)
                : Optional.empty();
        return new Recorded(recorded, assessment, true, revision);
    }
}
