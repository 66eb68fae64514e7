package org.aula.enrollment.application;

import org.aula.enrollment.domain.Cohort;
import org.aula.enrollment.domain.CohortId;
import org.aula.enrollment.domain.CohortRefused;
import org.aula.enrollment.domain.Cohorts;
import org.aula.enrollment.domain.InstitutionCode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff set or remove an institution's seat quota on a cohort. A lower quota than the places the
 * institution already holds removes nobody; it only refuses further nominations.
 */
@Service
public class SetSeatQuota {

    private static final Logger log = LoggerFactory.getLogger(SetSeatQuota.class);

    private final Cohorts cohorts;

    SetSeatQuota(Cohorts cohorts) {
        this.cohorts = cohorts;
    }

    /** Sets the quota ({@code places} 1..capacity, checked by {@link Cohort#withQuota}), or removes it when {@code places} is null. */
    @Transactional
    public Cohort set(CohortId id, InstitutionCode institution, @Nullable Integer places) {
        Cohort cohort = cohorts.lock(id).orElseThrow(() -> CohortRefused.unknown(id));
        Cohort changed = cohort.withQuota(institution, places);
        cohorts.updateQuotas(changed);
        log.info("Cohort {}: quota of {} set to {}", id, institution, places);
        return changed;
    }
}
