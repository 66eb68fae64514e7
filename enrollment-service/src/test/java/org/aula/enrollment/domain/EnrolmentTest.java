package org.aula.enrollment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.aula.enrollment.domain.CohortFixture.NOW;
import static org.aula.enrollment.domain.CohortFixture.POLICE;
import static org.aula.enrollment.domain.CohortFixture.someone;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class EnrolmentTest {

    private static final Instant LATER = NOW.plusSeconds(3600);

    @Test
    void withdrawingASeatedParticipantFreesTheSeat() {
        Enrolment seated = CohortFixture.withSeats(25, 7, 0).seat(EnrolmentId.random(), someone(), POLICE, 7, NOW);

        Enrolment.Withdrawal withdrawal = seated.withdraw("withdrawn by staff", LATER);

        assertThat(withdrawal.freedSeat()).isEqualTo(7);
        assertThat(withdrawal.leftWaitlistAt()).isNull();
        assertThat(withdrawal.reason()).isEqualTo("withdrawn by staff");
        assertThat(withdrawal.enrolment().status()).isEqualTo(EnrolmentStatus.WITHDRAWN);
        assertThat(withdrawal.enrolment().seatNumber()).isNull();
        assertThat(withdrawal.enrolment().changedAt()).isEqualTo(LATER);
    }

    @Test
    void withdrawingAWaitingParticipantGivesUpTheirPlaceInLine() {
        Enrolment waiting = CohortFixture.withSeats(25, 25, 2).waitlist(EnrolmentId.random(), someone(), POLICE, NOW)
                .enrolment();

        Enrolment.Withdrawal withdrawal = waiting.withdraw("withdrawn by staff", LATER);

        assertThat(withdrawal.freedSeat()).isNull();
        assertThat(withdrawal.leftWaitlistAt()).isEqualTo(3);
        assertThat(withdrawal.enrolment().waitlistPosition()).isNull();
    }

    @Test
    void refusesToWithdrawTwice() {
        Enrolment withdrawn = CohortFixture.withSeats(25, 1, 0).seat(EnrolmentId.random(), someone(), POLICE, 1, NOW)
                .withdraw("withdrawn by staff", LATER).enrolment();

        assertThat(withdrawn.isWithdrawn()).isTrue();
        assertThatIllegalStateException().isThrownBy(() -> withdrawn.withdraw("again", LATER));
    }

    @Test
    void refusesAWithdrawalWithoutReason() {
        Enrolment seated = CohortFixture.withSeats(25, 1, 0).seat(EnrolmentId.random(), someone(), POLICE, 1, NOW);

        assertThatIllegalArgumentException().isThrownBy(() -> seated.withdraw(" ", LATER));
    }

    @Test
    void holdsASeatExactlyWhenEnrolledAndAPlaceInLineExactlyWhenWaiting() {
        CohortId cohort = CohortId.random();

        assertThatIllegalArgumentException().isThrownBy(() -> new Enrolment(EnrolmentId.random(), cohort, someone(),
                POLICE, EnrolmentStatus.ENROLLED, null, null, NOW));
        assertThatIllegalArgumentException().isThrownBy(() -> new Enrolment(EnrolmentId.random(), cohort, someone(),
                POLICE, EnrolmentStatus.WAITLISTED, 3, 1, NOW));
        assertThatIllegalArgumentException().isThrownBy(() -> new Enrolment(EnrolmentId.random(), cohort, someone(),
                POLICE, EnrolmentStatus.WITHDRAWN, null, 1, NOW));
        assertThatIllegalArgumentException().isThrownBy(() -> new Enrolment(EnrolmentId.random(), cohort, someone(),
                POLICE, EnrolmentStatus.ENROLLED, 0, null, NOW));
    }
}
