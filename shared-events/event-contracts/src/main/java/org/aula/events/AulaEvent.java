package org.aula.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A fact Aula publishes: a flat, self-contained record whose JSON form is the CloudEvents data.
 * The catalog ({@link EventCatalog}) names its type, topic and key.
 */
public sealed interface AulaEvent
        permits CohortScheduled, ParticipantEnrolled, ParticipantWaitlisted, ParticipantWithdrawn,
        CohortFilled, CourseCompleted, CertificateIssued {

    /** The aggregate id that orders this event: the Kafka record key. */
    @JsonIgnore
    String key();

    /** The catalog entry describing this event's type, topic and schema. */
    @JsonIgnore
    default EventCatalog catalogEntry() {
        return EventCatalog.of(getClass());
    }
}
