package org.aula.enrollment.application;

import java.util.List;
import java.util.Optional;

import org.aula.enrollment.EnrollmentProperties;
import org.aula.enrollment.domain.Cohort;
import org.aula.enrollment.domain.CohortCode;
import org.aula.enrollment.domain.CohortId;
import org.aula.enrollment.domain.Cohorts;
import org.aula.enrollment.domain.Enrolment;
import org.aula.enrollment.domain.EnrolmentId;
import org.aula.enrollment.domain.Enrolments;
import org.aula.enrollment.domain.RosterEntry;
import org.aula.events.runtime.web.ApiProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The read side: cohorts with their seats and waitlist, and a cohort's roster. */
@Service
@Transactional(readOnly = true)
public class BrowseCohorts {

    private final Cohorts cohorts;
    private final Enrolments enrolments;
    private final int listLimit;

    BrowseCohorts(Cohorts cohorts, Enrolments enrolments, EnrollmentProperties properties) {
        this.cohorts = cohorts;
        this.enrolments = enrolments;
        this.listLimit = properties.cohortListLimit();
    }

    /** The cohort; 404 when unknown. */
    public Cohort cohort(CohortId id) {
        return cohorts.find(id).orElseThrow(() -> ApiProblem.notFound("cohort", id));
    }

    public Optional<Cohort> cohortByCode(CohortCode code) {
        return cohorts.findByCode(code);
    }

    /** Cohorts in start-date order, up to the configured limit. */
    public List<Cohort> cohorts() {
        return cohorts.list(listLimit);
    }

    /** A cohort's roster: seated by seat, then waiting by position, then withdrawn; 404 for an unknown cohort. */
    public List<RosterEntry> roster(CohortId id) {
        cohort(id);
        return enrolments.roster(id);
    }

    /** One enrolment of a cohort; 404 when the cohort has no such enrolment. */
    public Enrolment enrolment(CohortId cohort, EnrolmentId id) {
        return enrolments.find(id)
                .filter(enrolment -> enrolment.cohortId().equals(cohort))
                .orElseThrow(() -> ApiProblem.notFound("enrolment", id));
    }
}
