package org.aula.session.application;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import org.aula.session.domain.CohortId;
import org.aula.session.domain.SessionId;
import org.aula.session.domain.completion.Completions;
import org.aula.session.domain.completion.DecisionBasis;
import org.aula.session.domain.delivery.DeliveryPlan;
import org.aula.session.domain.delivery.DeliveryPlans;
import org.aula.session.domain.delivery.DeliveryRefused;
import org.aula.session.domain.delivery.Session;
import org.aula.session.domain.roster.Roster;
import org.aula.session.domain.roster.Rosters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Marks a session of a cohort's plan delivered; from then on its attendance can be taken and the plan is fixed. */
@Service
public class DeliverSession {

    private static final Logger log = LoggerFactory.getLogger(DeliverSession.class);

    private final Rosters rosters;
    private final DeliveryPlans plans;
    private final Completions completions;
    private final Clock clock;

    DeliverSession(Rosters rosters, DeliveryPlans plans, Completions completions, Clock clock) {
        this.rosters = rosters;
        this.plans = plans;
        this.completions = completions;
        this.clock = clock;
    }

    /** The session delivered, and whether this call delivered it ({@code false}: it was before). */
    public record Delivered(Session session, boolean now) {
    }

    @Transactional
    public Delivered deliver(CohortId cohortId, SessionId sessionId) {
        Roster roster = rosters.lock(cohortId).orElseThrow(() -> DeliveryRefused.unknownCohort(cohortId));
        DeliveryPlan plan = plans.of(roster.cohortId()).orElseThrow(() -> DeliveryRefused.noPlan(cohortId));
        plan.session(sessionId);
        if (completions.ofCohort(cohortId).stream().anyMatch(c -> c.basis() == DecisionBasis.STATED_HOURS)) {
            throw new DeliveryRefused(DeliveryRefused.Reason.DECIDED_FROM_STATED_HOURS, "participants of cohort "
                    + cohortId + " were decided from stated hours: its sessions are not recorded");
        }
        boolean now = plan.deliver(sessionId, clock.instant().truncatedTo(ChronoUnit.MICROS));
        if (now) {
            plans.save(plan, "session " + sessionId + " delivered");
            log.info("session {} of cohort {} delivered", sessionId, cohortId);
        }
        return new Delivered(plan.session(sessionId), now);
    }
}
