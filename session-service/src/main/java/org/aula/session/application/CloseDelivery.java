package org.aula.session.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.aula.session.domain.CohortId;
import org.aula.session.domain.CompletionId;
import org.aula.session.domain.completion.Completion;
import org.aula.session.domain.completion.Completions;
import org.aula.session.domain.delivery.Closing;
import org.aula.session.domain.delivery.DeliveryClosure;
import org.aula.session.domain.delivery.DeliveryClosures;
import org.aula.session.domain.delivery.DeliveryPlan;
import org.aula.session.domain.delivery.DeliveryPlans;
import org.aula.session.domain.delivery.DeliveryRefused;
import org.aula.session.domain.roster.Roster;
import org.aula.session.domain.roster.Rosters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closes a cohort's delivery: decides each participant once, on the attendance and results
 * recorded, by the rule version pinned to the cohort, publishes each decision
 * ({@code course.completed} / {@code course.not-completed}) and then one summary
 * ({@code cohort.delivery-closed}), all in one transaction. Closing again answers the first closing.
 */
@Service
public class CloseDelivery {

    private static final Logger log = LoggerFactory.getLogger(CloseDelivery.class);

    private final Rosters rosters;
    private final DeliveryPlans plans;
    private final Completions completions;
    private final DeliveryClosures closures;
    private final Reconsider reconsider;
    private final SessionEvents events;
    private final DecisionMetrics metrics;
    private final Clock clock;

    CloseDelivery(Rosters rosters, DeliveryPlans plans, Completions completions, DeliveryClosures closures,
            Reconsider reconsider, SessionEvents events, DecisionMetrics metrics, Clock clock) {
        this.rosters = rosters;
        this.plans = plans;
        this.completions = completions;
        this.closures = closures;
        this.reconsider = reconsider;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The closing and whether this call made it ({@code false}: the delivery was closed before). */
    public record Closed(DeliveryClosure closure, boolean now) {
    }

    /**
     * @throws DeliveryRefused ({@code COHORT_UNKNOWN}) for a cohort never heard of, ({@code NO_PLAN}) for a
     *                         cohort without a plan
     */
    @Transactional
    public Closed close(CohortId cohortId) {
        Roster roster = rosters.lock(cohortId).orElseThrow(() -> DeliveryRefused.unknownCohort(cohortId));
        DeliveryPlan plan = plans.of(cohortId).orElseThrow(() -> DeliveryRefused.noPlan(cohortId));
        if (plan.closed()) {
            return new Closed(closures.of(cohortId)
                    .orElseThrow(() -> new IllegalStateException("a closed delivery has its closing stored")), false);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Closing closing = plan.close(roster, reconsider.recordOf(cohortId), reconsider.ruleOf(plan),
                completions.ofCohort(cohortId), CompletionId::random, now);
        for (Completion completion : closing.decisions()) {
            completions.add(completion);
            events.decided(roster, completion);
            metrics.decided(roster.courseCode(), completion);
        }
        plans.save(plan, "delivery closed");
        DeliveryClosure closure = closing.closure();
        closures.add(closure);
        events.deliveryClosed(roster, closure);
        log.info("delivery of cohort {} closed: {} decided now, {} of {} completed, {} not decided (withdrew before attending)",
                cohortId, closing.decisions().size(), closure.completed(), closure.participants(),
                closure.notDecided().size());
        return new Closed(closure, true);
    }
}
