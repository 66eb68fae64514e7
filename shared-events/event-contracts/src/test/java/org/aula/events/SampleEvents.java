package org.aula.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * One realistic instance of every catalog type, told from the seed story: cohort BMM-2019-05 of "Best Practices
 * in Migration Management", 40 hours in Belmopan from 13 to 18 May 2019, 25 seats, facilitated by Graciela Incer.
 */
public final class SampleEvents {

    public static final String COHORT_ID = "5b0e6a3c-1f7d-4c2a-9e84-3d1b2a7c9f01";
    public static final String COHORT_CODE = "BMM-2019-05";
    public static final String COURSE_CODE = "BMM";
    public static final String COURSE_TITLE = "Best Practices in Migration Management";
    public static final int COURSE_HOURS = 40;
    public static final String LOCATION = "Belmopan";
    public static final LocalDate START_DATE = LocalDate.of(2019, 5, 13);
    public static final LocalDate END_DATE = LocalDate.of(2019, 5, 18);
    public static final int CAPACITY = 25;
    public static final String FACILITATOR = "Graciela Incer";

    /** Inspector Constant Pascascio of the Police Department, quoted in the seed story. */
    public static final String PARTICIPANT_ID = "c7a41e52-8d0b-4f6e-b3a9-61f2e0d4c8a7";
    public static final String PARTICIPANT_NAME = "Constant Pascascio";
    public static final String ENROLMENT_ID = "e2d9f4a1-6b3c-4e8d-a7f0-9c5b1d3e2a64";

    private SampleEvents() {
    }

    /** The coordinator opens the cohort. */
    public static CohortScheduled cohortScheduled() {
        return new CohortScheduled(COHORT_ID, COHORT_CODE, COURSE_CODE, COURSE_TITLE, COURSE_HOURS,
                START_DATE, END_DATE, LOCATION, CAPACITY, FACILITATOR);
    }

    /** The Police Department's nominee takes seat 7. */
    public static ParticipantEnrolled participantEnrolled() {
        return new ParticipantEnrolled(ENROLMENT_ID, COHORT_ID, COHORT_CODE, COURSE_CODE, PARTICIPANT_ID,
                PARTICIPANT_NAME, "POLICE", 7, 7, CAPACITY, false, Instant.parse("2019-04-23T15:42:10Z"));
    }

    /** A Ministry of Human Development official arrives after the 25th seat went and is next in line. */
    public static ParticipantWaitlisted participantWaitlisted() {
        return new ParticipantWaitlisted("0f6c2b8e-93d1-4a57-8e2c-7b4a1d9e6f35", COHORT_ID, COHORT_CODE, COURSE_CODE,
                "9a3e7c15-2d4f-4b86-a0e9-5c8d1f2b7e43", "Marisol Chan", "MHD", 1,
                Instant.parse("2019-05-02T13:05:44Z"));
    }

    /** A Ministry of Foreign Affairs official gives up seat 19 before the course starts. */
    public static ParticipantWithdrawn participantWithdrawn() {
        return new ParticipantWithdrawn("71b5d3e9-0c2a-4f84-9b6e-e8a4c1f7d250", COHORT_ID, COHORT_CODE,
                "3d8f1a6b-7e2c-4c95-b041-a6e9d2c5f318", "MFA", 19, "Posted abroad for the week of the course",
                Instant.parse("2019-05-08T09:30:00Z"));
    }

    /** The same as {@link #participantWithdrawn()} for an official who only held a waitlist place: no seat freed. */
    public static ParticipantWithdrawn participantWithdrawnFromWaitlist() {
        return new ParticipantWithdrawn("0f6c2b8e-93d1-4a57-8e2c-7b4a1d9e6f35", COHORT_ID, COHORT_CODE,
                "9a3e7c15-2d4f-4b86-a0e9-5c8d1f2b7e43", "MHD", null, "Will join a June replica instead",
                Instant.parse("2019-05-06T16:12:30Z"));
    }

    /** An Immigration Department official takes the 25th seat. */
    public static CohortFilled cohortFilled() {
        return new CohortFilled(COHORT_ID, COHORT_CODE, COURSE_CODE, CAPACITY, 1,
                Instant.parse("2019-05-02T11:58:03Z"));
    }

    /** Inspector Pascascio attended 38 of 40 hours and passed every assessment. */
    public static CourseCompleted courseCompleted() {
        return new CourseCompleted("b4e8c2a7-5f1d-4d39-8a6c-2e7f9b0d3c15", COHORT_ID, COHORT_CODE, COURSE_CODE,
                COURSE_TITLE, COURSE_HOURS, START_DATE, END_DATE, LOCATION, PARTICIPANT_ID, PARTICIPANT_NAME,
                "POLICE", 38.0, 40.0, 0.95, "attendance-80-all-assessments-v1",
                Instant.parse("2019-05-18T22:15:00Z"));
    }

    /** His certificate, verifiable by anyone. */
    public static CertificateIssued certificateIssued() {
        return new CertificateIssued("d1f7a9c3-4e6b-4a2d-8c50-b3e1f6a8d927", "AULA-BMM-2019-05-007",
                "b4e8c2a7-5f1d-4d39-8a6c-2e7f9b0d3c15", PARTICIPANT_ID, PARTICIPANT_NAME, "POLICE", COURSE_CODE,
                COURSE_TITLE, COURSE_HOURS, COHORT_ID, COHORT_CODE, START_DATE, END_DATE,
                Instant.parse("2019-05-20T14:00:00Z"),
                "https://aula.example.org/verify/d1f7a9c3-4e6b-4a2d-8c50-b3e1f6a8d927");
    }

    /**
     * The sample of a catalog type. The switch has no default on purpose: a catalog entry without a sample does not
     * compile.
     */
    public static AulaEvent of(EventCatalog entry) {
        return switch (entry) {
            case COHORT_SCHEDULED -> cohortScheduled();
            case PARTICIPANT_ENROLLED -> participantEnrolled();
            case PARTICIPANT_WAITLISTED -> participantWaitlisted();
            case PARTICIPANT_WITHDRAWN -> participantWithdrawn();
            case COHORT_FILLED -> cohortFilled();
            case COURSE_COMPLETED -> courseCompleted();
            case CERTIFICATE_ISSUED -> certificateIssued();
        };
    }

    /** Every sample, including variants that exercise nullable fields. */
    public static List<AulaEvent> all() {
        return Stream.concat(Arrays.stream(EventCatalog.values()).map(SampleEvents::of),
                Stream.of(participantWithdrawnFromWaitlist())).toList();
    }
}
