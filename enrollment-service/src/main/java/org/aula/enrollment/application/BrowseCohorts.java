package org.aula.enrollment.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.aula.enrollment.domain.Cohort;
import org.aula.enrollment.domain.CohortCode;
import org.aula.enrollment.domain.CohortId;
import org.aula.enrollment.domain.CohortStatus;
import org.aula.enrollment.domain.Cohorts;
import org.aula.enrollment.domain.Enrolment;
import org.aula.enrollment.domain.EnrolmentId;
import org.aula.enrollment.domain.EnrolmentStatus;
import org.aula.enrollment.domain.Enrolments;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.NomineeEntry;
import org.aula.enrollment.domain.Paging;
import org.aula.enrollment.domain.RosterEntry;
import org.aula.enrollment.domain.SeatOffer;
import org.aula.enrollment.domain.SeatOfferId;
import org.aula.enrollment.domain.SeatOffers;
import org.aula.events.runtime.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The read side of cohorts: cohorts with their seats and waitlist, rosters, enrolments, seat offers. */
@Service
@Transactional(readOnly = true)
public class BrowseCohorts {

    private final Cohorts cohorts;
    private final Enrolments enrolments;
    private final SeatOffers offers;
    private final Clock clock;

    BrowseCohorts(Cohorts cohorts, Enrolments enrolments, SeatOffers offers, Clock clock) {
        this.cohorts = cohorts;
        this.enrolments = enrolments;
        this.offers = offers;
        this.clock = clock;
    }

    /** The cohort; 404 when unknown. */
    public Cohort cohort(CohortId id) {
        return cohorts.find(id).orElseThrow(() -> ApiProblem.notFound("cohort", id));
    }

    public Optional<Cohort> cohortByCode(CohortCode code) {
        return cohorts.findByCode(code);
    }

    /** Cohorts in start-date order, optionally of one course and/or status. */
    public Paging.Page<Cohort> cohorts(@Nullable String courseCode, @Nullable CohortStatus status, Paging paging) {
        return cohorts.list(courseCode, status, paging);
    }

    /**
     * A page of a cohort's roster, optionally of one status and/or of one nominating institution (a partner sees
     * its own officials only); 404 for an unknown cohort.
     */
    public Paging.Page<RosterEntry> roster(CohortId id, @Nullable EnrolmentStatus status,
            @Nullable InstitutionCode institution, Paging paging) {
        cohort(id);
        return enrolments.roster(id, status, institution, paging);
    }

    /** A page of the officials an institution nominated, optionally in one cohort (404 when that cohort is unknown). */
    public Paging.Page<NomineeEntry> nominees(InstitutionCode institution, @Nullable CohortId cohort, Paging paging) {
        if (cohort != null) {
            cohort(cohort);
        }
        return enrolments.nominees(institution, cohort, paging);
    }

    /** One enrolment of a cohort; 404 when the cohort has no such enrolment. */
    public Enrolment enrolment(CohortId cohort, EnrolmentId id) {
        return enrolments.find(id)
                .filter(enrolment -> enrolment.cohortId().equals(cohort))
                .orElseThrow(() -> ApiProblem.notFound("enrolment", id));
    }

    /** One seat offer; 404 when unknown. */
    public SeatOffer offer(SeatOfferId id) {
        return offers.find(id).orElseThrow(() -> ApiProblem.notFound("offer", id));
    }

    /** Seat offers, newest first, optionally into and/or from one cohort and/or to one institution's officials. */
    public Paging.Page<SeatOffer> offers(@Nullable CohortId into, @Nullable CohortId from,
            @Nullable InstitutionCode institution, Paging paging) {
        return offers.list(into, from, institution, paging);
    }

    /** Now, as the service's clock has it (an offer's status depends on it). */
    public Instant now() {
        return clock.instant();
    }
}
