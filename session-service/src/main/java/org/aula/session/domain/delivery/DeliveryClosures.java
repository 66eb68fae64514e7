package org.aula.session.domain.delivery;

import java.util.Optional;

import org.aula.session.domain.CohortId;

/** The closings of cohorts' deliveries, one per cohort. */
public interface DeliveryClosures {

    Optional<DeliveryClosure> of(CohortId cohortId);

    void add(DeliveryClosure closure);
}
