package org.aula.session.web;

import java.util.List;

import org.aula.events.runtime.security.Access;
import org.aula.events.runtime.web.ApiProblem;
import org.aula.session.application.PlanDelivery;
import org.aula.session.domain.CohortId;
import org.aula.session.domain.delivery.DeliveryPlan;
import org.aula.session.domain.roster.CohortSchedule;
import org.aula.session.domain.roster.EntryStatus;
import org.aula.session.domain.roster.Roster;
import org.aula.session.domain.roster.RosterEntry;
import org.aula.session.domain.roster.Rosters;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** A cohort's roster as the session service has it from enrollment-service's events; staff may lock it. */
@RestController
class RosterController {

    private final Rosters rosters;
    private final PlanDelivery planDelivery;

    RosterController(Rosters rosters, PlanDelivery planDelivery) {
        this.rosters = rosters;
        this.planDelivery = planDelivery;
    }

    @Operation(summary = "The cohort's roster: every participant enrolled, withdrawn ones included, by seat; "
            + "locked once the cohort filled. courseHours is null until cohort.scheduled has arrived.")
    @GetMapping("/cohorts/{cohortId}/roster")
    @PreAuthorize(Access.DELIVERY_TEAM)
    RosterView roster(@PathVariable String cohortId) {
        Roster roster = rosters.find(Ids.cohortId(cohortId)).orElseThrow(() -> ApiProblem.notFound("cohort", cohortId));
        return RosterView.of(roster);
    }

    @Operation(summary = "Lock the roster before the cohort filled (staff), and publish its delivery plan "
            + "(delivery-plan.published, revision 1). Locking a locked roster changes nothing; answers the plan.")
    @ApiResponse(responseCode = "200", description = "the cohort's delivery plan")
    @ApiResponse(responseCode = "404", description = "unknown cohort")
    @ApiResponse(responseCode = "409", description = "the cohort's schedule has not arrived yet")
    @PostMapping("/cohorts/{cohortId}/roster/lock")
    @PreAuthorize(Access.PROGRAMME_STAFF)
    PlanView lock(@PathVariable String cohortId) {
        CohortId cohort = Ids.cohortId(cohortId);
        DeliveryPlan plan = planDelivery.lockRoster(cohort);
        return PlanView.of(rosters.find(cohort).orElseThrow(), plan);
    }

    /** The roster's JSON form. */
    record RosterView(String cohortId, String cohortCode, String courseCode, @Nullable Integer courseHours,
            boolean locked, List<ParticipantView> participants) {

        static RosterView of(Roster roster) {
            return new RosterView(roster.cohortId().value(), roster.cohortCode(), roster.courseCode(),
                    roster.schedule().map(CohortSchedule::course).map(course -> course.hours()).orElse(null),
                    roster.locked(), roster.entries().stream().map(ParticipantView::of).toList());
        }
    }

    /** One roster entry's JSON form. */
    record ParticipantView(String participantId, String name, String institutionCode, int seatNumber,
            EntryStatus status) {

        static ParticipantView of(RosterEntry entry) {
            return new ParticipantView(entry.participantId().value(), entry.name(), entry.institutionCode(),
                    entry.seatNumber(), entry.status());
        }
    }
}
