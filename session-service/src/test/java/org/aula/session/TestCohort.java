package org.aula.session;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.aula.events.CohortFilled;
import org.aula.events.CohortScheduled;
import org.aula.events.CourseDefined;
import org.aula.events.ParticipantEnrolled;
import org.aula.events.ParticipantErased;
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
    final String courseCode;
    final int hours;
    final int capacity;
    private Instant clock = Instant.parse("2019-04-01T09:00:00Z");

    private TestCohort(String courseCode, int hours, int capacity) {
        this.courseCode = courseCode;
        this.hours = hours;
        this.capacity = capacity;
    }

    /** A 40-hour cohort of the seed's course BMM with {@code capacity} seats. */
    static TestCohort ofSeats(int capacity) {
        return new TestCohort(COURSE_CODE, 40, capacity);
    }

    /**
     * A 40-hour cohort of a course of its own ({@code BMM-XXXXXX}), so a test may define the
     * course's rule or catalogue entry without touching other tests' cohorts.
     */
    static TestCohort ofOwnCourse(int capacity) {
        return new TestCohort("BMM-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT),
                40, capacity);
    }

    /** The participant id of a named official in this cohort. */
    String participant(String name) {
        return id + "-" + name;
    }

    CohortScheduled scheduled() {
        return new CohortScheduled(id, code, courseCode, COURSE_TITLE, hours, START, END, LOCATION, capacity,
                "Graciela Incer");
    }

    ParticipantEnrolled enrolled(String name, int seat) {
        return new ParticipantEnrolled(UUID.randomUUID().toString(), id, code, courseCode, participant(name),
                "Official " + name, institution(name), seat, seat, capacity, false, tick());
    }

    ParticipantWaitlisted waitlisted(String name, int position) {
        return new ParticipantWaitlisted(UUID.randomUUID().toString(), id, code, courseCode, participant(name),
                "Official " + name, institution(name), position, tick());
    }

    ParticipantWithdrawn withdrawn(String name, Integer freedSeat) {
        return new ParticipantWithdrawn(UUID.randomUUID().toString(), id, code, participant(name), institution(name),
                freedSeat, "reassigned", tick());
    }

    CohortFilled filled(int fillNumber) {
        return new CohortFilled(id, code, courseCode, capacity, fillNumber, tick());
    }

    /** The course announced with its own topics and hours. */
    CourseDefined courseDefined(int courseHours, List<String> topics) {
        return new CourseDefined("course-" + courseCode, courseCode, COURSE_TITLE, courseHours, topics,
                "attendance-80", tick());
    }

    ParticipantErased erased(String name) {
        return new ParticipantErased(participant(name), tick());
    }

    static String institution(String name) {
        return name.length() % 2 == 0 ? "BZ-IMMIGRATION" : "BZ-POLICE";
    }

    private Instant tick() {
        clock = clock.plusSeconds(60);
        return clock;
    }
}
