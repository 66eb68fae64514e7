package org.aula.enrollment.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** Cohorts in the states the tests need, modelled on BMM-2019-05 (Belmopan, 13–18 May 2019). */
final class CohortFixture {

    static final Instant NOW = Instant.parse("2019-05-01T09:00:00Z");
    static final InstitutionCode POLICE = new InstitutionCode("POLICE");
    static final InstitutionCode MFA = new InstitutionCode("MFA");

    private CohortFixture() {
    }

    /** A newly scheduled cohort: PLANNED. */
    static Cohort scheduled(int capacity) {
        return Cohort.schedule(CohortId.random(), new CohortCode("BMM-2019-05"), bmm(), LocalDate.of(2019, 5, 13),
                LocalDate.of(2019, 5, 18), "Belmopan", capacity, "Graciela Incer", SeatQuotas.none());
    }

    /** An OPEN cohort with every seat free. */
    static Cohort open(int capacity) {
        return scheduled(capacity).open().cohort();
    }

    /** {@code taken} of {@code capacity} seats taken, {@code waiting} on the waitlist: OPEN or FULL by its seats. */
    static Cohort withSeats(int capacity, int taken, int waiting) {
        return withSeats(capacity, taken, waiting, SeatQuotas.none());
    }

    static Cohort withSeats(int capacity, int taken, int waiting, SeatQuotas quotas) {
        return restore(capacity, taken, waiting, taken == capacity ? CohortStatus.FULL : CohortStatus.OPEN, quotas);
    }

    /** A cohort of 25 seats in {@code status}, with seats as that status allows (10 taken; all when FULL). */
    static Cohort inStatus(CohortStatus status) {
        return switch (status) {
            case PLANNED -> scheduled(25);
            case OPEN -> withSeats(25, 10, 0);
            case FULL -> withSeats(25, 25, 2);
            case IN_DELIVERY, COMPLETED -> restore(25, 25, 0, status, SeatQuotas.none());
            case CANCELLED -> restore(25, 0, 0, status, SeatQuotas.none());
        };
    }

    static SeatQuotas quota(InstitutionCode institution, int places) {
        return new SeatQuotas(Map.of(institution, places));
    }

    private static Cohort restore(int capacity, int taken, int waiting, CohortStatus status, SeatQuotas quotas) {
        Cohort cohort = scheduled(capacity);
        return Cohort.restore(cohort.id(), cohort.code(), cohort.course(), cohort.startDate(), cohort.endDate(),
                cohort.location(), cohort.facilitator(), new Seats(capacity, taken), taken == capacity ? 1 : 0, waiting,
                status, quotas);
    }

    static Course bmm() {
        return new Course("BMM", "Best Practices in Migration Management", 40);
    }

    static ParticipantId someone() {
        return ParticipantId.random();
    }
}
