package org.aula.session.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.aula.session.domain.CohortId;
import org.aula.session.domain.CompletionId;
import org.aula.session.domain.ParticipantId;
import org.aula.session.domain.completion.Completion;
import org.aula.session.domain.completion.CompletionRefused;
import org.aula.session.domain.completion.Completions;
import org.aula.session.domain.delivery.DeliveryPlan;
import org.aula.session.domain.delivery.DeliveryPlans;
import org.aula.session.domain.roster.Roster;
import org.aula.session.domain.roster.Rosters;
import org.aula.session.domain.rule.CompletionRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff shortcut: decides a participant from the hours staff state they attended, once, for
 * a cohort whose delivery is not recorded session by session and whose rule requires no
 * assessments. The decision ({@code course.completed} or {@code course.not-completed}) is
 * appended to the outbox in the same transaction; a repeat answers the stored decision and
 * announces nothing again.
 */
@Service
public class RecordCompletion {

    private static final Logger log = LoggerFactory.getLogger(RecordCompletion.class);

    private final Rosters rosters;
    private final DeliveryPlans plans;
    private final Completions completions;
    private final RuleBook ruleBook;
    private final Reconsider reconsider;
    private final SessionEvents events;
    private final DecisionMetrics metrics;
    private final Clock clock;

    RecordCompletion(Rosters rosters, DeliveryPlans plans, Completions completions, RuleBook ruleBook,
            Reconsider reconsider, SessionEvents events, DecisionMetrics metrics, Clock clock) {
        this.rosters = rosters;
        this.plans = plans;
        this.completions = completions;
        this.ruleBook = ruleBook;
        this.reconsider = reconsider;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The decision and whether this call made it ({@code false}: it had been made before). */
    public record Recorded(Completion completion, boolean decidedNow) {
    }

    /**
     * @throws CompletionRefused if no enrolment fact about the cohort has arrived, or the participant cannot be
     *                           decided this way (see the reasons)
     */
    @Transactional
    public Recorded record(CohortId cohortId, ParticipantId participantId, BigDecimal hoursAttended) {
        // The roster lock serialises deciders of one cohort, so the check below sees any earlier decision.
        Roster roster = rosters.lock(cohortId).orElseThrow(() -> CompletionRefused.unknownCohort(cohortId));
        Optional<Completion> earlier = completions.of(cohortId, participantId);
        if (earlier.isPresent()) {
            log.info("completion of participant {} in cohort {} was decided before ({})", participantId, cohortId,
                    earlier.get().id());
            return new Recorded(earlier.get(), false);
        }
        Optional<DeliveryPlan> plan = plans.of(cohortId);
        if (plan.isPresent() && plan.get().closed()) {
            throw new CompletionRefused(CompletionRefused.Reason.DELIVERY_CLOSED,
                    "the delivery of cohort " + cohortId + " was closed; participants not decided then are not decided");
        }
        if (plan.isPresent() && plan.get().started()) {
            throw new CompletionRefused(CompletionRefused.Reason.DELIVERY_RECORDED, "the delivery of cohort " + cohortId
                    + " is recorded session by session: closing it decides its participants");
        }
        CompletionRule rule = plan.isPresent() ? reconsider.ruleOf(plan.get()) : ruleBook.current(roster.courseCode());
        // Microseconds: what PostgreSQL stores, so the answer now and every later read agree.
        Completion completion = roster.decideOnStatedHours(participantId, hoursAttended,
                plan.map(DeliveryPlan::hoursScheduled).orElse(null), rule, CompletionId.random(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        completions.add(completion);
        events.decided(roster, completion);
        metrics.decided(roster.courseCode(), completion);
        log.info("completion {} of participant {} in cohort {}: {} under {} (stated hours)", completion.id(),
                participantId, cohortId, completion.decision(), completion.ruleVersion());
        return new Recorded(completion, true);
    }
}
