package org.aula.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type Aula publishes: its versioned reverse-DNS type name, topic, key, payload
 * record and meaning. Producers and consumers are joined by the type name, never by a Java
 * class name; each type's JSON Schema is at {@link #schemaResource()}.
 */
public enum EventCatalog {

    COHORT_SCHEDULED("org.aula.enrollment.cohort.scheduled.v1", Topics.ENROLLMENT, "cohortId",
            CohortScheduled.class, "A cohort (one run of a course) was scheduled with its dates, place and seats."),
    PARTICIPANT_ENROLLED("org.aula.enrollment.participant.enrolled.v1", Topics.ENROLLMENT, "cohortId",
            ParticipantEnrolled.class, "An official got a seat in a cohort (directly or promoted from the waitlist)."),
    PARTICIPANT_WAITLISTED("org.aula.enrollment.participant.waitlisted.v1", Topics.ENROLLMENT, "cohortId",
            ParticipantWaitlisted.class, "An official was placed on a full cohort's waitlist."),
    PARTICIPANT_WITHDRAWN("org.aula.enrollment.participant.withdrawn.v1", Topics.ENROLLMENT, "cohortId",
            ParticipantWithdrawn.class, "An official left a cohort (seat or waitlist place freed)."),
    COHORT_FILLED("org.aula.enrollment.cohort.filled.v1", Topics.ENROLLMENT, "cohortId",
            CohortFilled.class, "The last seat of a cohort was taken; numbered, since a cohort can re-fill after a withdrawal."),
    COURSE_COMPLETED("org.aula.session.course.completed.v1", Topics.SESSION, "cohortId",
            CourseCompleted.class, "A participant met the course's completion rule; carries the rule version and figures."),
    CERTIFICATE_ISSUED("org.aula.certification.certificate.issued.v1", Topics.CERTIFICATION, "participantId",
            CertificateIssued.class, "A certificate was issued for one completion."),
    PROGRAMME_DEFINED("org.aula.enrollment.programme.defined.v1", Topics.ENROLLMENT, "programmeId",
            ProgrammeDefined.class, "A programme (e.g. a diploma) was defined or changed, with the courses it requires."),
    COURSE_DEFINED("org.aula.enrollment.course.defined.v1", Topics.ENROLLMENT, "courseId",
            CourseDefined.class, "A catalogue course was defined or changed: hours, topics, completion rule."),
    COHORT_STATUS_CHANGED("org.aula.enrollment.cohort.status-changed.v1", Topics.ENROLLMENT, "cohortId",
            CohortStatusChanged.class, "A cohort moved along its lifecycle (planned, open, full, in delivery, completed, cancelled)."),
    SEAT_OFFERED("org.aula.enrollment.seat.offered.v1", Topics.ENROLLMENT, "cohortId",
            SeatOffered.class, "A waiting official was offered a seat in another open cohort of the same course."),
    ENROLMENT_COUNTS_CHANGED("org.aula.enrollment.enrolment-counts.changed.v1", Topics.ENROLLMENT, "cohortId",
            EnrolmentCountsChanged.class, "Counts of one institution's enrolled, waitlisted and withdrawn officials in a cohort; no personal data."),
    PARTICIPANT_ERASED("org.aula.enrollment.participant.erased.v1", Topics.ENROLLMENT, "participantId",
            ParticipantErased.class, "A participant's personal data was erased on request; consumers anonymise theirs."),
    DELIVERY_PLAN_PUBLISHED("org.aula.session.delivery-plan.published.v1", Topics.SESSION, "cohortId",
            DeliveryPlanPublished.class, "The plan of sessions delivering a cohort's course was published (or revised)."),
    COURSE_NOT_COMPLETED("org.aula.session.course.not-completed.v1", Topics.SESSION, "cohortId",
            CourseNotCompleted.class, "A participant did not meet the completion rule; carries the rule version, figures and reasons."),
    COMPLETION_REVISED("org.aula.session.completion.revised.v1", Topics.SESSION, "cohortId",
            CompletionRevised.class, "A completion decision was revised after a correction, never silently changed."),
    COHORT_DELIVERY_CLOSED("org.aula.session.cohort.delivery-closed.v1", Topics.SESSION, "cohortId",
            CohortDeliveryClosed.class, "A cohort's delivery was closed and everyone decided; carries its completion rate."),
    CERTIFICATE_REVOKED("org.aula.certification.certificate.revoked.v1", Topics.CERTIFICATION, "participantId",
            CertificateRevoked.class, "A certificate was revoked by staff, with the reason."),
    DIPLOMA_AWARDED("org.aula.certification.diploma.awarded.v1", Topics.CERTIFICATION, "participantId",
            DiplomaAwarded.class, "A participant completed every course a programme requires and was awarded its diploma."),
    DIPLOMA_REVOKED("org.aula.certification.diploma.revoked.v1", Topics.CERTIFICATION, "participantId",
            DiplomaRevoked.class, "A diploma was revoked because a certificate it relied on was revoked."),
    SEAT_DECLINED("org.aula.enrollment.seat.declined.v1", Topics.ENROLLMENT, "cohortId",
            SeatDeclined.class, "A seat offered to a waiting official was declined; they keep their waitlist place and the seat is offered to the next."),
    COMPLETION_COUNTS_CHANGED("org.aula.certification.completion-counts.changed.v1", Topics.CERTIFICATION, "cohortId",
            CompletionCountsChanged.class,
            "Counts of one institution's decided, completed and certified officials in a cohort; no personal data."),
    CERTIFICATE_ISSUED_BY_HAND("org.aula.certification.certificate.issued-by-hand.v1", Topics.CERTIFICATION, "participantId",
            CertificateIssuedByHand.class, "Staff issued a certificate by hand, with the reason (beside its certificate.issued)."),
    HOLDER_LINK_SENT("org.aula.certification.holder-link.sent.v1", Topics.CERTIFICATION, "participantId",
            HolderLinkSent.class, "Staff sent a certificate's holder a link to their copy, or re-sent it, with the reason; never the token.");

    private final String type;
    private final String topic;
    private final String keyField;
    private final Class<? extends AulaEvent> payloadType;
    private final String description;

    EventCatalog(String type, String topic, String keyField, Class<? extends AulaEvent> payloadType,
            String description) {
        this.type = type;
        this.topic = topic;
        this.keyField = keyField;
        this.payloadType = payloadType;
        this.description = description;
    }

    /** Versioned reverse-DNS CloudEvents type, e.g. {@code org.aula.enrollment.cohort.filled.v1}. */
    public String type() {
        return type;
    }

    /** The Kafka topic this type is published to (see {@link Topics}). */
    public String topic() {
        return topic;
    }

    /** The payload field whose value is the record key (the aggregate that needs ordering). */
    public String keyField() {
        return keyField;
    }

    /** The record whose JSON form is this type's CloudEvents data. */
    public Class<? extends AulaEvent> payloadType() {
        return payloadType;
    }

    /** One line for humans: the fact this type records; also the description of its JSON Schema. */
    public String description() {
        return description;
    }

    /** Classpath location of this type's checked-in JSON Schema. */
    public String schemaResource() {
        return "schemas/" + type + ".json";
    }

    /** The {@code ce_dataschema} URI of this type. */
    public String dataSchema() {
        return "urn:aula:schema:" + type;
    }

    /** The entry of a payload record class. */
    public static EventCatalog of(Class<?> payloadType) {
        return Arrays.stream(values())
                .filter(entry -> entry.payloadType.equals(payloadType))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an Aula event: " + payloadType.getName()));
    }

    /** The entry of a CloudEvents type name, if Aula knows it. */
    public static Optional<EventCatalog> ofType(String type) {
        return Arrays.stream(values()).filter(entry -> entry.type.equals(type)).findFirst();
    }
}
