package org.aula.enrollment.domain;

import java.time.Instant;
import java.time.LocalDate;

/** Cohorts in the states the tests need, modelled on BMM-2019-05 (Belmopan, 13–18 May 2019). */
final class CohortFixture {

    static final Instant NOW = Instant.parse("2019-05-01T09:00:00Z");
    static final InstitutionCode POLICE = new InstitutionCode("POLICE");

    private CohortFixture() {
    }

    static Cohort scheduled(int capacity) {
        return Cohort.schedule(CohortId.random(), new CohortCode("BMM-2019-05"), bmm(), LocalDate.of(2019, 5, 13),
                LocalDate.of(2019, 5, 18), "Belmopan", capacity, "Graciela Incer");
    }

    /** {@code taken} of {@code capacity} seats taken, {@code waiting} on the waitlist. */
    static Cohort withSeats(int capacity, int taken, int waiting) {
        Cohort cohort = scheduled(capacity);
        return Cohort.restore(cohort.id(), cohort.code(), cohort.course(), cohort.startDate(), cohort.endDate(),
                cohort.location(), cohort.facilitator(), new Seats(capacity, taken), taken == capacity ? 1 : 0, waiting);
    }

    static Course bmm() {
        return new Course("BMM", "Best Practices in Migration Management", 40);
    }

    static ParticipantId someone() {
        return ParticipantId.random();
    }
}
