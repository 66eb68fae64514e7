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
            CertificateIssued.class, "A certificate was issued for one completion.");

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
