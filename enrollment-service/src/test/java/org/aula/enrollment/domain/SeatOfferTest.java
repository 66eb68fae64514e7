package org.aula.enrollment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.aula.enrollment.domain.CohortFixture.NOW;
import static org.aula.enrollment.domain.CohortFixture.POLICE;
import static org.aula.enrollment.domain.CohortFixture.someone;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SeatOfferTest {

    private static final Instant EXPIRY = NOW.plus(Duration.ofHours(72));

    private final CohortId may = CohortId.random();
    private final CohortId june = CohortId.random();
    private final Enrolment waiting = new Enrolment(EnrolmentId.random(), may, someone(), POLICE, EnrolmentStatus.WAITLISTED,
            null, 1, NOW);

    @Test
    void aPendingOfferExpiresAtItsTime() {
        SeatOffer offer = SeatOffer.make(SeatOfferId.random(), june, waiting, NOW, EXPIRY);

        assertThat(offer.statusAt(EXPIRY.minusSeconds(1))).isEqualTo(OfferStatus.PENDING);
        assertThat(offer.statusAt(EXPIRY)).isEqualTo(OfferStatus.EXPIRED);
    }

    @Test
    void acceptingRecordsTheNewEnrolmentOnce() {
        SeatOffer offer = SeatOffer.make(SeatOfferId.random(), june, waiting, NOW, EXPIRY);
        EnrolmentId seat = EnrolmentId.random();

        SeatOffer accepted = offer.accept(seat, NOW.plusSeconds(60));

        assertThat(accepted.status()).isEqualTo(OfferStatus.ACCEPTED);
        assertThat(accepted.enrolmentId()).isEqualTo(seat);
        assertThat(accepted.statusAt(EXPIRY.plusSeconds(1))).isEqualTo(OfferStatus.ACCEPTED);
        assertThatIllegalStateException().isThrownBy(() -> accepted.accept(EnrolmentId.random(), NOW.plusSeconds(90)));
    }

    @Test
    void refusesToAcceptAnExpiredOffer() {
        SeatOffer offer = SeatOffer.make(SeatOfferId.random(), june, waiting, NOW, EXPIRY);

        assertThatIllegalStateException().isThrownBy(() -> offer.accept(EnrolmentId.random(), EXPIRY))
                .withMessageContaining("EXPIRED");
    }

    @Test
    void isOfferedOnlyToSomeoneWaitingForAnotherCohort() {
        Enrolment seated = new Enrolment(EnrolmentId.random(), may, someone(), POLICE, EnrolmentStatus.ENROLLED, 1, null, NOW);

        assertThatIllegalArgumentException().isThrownBy(() -> SeatOffer.make(SeatOfferId.random(), june, seated, NOW, EXPIRY));
        assertThatIllegalArgumentException().isThrownBy(() -> SeatOffer.make(SeatOfferId.random(), may, waiting, NOW, EXPIRY));
        assertThatIllegalArgumentException().isThrownBy(() -> SeatOffer.make(SeatOfferId.random(), june, waiting, NOW, NOW));
    }

    @Test
    void decliningRecordsWhenAndCanNeitherBeAcceptedNorDeclinedAgain() {
        SeatOffer offer = SeatOffer.make(SeatOfferId.random(), june, waiting, NOW, EXPIRY);

        SeatOffer declined = offer.decline(NOW.plusSeconds(60));

        assertThat(declined.status()).isEqualTo(OfferStatus.DECLINED);
        assertThat(declined.declinedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(declined.statusAt(EXPIRY.plusSeconds(1))).isEqualTo(OfferStatus.DECLINED);
        assertThatIllegalStateException().isThrownBy(() -> declined.accept(EnrolmentId.random(), NOW.plusSeconds(90)));
        assertThatIllegalStateException().isThrownBy(() -> declined.decline(NOW.plusSeconds(90)));
    }

    @Test
    void refusesToDeclineAnAcceptedOrExpiredOffer() {
        SeatOffer offer = SeatOffer.make(SeatOfferId.random(), june, waiting, NOW, EXPIRY);

        assertThatIllegalStateException().isThrownBy(() -> offer.accept(EnrolmentId.random(), NOW).decline(NOW));
        assertThatIllegalStateException().isThrownBy(() -> offer.decline(EXPIRY)).withMessageContaining("EXPIRED");
    }
}
