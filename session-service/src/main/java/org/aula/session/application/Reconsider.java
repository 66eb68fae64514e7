package org.aula.session.application;

import java.time.Instant;
import java.util.Optional;

import org.aula.session.domain.CohortId;
import org.aula.session.domain.ParticipantId;
import org.aula.session.domain.attendance.AssessmentScores;
import org.aula.session.domain.attendance.AttendanceLog;
import org.aula.session.domain.attendance.DeliveryRecord;
import org.aula.session.domain.completion.Completion;
import org.aula.session.domain.completion.Completions;
import org.aula.session.domain.completion.DecisionBasis;
import org.aula.session.domain.delivery.DeliveryPlan;
import org.aula.session.domain.roster.Roster;
import org.aula.session.domain.rule.CompletionRule;
import org.aula.session.domain.rule.CompletionRules;
import org.aula.session.domain.rule.Participation;
import org.aula.session.domain.rule.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the recorded delivery says of each participant, and the revision of a decision when a
 * correction changes it: the decision is judged again on the corrected facts, under the rule
 * version it was made under, and a changed verdict becomes a new revision, published.
 */
@Component
class Reconsider {

    private static final Logger log = LoggerFactory.getLogger(Reconsider.class);

    private final AttendanceLog attendance;
    private final AssessmentScores scores;
    private final Completions completions;
    private final CompletionRules rules;
    private final SessionEvents events;
    private final DecisionMetrics metrics;

    Reconsider(AttendanceLog attendance, AssessmentScores scores, Completions completions, CompletionRules rules,
            SessionEvents events, DecisionMetrics metrics) {
        this.attendance = attendance;
        this.scores = scores;
        this.completions = completions;
        this.rules = rules;
        this.events = events;
        this.metrics = metrics;
    }

    /** What the cohort's recorded delivery says of each participant: hours attended and the scores that count. */
    DeliveryRecord recordOf(CohortId cohortId) {
        return DeliveryRecord.of(attendance.hoursAttended(cohortId), scores.latestOfCohort(cohortId));
    }

    CompletionRule ruleOf(DeliveryPlan plan) {
        return rules.find(plan.rule())
                .orElseThrow(() -> new IllegalStateException("rule " + plan.rule() + " of a plan is stored"));
    }

    /**
     * After a correction for one participant: revises their decision if one was made from the
     * recorded delivery and the corrected facts change its verdict. Call it holding the roster lock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Completion> afterCorrection(Roster roster, DeliveryPlan plan, ParticipantId participantId, String cause,
            Instant at) {
        Optional<Completion> decided = completions.of(roster.cohortId(), participantId)
                .filter(completion -> completion.basis() == DecisionBasis.RECORDED_DELIVERY);
        if (decided.isEmpty()) {
            return Optional.empty();
        }
        Completion completion = decided.get();
        // Judged as they were judged: a participant decided as withdrawn stays withdrawn.
        boolean withdrawn = completion.verdict().reasons().contains(Verdict.WITHDRAWN);
        Participation participation = recordOf(roster.cohortId()).participation(participantId, plan.hoursScheduled(),
                withdrawn);
        Optional<Completion> revised = completion.revisedBy(ruleOf(plan).judge(participation), at);
        revised.ifPresent(revision -> {
            completions.revise(revision, cause);
            events.revised(roster, revision, completion.decision(), cause);
            metrics.revised(roster.courseCode(), revision);
            log.info("completion {} of participant {} in cohort {} revised to revision {} ({} -> {}): {}",
                    completion.id(), participantId, roster.cohortId(), revision.revision(), completion.decision(),
                    revision.decision(), cause);
        });
        return revised;
    }
}
