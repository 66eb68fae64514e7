package org.aula.enrollment.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.aula.enrollment.EnrollmentProperties;
import org.aula.enrollment.application.InMemoryPorts.CohortsInMemory;
import org.aula.enrollment.application.InMemoryPorts.EnrolmentsInMemory;
import org.aula.enrollment.application.InMemoryPorts.ParticipantsInMemory;
import org.aula.enrollment.application.InMemoryPorts.RecordedEvents;
import org.aula.enrollment.domain.Cohort;
import org.aula.enrollment.domain.CohortCode;
import org.aula.enrollment.domain.CohortId;
import org.aula.enrollment.domain.CohortStatus;
import org.aula.enrollment.domain.Course;
import org.aula.enrollment.domain.EmailAddress;
import org.aula.enrollment.domain.Enrolment;
import org.aula.enrollment.domain.EnrolmentId;
import org.aula.enrollment.domain.EnrolmentRefused;
import org.aula.enrollment.domain.EnrolmentStatus;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.Participant;
import org.aula.enrollment.domain.ParticipantId;
import org.aula.enrollment.domain.SeatQuotas;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The withdrawal rule of {@link WithdrawParticipant}, on in-memory ports (no Spring context, no database): a freed
 * seat goes to the head of the waitlist in the same call and the line moves up; with nobody waiting the seat is
 * released and a FULL cohort is OPEN again; leaving the line closes the gap; a withdrawal is published once.
 */
class WithdrawParticipantTest {

    private static final Instant NOMINATED = Instant.parse("2019-04-01T09:00:00Z");
    private static final Instant NOW = Instant.parse("2019-05-01T09:00:00Z");
    private static final InstitutionCode POLICE = new InstitutionCode("POLICE");
    private static final InstitutionCode MFA = new InstitutionCode("MFA");

    private final CohortsInMemory cohorts = new CohortsInMemory();
    private final EnrolmentsInMemory enrolments = new EnrolmentsInMemory();
    private final ParticipantsInMemory participants = new ParticipantsInMemory();
    private final RecordedEvents events = new RecordedEvents();
    private final WithdrawParticipant withdrawals = new WithdrawParticipant(cohorts, participants, enrolments, events,
            new CountsChanged(enrolments, events), new EnrollmentMetrics(new SimpleMeterRegistry()),
            Clock.fixed(NOW, ZoneOffset.UTC), properties());

    private Cohort cohort = Cohort.schedule(CohortId.random(), new CohortCode("BMM-2019-05"),
            new Course("BMM", "Best Practices in Migration Management", 40), LocalDate.of(2019, 5, 13),
            LocalDate.of(2019, 5, 18), "Belmopan", 2, "Graciela Incer", SeatQuotas.none()).open().cohort();

    @BeforeEach
    void countMetricsAsInATransaction() {
        // The metrics count after commit; a plain synchronization stands in for the transaction.
        TransactionSynchronizationManager.initSynchronization();
    }

    @AfterEach
    void endTransaction() {
        TransactionSynchronizationManager.clearSynchronization();
    }

    @Test
    void aFreedSeatGoesToTheHeadOfTheWaitlistAndTheLineMovesUp() {
        Enrolment seated = seat(POLICE);
        seat(POLICE);
        Enrolment head = waitlist(MFA);
        Enrolment second = waitlist(POLICE);

        Enrolment withdrawn = withdrawals.withdraw(cohort.id(), seated.id());

        assertThat(withdrawn.status()).isEqualTo(EnrolmentStatus.WITHDRAWN);
        Enrolment promoted = enrolments.find(head.id()).orElseThrow();
        assertThat(promoted.status()).isEqualTo(EnrolmentStatus.ENROLLED);
        assertThat(promoted.seatNumber()).isEqualTo(seated.seatNumber());
        assertThat(enrolments.find(second.id()).orElseThrow().waitlistPosition()).isEqualTo(1);
        assertThat(cohorts.find(cohort.id()).orElseThrow().status()).isEqualTo(CohortStatus.FULL);
        assertThat(events.published).containsExactly(
                "participant.withdrawn " + seated.id(),
                "participant.enrolled " + head.id() + " seat " + seated.seatNumber() + " promoted",
                "enrolment-counts.changed MFA 1/0/0",
                "enrolment-counts.changed POLICE 1/1/1");
    }

    @Test
    void aFreedSeatNobodyWaitsForReopensAFullCohort() {
        Enrolment seated = seat(POLICE);
        seat(MFA);

        withdrawals.withdraw(cohort.id(), seated.id());

        Cohort after = cohorts.find(cohort.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(CohortStatus.OPEN);
        assertThat(after.seats().taken()).isEqualTo(1);
        assertThat(events.published).containsExactly(
                "participant.withdrawn " + seated.id(),
                "cohort.status-changed FULL -> OPEN",
                "enrolment-counts.changed POLICE 0/0/1");
    }

    @Test
    void leavingTheWaitlistPromotesNobodyAndClosesTheGap() {
        seat(POLICE);
        seat(POLICE);
        Enrolment head = waitlist(MFA);
        Enrolment second = waitlist(MFA);

        withdrawals.withdraw(cohort.id(), head.id());

        assertThat(enrolments.waiting(cohort.id())).extracting(Enrolment::id).containsExactly(second.id());
        assertThat(enrolments.find(second.id()).orElseThrow().waitlistPosition()).isEqualTo(1);
        assertThat(events.published).containsExactly(
                "participant.withdrawn " + head.id(),
                "enrolment-counts.changed MFA 0/1/1");
    }

    @Test
    void withdrawingTwiceAnswersTheWithdrawalAndPublishesOnce() {
        Enrolment seated = seat(POLICE);
        withdrawals.withdraw(cohort.id(), seated.id());
        List<String> once = List.copyOf(events.published);

        Enrolment again = withdrawals.withdraw(cohort.id(), seated.id());

        assertThat(again.status()).isEqualTo(EnrolmentStatus.WITHDRAWN);
        assertThat(events.published).isEqualTo(once);
    }

    @Test
    void aCohortInDeliveryTakesNoWithdrawals() {
        Enrolment seated = seat(POLICE);
        cohorts.put(cohorts.find(cohort.id()).orElseThrow().startDelivery().cohort());

        assertThatThrownBy(() -> withdrawals.withdraw(cohort.id(), seated.id()))
                .isInstanceOfSatisfying(EnrolmentRefused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(EnrolmentRefused.Reason.NOT_TAKING_WITHDRAWALS));
        assertThat(enrolments.find(seated.id()).orElseThrow().status()).isEqualTo(EnrolmentStatus.ENROLLED);
        assertThat(events.published).isEmpty();
    }

    /** Seats a new official of the institution in the next seat, as a nomination does, and stores the cohort after. */
    private Enrolment seat(InstitutionCode institution) {
        Participant official = official(institution);
        cohort = cohort.claimSeat().cohort();
        Enrolment enrolment = cohort.seat(EnrolmentId.random(), official.id(), institution,
                enrolments.lowestFreeSeat(cohort.id(), cohort.seats().capacity()), NOMINATED);
        enrolments.add(enrolment);
        cohorts.put(cohort);
        return enrolment;
    }

    /** Puts a new official of the institution at the end of the (full) cohort's waitlist. */
    private Enrolment waitlist(InstitutionCode institution) {
        Participant official = official(institution);
        Cohort.Waitlisting waitlisting = cohort.waitlist(EnrolmentId.random(), official.id(), institution, NOMINATED);
        cohort = waitlisting.cohort();
        enrolments.add(waitlisting.enrolment());
        cohorts.put(cohort);
        return waitlisting.enrolment();
    }

    private Participant official(InstitutionCode institution) {
        ParticipantId id = ParticipantId.random();
        Participant official = new Participant(id, new EmailAddress("official-" + id + "@example.org"), "An Official",
                null, institution);
        participants.put(official);
        return official;
    }

    private static EnrollmentProperties properties() {
        return new EnrollmentProperties("withdrawn by staff", new EnrollmentProperties.Paging(50, 200),
                new EnrollmentProperties.Nominations(100), new EnrollmentProperties.Offers(true, Duration.ofHours(72)),
                new EnrollmentProperties.Idempotency(Duration.ofHours(24), Duration.ofSeconds(30)),
                new EnrollmentProperties.PartnerFeeds(true, "enrollment-service-partner-feeds", -1, 3, Duration.ofSeconds(30)),
                new EnrollmentProperties.DemoData(false));
    }
}
