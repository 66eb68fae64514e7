package org.aula.enrollment;

import org.aula.events.EventCatalog;

/** The types of the events this service publishes, short, for tests that list them in order. */
final class EventTypes {

    static final String SCHEDULED = EventCatalog.COHORT_SCHEDULED.type();
    static final String ENROLLED = EventCatalog.PARTICIPANT_ENROLLED.type();
    static final String WAITLISTED = EventCatalog.PARTICIPANT_WAITLISTED.type();
    static final String WITHDRAWN = EventCatalog.PARTICIPANT_WITHDRAWN.type();
    static final String FILLED = EventCatalog.COHORT_FILLED.type();
    static final String STATUS = EventCatalog.COHORT_STATUS_CHANGED.type();
    static final String COUNTS = EventCatalog.ENROLMENT_COUNTS_CHANGED.type();
    static final String OFFERED = EventCatalog.SEAT_OFFERED.type();
    static final String COURSE_DEFINED = EventCatalog.COURSE_DEFINED.type();
    static final String PROGRAMME_DEFINED = EventCatalog.PROGRAMME_DEFINED.type();
    static final String ERASED = EventCatalog.PARTICIPANT_ERASED.type();

    private EventTypes() {
    }
}
