package org.aula.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A fact Aula publishes: a flat, self-contained record whose JSON form is the CloudEvents data.
 * The catalog ({@link EventCatalog}) names its type, topic and key.
 *
 * <p>Every implementation is annotated {@code @JsonIgnoreProperties(ignoreUnknown = true)}: a consumer built
 * against an older minor version must accept fields added later, and Jackson 2 (which partners may use)
 * rejects unknown properties by default. A boxed component ({@code Integer}) may be null; every other
 * component is always present.
 */
public sealed interface AulaEvent
        permits CohortScheduled, ParticipantEnrolled, ParticipantWaitlisted, ParticipantWithdrawn,
        CohortFilled, CourseCompleted, CertificateIssued,
        ProgrammeDefined, CourseDefined, CohortStatusChanged, SeatOffered, ParticipantErased,
        DeliveryPlanPublished, CourseNotCompleted, CompletionRevised, CohortDeliveryClosed,
        CertificateRevoked, DiplomaAwarded, DiplomaRevoked, EnrolmentCountsChanged,
        SeatDeclined, CompletionCountsChanged, CertificateIssuedByHand, HolderLinkSent {

    /** The aggregate id that orders this event: the Kafka record key. */
    @JsonIgnore
    String key();

    /** The catalog entry describing this event's type, topic and schema. */
    @JsonIgnore
    default EventCatalog catalogEntry() {
        return EventCatalog.of(getClass());
    }
}
