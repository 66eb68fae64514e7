package org.aula.certification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.aula.events.CourseCompleted;

/**
 * {@code course.completed} facts as session-service publishes them, one fresh cohort per call so
 * tests sharing the topic and the database never see each other's certificates.
 */
final class CourseCompletedFixture {

    static final String COURSE_CODE = "BMM";
    static final String COURSE_TITLE = "Best Practices in Migration Management";
    static final LocalDate START = LocalDate.of(2019, 5, 13);
    static final LocalDate END = LocalDate.of(2019, 5, 18);

    private CourseCompletedFixture() {
    }

    /** A fresh cohort of the seed's course, e.g. {@code BMM-2019-05-1a2b3c}. */
    static Cohort aCohort() {
        return new Cohort(UUID.randomUUID().toString(), "BMM-2019-05-" + UUID.randomUUID().toString().substring(0, 6), COURSE_CODE);
    }

    /** A fresh cohort of a course code of its own, so per-course metrics belong to one test. */
    static Cohort aCohortOfItsOwnCourse() {
        String course = "T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        return new Cohort(UUID.randomUUID().toString(), course + "-2019-05", course);
    }

    /** A cohort a test publishes completions of. */
    record Cohort(String id, String code, String courseCode) {

        /** A new participant completed this cohort an hour ago. */
        CourseCompleted completion(String participantName) {
            return completion(UUID.randomUUID().toString(), participantName, Instant.now().minus(1, ChronoUnit.HOURS));
        }

        CourseCompleted completion(String participantId, String participantName, Instant decidedAt) {
            return completion(participantId, participantName, "BZ-POLICE", decidedAt);
        }

        /** A new participant, nominated by {@code institutionCode}, completed this cohort an hour ago. */
        CourseCompleted completionOf(String institutionCode, String participantName) {
            return completion(UUID.randomUUID().toString(), participantName, institutionCode, Instant.now().minus(1, ChronoUnit.HOURS));
        }

        private CourseCompleted completion(String participantId, String participantName, String institutionCode, Instant decidedAt) {
            return new CourseCompleted(UUID.randomUUID().toString(), id, code, courseCode, COURSE_TITLE, 40, START, END,
                    "Belmopan", participantId, participantName, institutionCode, 38.0, 40.0, 0.95, "attendance-80-v1",
                    decidedAt.truncatedTo(ChronoUnit.MILLIS));
        }
    }

    /** The same participant's completion decided again: a new completion id, same participant and cohort. */
    static CourseCompleted decidedAgain(CourseCompleted completion) {
        return new CourseCompleted(UUID.randomUUID().toString(), completion.cohortId(), completion.cohortCode(),
                completion.courseCode(), completion.courseTitle(), completion.courseHours(), completion.startDate(),
                completion.endDate(), completion.location(), completion.participantId(), completion.participantName(),
                completion.institutionCode(), completion.hoursAttended(), completion.hoursScheduled(),
                completion.attendanceRate(), completion.ruleVersion(), completion.decidedAt().plusSeconds(60));
    }
}
