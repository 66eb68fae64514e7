package org.aula.session.domain.roster;

import java.time.Instant;
import java.time.LocalDate;

import org.aula.session.domain.CohortId;
import org.aula.session.domain.ParticipantId;
import org.aula.session.domain.course.Course;

/** Rosters and facts of the seed's story: BMM-2019-05, "Best Practices in Migration Management", 40 h. */
public final class RosterFixture {

    public static final Instant T0 = Instant.parse("2019-04-01T09:00:00Z");

    private RosterFixture() {
    }

    public static Roster scheduledRoster() {
        Roster roster = Roster.open(new CohortId("cohort-1"), "BMM-2019-05", "BMM");
        roster.schedule("BMM-2019-05", schedule(40));
        return roster;
    }

    public static CohortSchedule schedule(int hours) {
        return new CohortSchedule(new Course("BMM", "Best Practices in Migration Management", hours),
                LocalDate.of(2019, 5, 13), LocalDate.of(2019, 5, 18), "Belmopan", 25);
    }

    public static Enrolment enrolment(String participant, int seat, Instant at) {
        return new Enrolment(new ParticipantId(participant), "Official " + participant, "BZ-POLICE", seat, at);
    }

    public static Instant minutesLater(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }
}
