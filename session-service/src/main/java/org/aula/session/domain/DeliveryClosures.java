package org.aula.session.domain;

import java.util.Optional;

/** The closings of cohorts' deliveries, one per cohort. */
public interface DeliveryClosures {

    Optional<DeliveryClosure> of(CohortId cohortId);

    void add(DeliveryClosure closure);
}
