package org.aula.session;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.aula.events.CohortFilled;
import org.aula.events.CohortScheduled;
import org.aula.events.ParticipantEnrolled;
import org.aula.events.ParticipantWaitlisted;
import org.aula.events.ParticipantWithdrawn;

/**
 * A cohort of the seed's course ("Best Practices in Migration Management", 40 h, Belmopan,
 * 13-18 May 2019) with ids of its own, and the facts enrollment-service would publish about it.
 * Each fact made is a minute later than the one before, as it would be in real life.
 */
final class TestCohort {

    static final String COURSE_CODE = "BMM";
    static final String COURSE_TITLE = "Best Practices in Migration Management";
    static final LocalDate START = LocalDate.of(2019, 5, 13);
    static final LocalDate END = LocalDate.of(2019, 5, 18);
    static final String LOCATION = "Belmopan";

    final String id = "cohort-" + UUID.randomUUID();
    final String code = "BMM-2019-" + id.substring(7, 15);
    final int hours;
    final int capacity;
    private Instant clock = Instant.parse("2019-04-01T09:00:00Z");

    private TestCohort(int hours, int capacity) {
        this.hours = hours;
        this.capacity = capacity;
    }

    /** A 40-hour cohort of {@code capacity} seats. */
    static TestCohort ofSeats(int capacity) {
        return new TestCohort(40, capacity);
    }

    /** The participant id of a named official in this cohort. */
    String participant(String name) {
        return id + "-" + name;
    }

    CohortScheduled scheduled() {
        return new CohortScheduled(id, code, COURSE_CODE, COURSE_TITLE, hours, START, END, LOCATION, capacity,
                "Graciela Incer");
    }

    ParticipantEnrolled enrolled(String name, int seat) {
        return new ParticipantEnrolled(UUID.randomUUID().toString(), id, code, COURSE_CODE, participant(name),
                "Official " + name, institution(name), seat, seat, capacity, false, tick());
    }

    ParticipantWaitlisted waitlisted(String name, int position) {
        return new ParticipantWaitlisted(UUID.randomUUID().toString(), id, code, COURSE_CODE, participant(name),
                "Official " + name, institution(name), position, tick());
    }

    ParticipantWithdrawn withdrawn(String name, Integer freedSeat) {
        return new ParticipantWithdrawn(UUID.randomUUID().toString(), id, code, participant(name), institution(name),
                freedSeat, "reassigned", tick());
    }

    CohortFilled filled(int fillNumber) {
        return new CohortFilled(id, code, COURSE_CODE, capacity, fillNumber, tick());
    }

    static String institution(String name) {
        return name.length() % 2 == 0 ? "BZ-IMMIGRATION" : "BZ-POLICE";
    }

    private Instant tick() {
        clock = clock.plusSeconds(60);
        return clock;
    }
}
