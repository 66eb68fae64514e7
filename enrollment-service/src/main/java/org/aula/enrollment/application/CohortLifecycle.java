package org.aula.enrollment.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.aula.enrollment.domain.Cohort;
import org.aula.enrollment.domain.CohortId;
import org.aula.enrollment.domain.CohortRefused;
import org.aula.enrollment.domain.CohortStatus;
import org.aula.enrollment.domain.Cohorts;
import org.aula.enrollment.domain.Enrolment;
import org.aula.enrollment.domain.Enrolments;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.Transition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff move a cohort along its lifecycle: open it (PLANNED -> OPEN), start its delivery (OPEN or FULL ->
 * IN_DELIVERY), complete it (IN_DELIVERY -> COMPLETED), or cancel it (PLANNED, OPEN or FULL -> CANCELLED,
 * withdrawing everyone in it). Each step is guarded by {@link Cohort} and published as
 * {@code cohort.status-changed}; asking for the status the cohort already has answers it unchanged and
 * publishes nothing; a step the lifecycle does not allow is refused and changes nothing. (OPEN <-> FULL follow
 * the seats; they are not asked for.)
 */
@Service
public class CohortLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CohortLifecycle.class);

    private final Cohorts cohorts;
    private final Enrolments enrolments;
    private final EnrollmentEvents events;
    private final CountsChanged counts;
    private final Clock clock;

    CohortLifecycle(Cohorts cohorts, Enrolments enrolments, EnrollmentEvents events, CountsChanged counts, Clock clock) {
        this.cohorts = cohorts;
        this.enrolments = enrolments;
        this.events = events;
        this.counts = counts;
        this.clock = clock;
    }

    @Transactional
    public Cohort open(CohortId id) {
        return step(id, CohortStatus.OPEN, Cohort::open);
    }

    @Transactional
    public Cohort startDelivery(CohortId id) {
        return step(id, CohortStatus.IN_DELIVERY, Cohort::startDelivery);
    }

    @Transactional
    public Cohort complete(CohortId id) {
        return step(id, CohortStatus.COMPLETED, Cohort::complete);
    }

    /** Cancels the cohort and withdraws everyone seated or waiting in it, with the reason. */
    @Transactional
    public Cohort cancel(CohortId id, String reason) {
        Cohort cohort = lock(id);
        if (cohort.status() == CohortStatus.CANCELLED) {
            return cohort;
        }
        Transition transition = cohort.cancel(reason);
        Instant now = clock.instant();
        cohorts.apply(transition, now);
        events.statusChanged(transition, now);
        List<InstitutionCode> moved = new ArrayList<>();
        for (Enrolment enrolment : enrolments.active(id)) {
            Enrolment.Withdrawal withdrawal = enrolment.withdraw("cohort cancelled: " + reason, now);
            enrolments.withdraw(withdrawal);
            events.withdrawn(transition.cohort(), withdrawal);
            moved.add(enrolment.institution());
        }
        counts.publish(transition.cohort(), moved, now);
        log.info("Cohort {} cancelled; {} enrolments withdrawn", id, moved.size());
        return transition.cohort();
    }

    private Cohort step(CohortId id, CohortStatus target, Function<Cohort, Transition> step) {
        Cohort cohort = lock(id);
        if (cohort.status() == target) {
            return cohort;
        }
        Transition transition = step.apply(cohort);
        Instant now = clock.instant();
        cohorts.apply(transition, now);
        events.statusChanged(transition, now);
        log.info("Cohort {}: {} -> {}", id, transition.from(), transition.to());
        return transition.cohort();
    }

    private Cohort lock(CohortId id) {
        return cohorts.lock(id).orElseThrow(() -> CohortRefused.unknown(id));
    }
}
