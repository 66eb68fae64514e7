package org.aula.session.domain.delivery;

import java.util.Optional;

import org.aula.session.domain.CohortId;

/** The cohorts' delivery plans as stored; change one only while holding its cohort's roster lock. */
public interface DeliveryPlans {

    Optional<DeliveryPlan> of(CohortId cohortId);

    /** Stores a new plan or the plan's current state (sessions, revision, deliveries, closing). */
    void save(DeliveryPlan plan, String change);
}
