package org.aula.session.web;

import java.util.List;

import org.aula.events.runtime.web.ApiProblem;
import org.aula.session.domain.CohortSchedule;
import org.aula.session.domain.EntryStatus;
import org.aula.session.domain.Roster;
import org.aula.session.domain.RosterEntry;
import org.aula.session.domain.Rosters;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** A cohort's roster as the session service has it from enrollment-service's events. */
@RestController
class RosterController {

    private final Rosters rosters;

    RosterController(Rosters rosters) {
        this.rosters = rosters;
    }

    @Operation(summary = "The cohort's roster: every participant enrolled, withdrawn ones included, by seat; "
            + "locked once the cohort filled. courseHours is null until cohort.scheduled has arrived.")
    @GetMapping("/cohorts/{cohortId}/roster")
    RosterView roster(@PathVariable String cohortId) {
        Roster roster = rosters.find(Ids.cohortId(cohortId)).orElseThrow(() -> ApiProblem.notFound("cohort", cohortId));
        return RosterView.of(roster);
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
