package org.aula.enrollment.web;

import java.util.List;

import org.aula.enrollment.domain.CohortId;
import org.aula.enrollment.domain.Cohorts;
import org.aula.enrollment.domain.Enrolments;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.NomineeEntry;
import org.aula.enrollment.domain.Paging;
import org.aula.events.runtime.security.Access;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /institutions/{code}/nominees}: the officials an institution nominated, in every cohort (or one),
 * with their enrolments; the partner's own view (another institution's: 403), and programme staff's.
 */
@RestController
class NomineeController {

    private final Cohorts cohorts;
    private final Enrolments enrolments;
    private final Pages pages;

    NomineeController(Cohorts cohorts, Enrolments enrolments, Pages pages) {
        this.cohorts = cohorts;
        this.enrolments = enrolments;
        this.pages = pages;
    }

    /** By cohort start date and code, then seated by seat, waiting by position, withdrawn; optionally of one {@code cohortId}. */
    @GetMapping("/institutions/{code}/nominees")
    @PreAuthorize(Access.STAFF_AND_PARTNERS)
    ResponseEntity<List<NomineeView>> nominees(@PathVariable String code,
            @RequestParam(required = false) @Nullable String cohortId,
            @RequestParam(required = false) @Nullable String page, @RequestParam(required = false) @Nullable String size) {
        Partners.requireOwn(code);
        InstitutionCode institution = Ids.institution(code);
        @Nullable CohortId cohort = cohortId == null ? null : Ids.cohortParameter("cohortId", cohortId);
        Paging paging = pages.of(page, size);
        if (cohort != null) {
            cohorts.get(cohort);
        }
        return pages.respond(enrolments.nominees(institution, cohort, paging), NomineeView::of);
    }

    /** One nominee's enrolment in one cohort. */
    record NomineeView(String enrolmentId, String cohortId, String cohortCode, String participantId, String name,
            @Nullable String position, String status, @Nullable Integer seatNumber, @Nullable Integer waitlistPosition) {

        static NomineeView of(NomineeEntry entry) {
            var enrolment = entry.enrolment();
            return new NomineeView(enrolment.id().toString(), enrolment.cohortId().toString(), entry.cohortCode().value(),
                    enrolment.participantId().toString(), entry.participantName(), entry.participantPosition(),
                    enrolment.status().name(), enrolment.seatNumber(), enrolment.waitlistPosition());
        }

        @Override
        public String toString() {
            return "NomineeView[" + enrolmentId + "]";
        }
    }
}
