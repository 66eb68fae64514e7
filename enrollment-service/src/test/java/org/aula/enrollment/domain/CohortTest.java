package org.aula.enrollment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.aula.enrollment.domain.CohortFixture.NOW;
import static org.aula.enrollment.domain.CohortFixture.POLICE;
import static org.aula.enrollment.domain.CohortFixture.someone;

import java.time.LocalDate;
import java.util.Map;

import org.aula.kernel.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CohortTest {

    @Test
    void aScheduledCohortIsPlannedWithEverySeatFreeAndNobodyWaiting() {
        Cohort cohort = CohortFixture.scheduled(25);

        assertThat(cohort.status()).isEqualTo(CohortStatus.PLANNED);
        assertThat(cohort.seats()).isEqualTo(new Seats(25, 0));
        assertThat(cohort.waitlistLength()).isZero();
        assertThat(cohort.fillNumber()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 501})
    void refusesACapacityOutsideOneToFiveHundred(int capacity) {
        assertThatIllegalArgumentException().isThrownBy(() -> CohortFixture.scheduled(capacity))
                .withMessageContaining("capacity");
    }

    @Test
    void acceptsTheBoundsOfCapacity() {
        assertThat(CohortFixture.scheduled(1).seats().capacity()).isEqualTo(1);
        assertThat(CohortFixture.scheduled(500).seats().capacity()).isEqualTo(500);
    }

    @Test
    void refusesToEndBeforeItStarts() {
        assertThatIllegalArgumentException().isThrownBy(() -> Cohort.schedule(CohortId.random(),
                new CohortCode("BMM-2019-05"), CohortFixture.bmm(), LocalDate.of(2019, 5, 18), LocalDate.of(2019, 5, 13),
                "Belmopan", 25, "Graciela Incer", SeatQuotas.none())).withMessageContaining("before it starts");
    }

    @Test
    void mayEndTheDayItStarts() {
        Cohort oneDay = Cohort.schedule(CohortId.random(), new CohortCode("BMM-1D"), CohortFixture.bmm(),
                LocalDate.of(2019, 6, 3), LocalDate.of(2019, 6, 3), "Belize City", 25, "Graciela Incer", SeatQuotas.none());

        assertThat(oneDay.endDate()).isEqualTo(oneDay.startDate());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "B", "bmm-2019-05", "BMM 2019", "BMM_2019", "THIS-CODE-IS-FAR-TOO-LONG-FOR-ANY-COHORT-X"})
    void refusesACodeThatIsNotUpperCaseLettersDigitsAndDashes(String code) {
        assertThatIllegalArgumentException().isThrownBy(() -> new CohortCode(code));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1001})
    void refusesCourseHoursOutsideOneToAThousand(int hours) {
        assertThatIllegalArgumentException().isThrownBy(() -> new Course("BMM", "Best Practices", hours));
    }

    @Test
    void refusesBlankLocationAndFacilitator() {
        assertThatIllegalArgumentException().isThrownBy(() -> Cohort.schedule(CohortId.random(),
                new CohortCode("BMM-2019-06"), CohortFixture.bmm(), LocalDate.of(2019, 6, 3), LocalDate.of(2019, 6, 8),
                " ", 25, "Graciela Incer", SeatQuotas.none())).withMessageContaining("location");
        assertThatIllegalArgumentException().isThrownBy(() -> Cohort.schedule(CohortId.random(),
                new CohortCode("BMM-2019-06"), CohortFixture.bmm(), LocalDate.of(2019, 6, 3), LocalDate.of(2019, 6, 8),
                "Belmopan", 25, "", SeatQuotas.none())).withMessageContaining("facilitator");
    }

    @Test
    void seatsAParticipantInTheClaimedSeat() {
        Cohort cohort = CohortFixture.withSeats(25, 1, 0);

        Enrolment enrolment = cohort.seat(EnrolmentId.random(), someone(), POLICE, 1, NOW);

        assertThat(enrolment.status()).isEqualTo(EnrolmentStatus.ENROLLED);
        assertThat(enrolment.seatNumber()).isEqualTo(1);
        assertThat(enrolment.waitlistPosition()).isNull();
        assertThat(enrolment.cohortId()).isEqualTo(cohort.id());
    }

    @Test
    void refusesToSeatWhenNoSeatWasClaimed() {
        Cohort cohort = CohortFixture.open(25);

        assertThatIllegalStateException().isThrownBy(() -> cohort.seat(EnrolmentId.random(), someone(), POLICE, 1, NOW));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 26})
    void refusesASeatTheCohortDoesNotHave(int seat) {
        Cohort cohort = CohortFixture.withSeats(25, 3, 0);

        assertThatIllegalArgumentException().isThrownBy(() -> cohort.seat(EnrolmentId.random(), someone(), POLICE, seat, NOW));
    }

    @Test
    void claimingASeatBelowTheLastKeepsTheCohortOpen() {
        Cohort.SeatClaim claim = CohortFixture.withSeats(25, 23, 0).claimSeat();

        assertThat(claim.cohort().seats().taken()).isEqualTo(24);
        assertThat(claim.cohort().status()).isEqualTo(CohortStatus.OPEN);
        assertThat(claim.cohort().fillNumber()).isZero();
        assertThat(claim.filled()).isEmpty();
    }

    @Test
    void claimingTheLastSeatFillsTheCohortOnceAndCountsTheFill() {
        Cohort.SeatClaim claim = CohortFixture.withSeats(25, 24, 0).claimSeat();

        assertThat(claim.cohort().status()).isEqualTo(CohortStatus.FULL);
        assertThat(claim.cohort().fillNumber()).isEqualTo(1);
        assertThat(claim.filled()).hasValueSatisfying(transition -> {
            assertThat(transition.from()).isEqualTo(CohortStatus.OPEN);
            assertThat(transition.to()).isEqualTo(CohortStatus.FULL);
            assertThat(transition.reason()).isEqualTo("last of 25 seats taken");
        });
        assertThatIllegalStateException().isThrownBy(() -> claim.cohort().claimSeat());
    }

    @Test
    void aRefillAfterAWithdrawalIsTheNextFill() {
        Cohort refilled = CohortFixture.withSeats(25, 25, 0).releaseSeat().cohort().claimSeat().cohort();

        assertThat(refilled.fillNumber()).isEqualTo(2);
    }

    @Test
    void noSeatIsClaimedInACohortThatTakesNoNominations() {
        for (CohortStatus status : new CohortStatus[] {CohortStatus.PLANNED, CohortStatus.FULL, CohortStatus.IN_DELIVERY,
                CohortStatus.COMPLETED, CohortStatus.CANCELLED}) {
            assertThatIllegalStateException().as(status.name()).isThrownBy(() -> CohortFixture.inStatus(status).claimSeat());
        }
    }

    @Test
    void nobodyJoinsTheWaitlistOfACohortThatTakesNoNominations() {
        for (CohortStatus status : new CohortStatus[] {CohortStatus.PLANNED, CohortStatus.IN_DELIVERY,
                CohortStatus.COMPLETED, CohortStatus.CANCELLED}) {
            assertThatIllegalStateException().as(status.name())
                    .isThrownBy(() -> CohortFixture.inStatus(status).waitlist(EnrolmentId.random(), someone(), POLICE, NOW));
        }
    }

    @Test
    void theStatusMustAgreeWithTheSeats() {
        Cohort cohort = CohortFixture.scheduled(25);
        assertThatIllegalArgumentException().isThrownBy(() -> Cohort.restore(cohort.id(), cohort.code(), cohort.course(),
                cohort.startDate(), cohort.endDate(), cohort.location(), cohort.facilitator(), new Seats(25, 25), 1, 0,
                CohortStatus.OPEN, SeatQuotas.none())).withMessageContaining("OPEN");
        assertThatIllegalArgumentException().isThrownBy(() -> Cohort.restore(cohort.id(), cohort.code(), cohort.course(),
                cohort.startDate(), cohort.endDate(), cohort.location(), cohort.facilitator(), new Seats(25, 24), 1, 0,
                CohortStatus.FULL, SeatQuotas.none())).withMessageContaining("FULL");
        assertThatIllegalArgumentException().isThrownBy(() -> Cohort.restore(cohort.id(), cohort.code(), cohort.course(),
                cohort.startDate(), cohort.endDate(), cohort.location(), cohort.facilitator(), new Seats(25, 3), 0, 0,
                CohortStatus.PLANNED, SeatQuotas.none())).withMessageContaining("PLANNED");
    }

    @Test
    void aQuotaLimitsAnInstitutionsPlacesAndOthersAreUnlimited() {
        Cohort cohort = CohortFixture.withSeats(25, 0, 0, CohortFixture.quota(POLICE, 3));

        assertThat(cohort.admits(POLICE, 2, 1)).isTrue();
        assertThat(cohort.admits(POLICE, 3, 1)).isFalse();
        assertThat(cohort.admits(POLICE, 1, 3)).isFalse();
        assertThat(cohort.admits(CohortFixture.MFA, 25, 10)).isTrue();
    }

    @Test
    void aQuotaCannotExceedTheSeatsAndCanBeRemoved() {
        Cohort cohort = CohortFixture.open(25);

        assertThatThrownBy(() -> cohort.withQuota(POLICE, 26))
                .isInstanceOfSatisfying(CohortRefused.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(CohortRefused.Reason.QUOTA_ABOVE_CAPACITY);
                    assertThat(refused.faults()).containsExactly(
                            new Refusal.Fault("seatQuotas.POLICE", "cannot exceed the cohort's 25 seats"));
                });
        assertThat(cohort.withQuota(POLICE, 25).quotas().placesFor(POLICE)).contains(25);
        Cohort limited = cohort.withQuota(POLICE, 5);
        assertThat(limited.quotas().placesFor(POLICE)).contains(5);
        assertThat(limited.withQuota(POLICE, null).quotas().placesFor(POLICE)).isEmpty();
    }

    @Test
    void schedulingRefusesAQuotaAboveTheSeats() {
        SeatQuotas tooMany = new SeatQuotas(Map.of(POLICE, 26));

        assertThatThrownBy(() -> Cohort.schedule(CohortId.random(), new CohortCode("BMM-2019-05"),
                CohortFixture.bmm(), LocalDate.of(2019, 5, 13),
                LocalDate.of(2019, 5, 18), "Belmopan", 25, "Graciela Incer", tooMany))
                .isInstanceOfSatisfying(CohortRefused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(CohortRefused.Reason.QUOTA_ABOVE_CAPACITY));
    }

    @Test
    void waitlistsAtTheEndOfTheLineWhenFull() {
        Cohort cohort = CohortFixture.withSeats(25, 25, 3);

        Cohort.Waitlisting waitlisting = cohort.waitlist(EnrolmentId.random(), someone(), POLICE, NOW);

        Enrolment enrolment = waitlisting.enrolment();
        assertThat(enrolment.status()).isEqualTo(EnrolmentStatus.WAITLISTED);
        assertThat(enrolment.waitlistPosition()).isEqualTo(4);
        assertThat(enrolment.seatNumber()).isNull();
        assertThat(waitlisting.cohort().waitlistLength()).isEqualTo(4);
        assertThat(waitlisting.cohort().status()).isEqualTo(CohortStatus.FULL);
    }

    @Test
    void refusesToWaitlistWhileASeatIsFree() {
        Cohort cohort = CohortFixture.withSeats(25, 24, 0);

        assertThatIllegalStateException().isThrownBy(() -> cohort.waitlist(EnrolmentId.random(), someone(), POLICE, NOW))
                .withMessageContaining("free seat");
    }

    @Test
    void cannotHaveAWaitlistWhileASeatIsFree() {
        assertThatIllegalArgumentException().isThrownBy(() -> CohortFixture.withSeats(25, 24, 1));
    }

    @Test
    void promotesTheHeadOfTheWaitlistIntoTheFreedSeat() {
        Cohort cohort = CohortFixture.withSeats(2, 2, 1);
        Enrolment head = new Enrolment(EnrolmentId.random(), cohort.id(), someone(), POLICE,
                EnrolmentStatus.WAITLISTED, null, 1, NOW);

        Enrolment promoted = cohort.promote(head, 2, NOW);

        assertThat(promoted.id()).isEqualTo(head.id());
        assertThat(promoted.status()).isEqualTo(EnrolmentStatus.ENROLLED);
        assertThat(promoted.seatNumber()).isEqualTo(2);
        assertThat(promoted.waitlistPosition()).isNull();
    }

    @Test
    void refusesToPromoteAnyoneButTheHeadOfItsOwnWaitlist() {
        Cohort cohort = CohortFixture.withSeats(2, 2, 2);
        Enrolment second = new Enrolment(EnrolmentId.random(), cohort.id(), someone(), POLICE,
                EnrolmentStatus.WAITLISTED, null, 2, NOW);
        Enrolment elsewhere = new Enrolment(EnrolmentId.random(), CohortId.random(), someone(), POLICE,
                EnrolmentStatus.WAITLISTED, null, 1, NOW);
        Enrolment seated = new Enrolment(EnrolmentId.random(), cohort.id(), someone(), POLICE,
                EnrolmentStatus.ENROLLED, 1, null, NOW);

        assertThatIllegalStateException().isThrownBy(() -> cohort.promote(second, 1, NOW));
        assertThatIllegalArgumentException().isThrownBy(() -> cohort.promote(elsewhere, 1, NOW));
        assertThatIllegalStateException().isThrownBy(() -> cohort.promote(seated, 1, NOW));
    }

    @Test
    void releasingASeatNobodyWaitsForOpensAFullCohortAgain() {
        Cohort full = CohortFixture.withSeats(25, 25, 0);

        Cohort.SeatRelease release = full.releaseSeat();

        Cohort released = release.cohort();
        assertThat(released.status()).isEqualTo(CohortStatus.OPEN);
        assertThat(released.seats().taken()).isEqualTo(24);
        assertThat(released.fillNumber()).isEqualTo(full.fillNumber());
        assertThat(release.reopened()).hasValueSatisfying(transition -> {
            assertThat(transition.from()).isEqualTo(CohortStatus.FULL);
            assertThat(transition.to()).isEqualTo(CohortStatus.OPEN);
        });
    }

    @Test
    void releasingASeatOfAnOpenCohortIsNoTransition() {
        Cohort.SeatRelease release = CohortFixture.withSeats(25, 10, 0).releaseSeat();

        assertThat(release.cohort().seats().taken()).isEqualTo(9);
        assertThat(release.reopened()).isEmpty();
    }

    @Test
    void refusesToReleaseASeatSomeoneIsWaitingFor() {
        Cohort cohort = CohortFixture.withSeats(25, 25, 1);

        assertThatIllegalStateException().isThrownBy(cohort::releaseSeat).withMessageContaining("waitlist");
    }

    @Test
    void refusesToReleaseASeatWhenNoneIsTaken() {
        assertThatIllegalStateException().isThrownBy(() -> CohortFixture.open(25).releaseSeat());
    }

    @Test
    void aSubstituteTakesTheLeaversSeatAndNothingElseMoves() {
        Cohort full = CohortFixture.withSeats(25, 25, 2);
        Enrolment leaving = new Enrolment(EnrolmentId.random(), full.id(), someone(), POLICE, EnrolmentStatus.ENROLLED, 7,
                null, NOW);
        ParticipantId substitute = someone();

        Cohort.Substitution substitution = full.substitute(leaving, EnrolmentId.random(), substitute, "substituted", NOW);

        assertThat(substitution.withdrawal().enrolment().status()).isEqualTo(EnrolmentStatus.WITHDRAWN);
        assertThat(substitution.withdrawal().freedSeat()).isEqualTo(7);
        assertThat(substitution.replacement().status()).isEqualTo(EnrolmentStatus.ENROLLED);
        assertThat(substitution.replacement().seatNumber()).isEqualTo(7);
        assertThat(substitution.replacement().participantId()).isEqualTo(substitute);
        assertThat(substitution.replacement().institution()).isEqualTo(POLICE);
    }

    @Test
    void aSubstituteOfAWaitingOfficialTakesTheirPlaceInLine() {
        Cohort full = CohortFixture.withSeats(25, 25, 2);
        Enrolment leaving = new Enrolment(EnrolmentId.random(), full.id(), someone(), POLICE, EnrolmentStatus.WAITLISTED,
                null, 2, NOW);

        Enrolment replacement = full.substitute(leaving, EnrolmentId.random(), someone(), "substituted", NOW).replacement();

        assertThat(replacement.status()).isEqualTo(EnrolmentStatus.WAITLISTED);
        assertThat(replacement.waitlistPosition()).isEqualTo(2);
    }

    @Test
    void refusesASubstitutionOutsideNominationsOfAnotherCohortOrOfTheLeaverThemselves() {
        Cohort full = CohortFixture.withSeats(25, 25, 0);
        ParticipantId leaver = someone();
        Enrolment leaving = new Enrolment(EnrolmentId.random(), full.id(), leaver, POLICE, EnrolmentStatus.ENROLLED, 1,
                null, NOW);
        Cohort inDelivery = CohortFixture.inStatus(CohortStatus.IN_DELIVERY);
        Enrolment delivered = new Enrolment(EnrolmentId.random(), inDelivery.id(), leaver, POLICE, EnrolmentStatus.ENROLLED,
                1, null, NOW);

        assertThatIllegalStateException().isThrownBy(() -> inDelivery.substitute(delivered, EnrolmentId.random(), someone(),
                "substituted", NOW));
        assertThatIllegalArgumentException().isThrownBy(() -> CohortFixture.withSeats(25, 25, 0).substitute(leaving,
                EnrolmentId.random(), someone(), "substituted", NOW));
        assertThatIllegalArgumentException().isThrownBy(() -> full.substitute(leaving, EnrolmentId.random(), leaver,
                "substituted", NOW));
        Enrolment withdrawn = leaving.withdraw("left", NOW).enrolment();
        assertThatIllegalStateException().isThrownBy(() -> full.substitute(withdrawn, EnrolmentId.random(), someone(),
                "substituted", NOW));
    }
}
