package org.aula.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One realistic instance of every catalog type, told from the seed story: cohort BMM-2019-05 of "Best Practices
 * in Migration Management", 40 hours in Belmopan from 13 to 18 May 2019, 25 seats, facilitated by Graciela Incer;
 * the course counts towards Galen University's Diploma in Migration Management.
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

    public static final String COURSE_ID = "6e2b9d41-0a7c-4f58-b3e6-d14c8a9f2b70";
    public static final String RULE_VERSION = "attendance-80-all-assessments-v1";
    /** The six topics of the course, one a day, in the order they are delivered. */
    public static final List<String> COURSE_TOPICS = List.of("Human rights", "Mixed migration flows",
            "Factors that influence migration", "International organized crime", "Emergencies", "Migration management");

    public static final String PROGRAMME_ID = "a8c3f2e1-7b4d-4e09-9f6a-2d5c8b1e7a34";
    public static final String PROGRAMME_CODE = "DMM-GU";
    public static final String PROGRAMME_TITLE = "Diploma in Migration Management";
    public static final String AWARDING_INSTITUTION = "Galen University";

    /** The June replica of the course, which still had seats when BMM-2019-05 filled. */
    public static final String JUNE_COHORT_ID = "8f4d2c6a-3b1e-4a97-8d05-e7c9b2a1f6d3";
    public static final String JUNE_COHORT_CODE = "BMM-2019-06A";

    /** An Immigration Department official who missed two days of the course and failed the role play. */
    public static final String NOT_COMPLETED_PARTICIPANT_ID = "4b9e1d7c-2a6f-4c83-95e0-f8d3a6c1b2e9";
    public static final String NOT_COMPLETED_COMPLETION_ID = "f3a6c9e2-8d1b-4f75-a2c4-b7e0d5f9a831";

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
                "POLICE", 38.0, 40.0, 0.95, RULE_VERSION,
                Instant.parse("2019-05-18T22:15:00Z"), List.of(), "38", "40", "0.95");
    }

    /** His certificate, verifiable by anyone. */
    public static CertificateIssued certificateIssued() {
        return new CertificateIssued("d1f7a9c3-4e6b-4a2d-8c50-b3e1f6a8d927", "AULA-BMM-2019-05-007",
                "b4e8c2a7-5f1d-4d39-8a6c-2e7f9b0d3c15", PARTICIPANT_ID, PARTICIPANT_NAME, "POLICE", COURSE_CODE,
                COURSE_TITLE, COURSE_HOURS, COHORT_ID, COHORT_CODE, START_DATE, END_DATE,
                Instant.parse("2019-05-20T14:00:00Z"),
                "https://aula.example.org/verify/d1f7a9c3-4e6b-4a2d-8c50-b3e1f6a8d927");
    }

    /** Galen University's diploma, which requires the course. */
    public static ProgrammeDefined programmeDefined() {
        return new ProgrammeDefined(PROGRAMME_ID, PROGRAMME_CODE, PROGRAMME_TITLE, AWARDING_INSTITUTION,
                List.of(COURSE_CODE), Instant.parse("2019-01-15T10:00:00Z"));
    }

    /** The course of the catalogue: 40 hours, six topics, judged by the 80 % attendance and all-assessments rule. */
    public static CourseDefined courseDefined() {
        return new CourseDefined(COURSE_ID, COURSE_CODE, COURSE_TITLE, COURSE_HOURS, COURSE_TOPICS, RULE_VERSION,
                Instant.parse("2019-01-15T10:05:00Z"));
    }

    /** The 25th seat goes: the cohort is full (the same moment as {@link #cohortFilled()}). */
    public static CohortStatusChanged cohortStatusChanged() {
        return new CohortStatusChanged(COHORT_ID, COHORT_CODE, COURSE_CODE, "OPEN", "FULL",
                "Last of 25 seats taken", Instant.parse("2019-05-02T11:58:03Z"));
    }

    /** The Ministry of Human Development official first on BMM-2019-05's waitlist is offered a seat in the June replica. */
    public static SeatOffered seatOffered() {
        return new SeatOffered("2c7e5a9d-1f3b-4d68-b0a2-94e6c8d1f5b7", JUNE_COHORT_ID, JUNE_COHORT_CODE, COHORT_ID,
                COHORT_CODE, COURSE_CODE, "9a3e7c15-2d4f-4b86-a0e9-5c8d1f2b7e43", "Marisol Chan", "MHD",
                Instant.parse("2019-05-03T08:00:00Z"), Instant.parse("2019-05-10T23:59:59Z"));
    }

    /** The Ministry of Human Development declines, for its official, the June seat offered to her. */
    public static SeatDeclined seatDeclined() {
        return new SeatDeclined("2c7e5a9d-1f3b-4d68-b0a2-94e6c8d1f5b7", JUNE_COHORT_ID, JUNE_COHORT_CODE, COHORT_ID,
                COHORT_CODE, COURSE_CODE, "9a3e7c15-2d4f-4b86-a0e9-5c8d1f2b7e43", "MHD",
                Instant.parse("2019-05-04T09:30:00Z"));
    }

    /** The Police Department's count in the May cohort once the cohort filled: no names, only numbers. */
    public static EnrolmentCountsChanged enrolmentCountsChanged() {
        return new EnrolmentCountsChanged(COHORT_ID, COHORT_CODE, COURSE_CODE, "POLICE", 7, 1, 0, 25,
                Instant.parse("2019-05-02T11:58:03Z"));
    }

    /** The Ministry of Foreign Affairs official who withdrew asks for their personal data to be erased. */
    public static ParticipantErased participantErased() {
        return new ParticipantErased("3d8f1a6b-7e2c-4c95-b041-a6e9d2c5f318", Instant.parse("2019-09-02T10:20:00Z"));
    }

    /**
     * The plan published when the roster locked: six days, one topic a day, a lecture each morning and a case study
     * or role play each afternoon, 40 hours in all.
     */
    public static DeliveryPlanPublished deliveryPlanPublished() {
        List<PlannedSession> sessions = new ArrayList<>();
        String[] practice = {"CASE_STUDY", "ROLE_PLAY", "CASE_STUDY", "CASE_STUDY", "ROLE_PLAY", "ROLE_PLAY"};
        for (int day = 0; day < COURSE_TOPICS.size(); day++) {
            LocalDate date = START_DATE.plusDays(day);
            boolean lastDay = day == COURSE_TOPICS.size() - 1;
            sessions.add(plannedSession(sessions.size() + 1, date, COURSE_TOPICS.get(day), "LECTURE", lastDay ? 3.0 : 4.0));
            sessions.add(plannedSession(sessions.size() + 1, date, COURSE_TOPICS.get(day), practice[day], lastDay ? 2.0 : 3.0));
        }
        return new DeliveryPlanPublished("0d5f8b3e-6a2c-4e91-87b4-c1a9e3d7f250", COHORT_ID, COHORT_CODE, COURSE_CODE, 1,
                40.0, List.copyOf(sessions), Instant.parse("2019-05-11T09:00:00Z"));
    }

    private static PlannedSession plannedSession(int sequence, LocalDate date, String topic, String method, double hours) {
        String sessionId = UUID.nameUUIDFromBytes((COHORT_CODE + "/session/" + sequence).getBytes(StandardCharsets.UTF_8))
                .toString();
        return new PlannedSession(sessionId, sequence, date, topic, method, hours);
    }

    /** The Immigration Department official attended 30 of 40 hours and failed the role play. */
    public static CourseNotCompleted courseNotCompleted() {
        return new CourseNotCompleted(NOT_COMPLETED_COMPLETION_ID, COHORT_ID, COHORT_CODE, COURSE_CODE,
                NOT_COMPLETED_PARTICIPANT_ID, "IMMIGRATION", 30.0, 40.0, 0.75,
                List.of(new AssessmentResult("BMM-CS", "Case study: mixed migration flows", 72.0, 60.0, true),
                        new AssessmentResult("BMM-RP", "Role play: an emergency at the border", 48.0, 60.0, false)),
                List.of("attendance 75.0% below 80.0%", "assessment BMM-RP failed: 48.0 below the pass mark 60.0"),
                RULE_VERSION, Instant.parse("2019-05-18T22:15:00Z"), "30", "40", "0.75");
    }

    /**
     * The register is corrected (15 and 16 May afternoons were attended, signed on paper) and the role play re-sat:
     * the decision is revised to completed, with the new figures.
     */
    public static CompletionRevised completionRevised() {
        return new CompletionRevised(NOT_COMPLETED_COMPLETION_ID, COHORT_ID, COHORT_CODE, COURSE_CODE,
                NOT_COMPLETED_PARTICIPANT_ID, "IMMIGRATION", 2, "NOT_COMPLETED", "COMPLETED", 36.0, 40.0, 0.9,
                List.of(new AssessmentResult("BMM-CS", "Case study: mixed migration flows", 72.0, 60.0, true),
                        new AssessmentResult("BMM-RP", "Role play: an emergency at the border", 66.0, 60.0, true)),
                RULE_VERSION, "Attendance register corrected from the signed paper sheets; role play re-sat on 24 May",
                Instant.parse("2019-05-27T15:30:00Z"), "36", "40", "0.9", "Marisol Chen", COURSE_TITLE, COURSE_HOURS,
                START_DATE, END_DATE);
    }

    /** Delivery closes with everyone decided: 23 of 25 completed. */
    public static CohortDeliveryClosed cohortDeliveryClosed() {
        return new CohortDeliveryClosed(COHORT_ID, COHORT_CODE, COURSE_CODE, CAPACITY, 23, 2, 0.92, RULE_VERSION,
                Instant.parse("2019-05-31T17:00:00Z"), "0.92");
    }

    /** A certificate issued in error (to a duplicate participant record) is revoked by staff. */
    public static CertificateRevoked certificateRevoked() {
        return new CertificateRevoked("5e1a8c4f-9d2b-4b60-a3f7-c6e2d9b0a418", "AULA-BMM-2019-05-024",
                "7c2f9e1a-4d6b-4a38-8e51-b9d0c3f6a2e7", COURSE_CODE, COHORT_ID, COHORT_CODE,
                "Issued in error to a duplicate participant record", Instant.parse("2019-06-04T11:45:00Z"));
    }

    /** The May cohort's Police officials after the last decision: seven decided, all completed and certified. */
    public static CompletionCountsChanged completionCountsChanged() {
        return new CompletionCountsChanged(COHORT_ID, COHORT_CODE, COURSE_CODE, "POLICE", 7, 7, 0, 7, 0,
                Instant.parse("2019-05-20T14:05:00Z"));
    }

    /** Inspector Pascascio holds the certificate of every course the diploma requires. */
    public static DiplomaAwarded diplomaAwarded() {
        return new DiplomaAwarded("b6d2e8f1-3c7a-4e95-a0b4-58f1c9d3e7a2", "GU-DMM-2019-0007", PROGRAMME_CODE,
                PROGRAMME_TITLE, PARTICIPANT_ID, PARTICIPANT_NAME, "POLICE", List.of("AULA-BMM-2019-05-007"),
                Instant.parse("2019-05-20T14:05:00Z"),
                "https://aula.example.org/verify/diplomas/b6d2e8f1-3c7a-4e95-a0b4-58f1c9d3e7a2");
    }

    /** The certificate the Galen diploma relied on is revoked after its completion was revised to NOT_COMPLETED. */
    public static DiplomaRevoked diplomaRevoked() {
        return new DiplomaRevoked("b6d2e8f1-3c7a-4e95-a0b4-58f1c9d3e7a2", "GU-DMM-2019-0007", PROGRAMME_CODE,
                PARTICIPANT_ID, "AULA-BMM-2019-05-007",
                "Completion revised to NOT_COMPLETED (revision 1): attendance register corrected",
                Instant.parse("2019-06-10T09:15:00Z"));
    }

    public static CertificateIssuedByHand certificateIssuedByHand() {
        return new CertificateIssuedByHand("4f0b6c1e-8d2a-4b7e-9f3c-2a1d5e7b9c04", "AULA-BMM-2019-000002",
                "manual-6a7d2f0e-1b3c-4d5e-8f9a-0b1c2d3e4f5a", PARTICIPANT_ID, "BMM", COHORT_ID, "coordinator-1",
                "Completed in 2018, before the platform; attendance sheets on file", Instant.parse("2019-06-11T10:00:00Z"));
    }

    public static HolderLinkSent holderLinkSent() {
        return new HolderLinkSent("4f0b6c1e-8d2a-4b7e-9f3c-2a1d5e7b9c04", "AULA-BMM-2019-000002", PARTICIPANT_ID, COHORT_ID,
                "0d5c3b2a-1e4f-4a6b-8c9d-7e6f5a4b3c2d", "The holder asked for a copy by e-mail", true,
                Instant.parse("2019-06-12T08:30:00Z"), Instant.parse("2019-09-12T08:30:00Z"));
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
            case PROGRAMME_DEFINED -> programmeDefined();
            case COURSE_DEFINED -> courseDefined();
            case COHORT_STATUS_CHANGED -> cohortStatusChanged();
            case SEAT_OFFERED -> seatOffered();
            case PARTICIPANT_ERASED -> participantErased();
            case ENROLMENT_COUNTS_CHANGED -> enrolmentCountsChanged();
            case DELIVERY_PLAN_PUBLISHED -> deliveryPlanPublished();
            case COURSE_NOT_COMPLETED -> courseNotCompleted();
            case COMPLETION_REVISED -> completionRevised();
            case COHORT_DELIVERY_CLOSED -> cohortDeliveryClosed();
            case CERTIFICATE_REVOKED -> certificateRevoked();
            case DIPLOMA_AWARDED -> diplomaAwarded();
            case DIPLOMA_REVOKED -> diplomaRevoked();
            case SEAT_DECLINED -> seatDeclined();
            case COMPLETION_COUNTS_CHANGED -> completionCountsChanged();
            case CERTIFICATE_ISSUED_BY_HAND -> certificateIssuedByHand();
            case HOLDER_LINK_SENT -> holderLinkSent();
        };
    }

    /** Every sample, including variants that exercise nullable fields. */
    public static List<AulaEvent> all() {
        return Stream.concat(Arrays.stream(EventCatalog.values()).map(SampleEvents::of),
                Stream.of(participantWithdrawnFromWaitlist())).toList();
    }
}
