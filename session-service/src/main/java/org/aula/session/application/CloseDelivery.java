package org.aula.session.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.aula.session.domain.CohortId;
import org.aula.session.domain.Completion;
import org.aula.session.domain.CompletionId;
import org.aula.session.domain.CompletionRule;
import org.aula.session.domain.Completions;
import org.aula.session.domain.DecisionBasis;
import org.aula.session.domain.DeliveryClosure;
import org.aula.session.domain.DeliveryClosures;
import org.aula.session.domain.DeliveryPlan;
import org.aula.session.domain.DeliveryPlans;
import org.aula.session.domain.DeliveryRefused;
import org.aula.session.domain.ParticipantId;
import org.aula.session.domain.Participation;
import org.aula.session.domain.Roster;
import org.aula.session.domain.RosterEntry;
import org.aula.session.domain.Rosters;
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
        CompletionRule rule = reconsider.ruleOf(plan);
        Map<ParticipantId, BigDecimal> hours = reconsider.hoursAttended(cohortId);
        Map<ParticipantId, Map<String, BigDecimal>> scores = reconsider.scores(cohortId);
        Set<ParticipantId> attendedSome = hours.entrySet().stream().filter(entry -> entry.getValue().signum() > 0)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        List<RosterEntry> toDecide = roster.toDecideAtClose(attendedSome);
        int decidedNow = 0;
        for (RosterEntry entry : toDecide) {
            ParticipantId participantId = entry.participantId();
            if (completions.of(cohortId, participantId).isPresent()) {
                continue;   // decided before, from stated hours: decided once
            }
            Participation participation = new Participation(hours.getOrDefault(participantId, BigDecimal.ZERO),
                    plan.hoursScheduled(), scores.getOrDefault(participantId, Map.of()), !entry.active());
            Completion completion = Completion.decided(CompletionId.random(), cohortId, participantId,
                    DecisionBasis.RECORDED_DELIVERY, rule.judge(participation), rule.version(), now);
            completions.add(completion);
            events.decided(roster, completion);
            metrics.decided(roster.courseCode(), completion);
            decidedNow++;
        }
        List<ParticipantId> notDecided = roster.entries().stream()
                .filter(entry -> !toDecide.contains(entry))
                .map(RosterEntry::participantId)
                .filter(participantId -> completions.of(cohortId, participantId).isEmpty())
                .toList();
        plan.close(now);
        plans.save(plan, "delivery closed");
        DeliveryClosure closure = DeliveryClosure.of(cohortId, completions.ofCohort(cohortId), rule.version(), notDecided,
                now);
        closures.add(closure);
        events.deliveryClosed(roster, closure);
        log.info("delivery of cohort {} closed: {} decided now, {} of {} completed, {} not decided (withdrew before attending)",
                cohortId, decidedNow, closure.completed(), closure.participants(), notDecided.size());
        return new Closed(closure, true);
    }
}
