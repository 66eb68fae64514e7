package org.aula.enrollment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.aula.enrollment.domain.CohortFixture.MFA;
import static org.aula.enrollment.domain.CohortFixture.NOW;
import static org.aula.enrollment.domain.CohortFixture.POLICE;
import static org.aula.enrollment.domain.CohortFixture.someone;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The offer policy: waitlist order, up to the seats that can be offered, within quotas, with an expiry. */
class WaitlistOffersTest {

    private static final Duration VALIDITY = Duration.ofHours(72);
    private static final InstitutionCode MHD = new InstitutionCode("MHD");

    private final WaitlistOffers policy = new WaitlistOffers(VALIDITY);
    private final Cohort may = CohortFixture.withSeats(25, 25, 5);

    @Test
    void offersSeatsInWaitlistOrderUpToTheFreeSeats() {
        Cohort june = CohortFixture.withSeats(25, 22, 0);
        List<Enrolment> waiting = waiting(POLICE, MFA, MHD, POLICE, MFA);

        List<SeatOffer> offers = policy.offers(waiting, new WaitlistOffers.Target(june, 0, Map.of()), NOW, SeatOfferId::random);

        assertThat(offers).extracting(SeatOffer::fromEnrolmentId)
                .containsExactly(waiting.get(0).id(), waiting.get(1).id(), waiting.get(2).id());
        assertThat(offers).allSatisfy(offer -> {
            assertThat(offer.cohortId()).isEqualTo(june.id());
            assertThat(offer.fromCohortId()).isEqualTo(may.id());
            assertThat(offer.status()).isEqualTo(OfferStatus.PENDING);
            assertThat(offer.offeredAt()).isEqualTo(NOW);
            assertThat(offer.expiresAt()).isEqualTo(NOW.plus(VALIDITY));
        });
        assertThat(offers.get(1).participantId()).isEqualTo(waiting.get(1).participantId());
        assertThat(offers.get(1).institution()).isEqualTo(MFA);
    }

    @Test
    void pendingOffersCountAgainstTheFreeSeats() {
        Cohort june = CohortFixture.withSeats(25, 20, 0);

        List<SeatOffer> offers = policy.offers(waiting(POLICE, MFA, MHD), new WaitlistOffers.Target(june, 4, Map.of()),
                NOW, SeatOfferId::random);

        assertThat(offers).hasSize(1);
    }

    @Test
    void passesOverAnInstitutionAtItsQuotaAndOffersTheNextInLine() {
        // POLICE may hold 3 places in June; it holds 2 (seats, waitlist places and pending offers together).
        Cohort june = CohortFixture.withSeats(25, 10, 0, CohortFixture.quota(POLICE, 3));
        List<Enrolment> waiting = waiting(POLICE, POLICE, MFA, POLICE, MHD);

        List<SeatOffer> offers = policy.offers(waiting, new WaitlistOffers.Target(june, 0, Map.of(POLICE, 2)), NOW,
                SeatOfferId::random);

        assertThat(offers).extracting(SeatOffer::fromEnrolmentId)
                .containsExactly(waiting.get(0).id(), waiting.get(2).id(), waiting.get(4).id());
    }

    @Test
    void offersNothingWithoutAFreeSeatOrOutsideAnOpenCohort() {
        List<Enrolment> waiting = waiting(POLICE, MFA);

        assertThat(policy.offers(waiting, new WaitlistOffers.Target(CohortFixture.withSeats(25, 25, 0), 0, Map.of()), NOW,
                SeatOfferId::random)).isEmpty();
        assertThat(policy.offers(waiting, new WaitlistOffers.Target(CohortFixture.withSeats(25, 23, 0), 2, Map.of()), NOW,
                SeatOfferId::random)).isEmpty();
        for (CohortStatus status : new CohortStatus[] {CohortStatus.PLANNED, CohortStatus.IN_DELIVERY, CohortStatus.CANCELLED}) {
            assertThat(policy.offers(waiting, new WaitlistOffers.Target(CohortFixture.inStatus(status), 0, Map.of()), NOW,
                    SeatOfferId::random)).as(status.name()).isEmpty();
        }
    }

    @Test
    void refusesToOfferToSomeoneWhoIsNotWaiting() {
        Enrolment seated = new Enrolment(EnrolmentId.random(), may.id(), someone(), POLICE, EnrolmentStatus.ENROLLED, 3,
                null, NOW);

        assertThatIllegalArgumentException().isThrownBy(() -> policy.offers(List.of(seated),
                new WaitlistOffers.Target(CohortFixture.open(25), 0, Map.of()), NOW, SeatOfferId::random));
    }

    @Test
    void refusesAnOfferThatNeverExpires() {
        assertThatIllegalArgumentException().isThrownBy(() -> new WaitlistOffers(Duration.ZERO));
    }

    private List<Enrolment> waiting(InstitutionCode... institutions) {
        List<Enrolment> line = new ArrayList<>();
        for (int i = 0; i < institutions.length; i++) {
            line.add(new Enrolment(EnrolmentId.random(), may.id(), someone(), institutions[i], EnrolmentStatus.WAITLISTED,
                    null, i + 1, NOW));
        }
        return line;
    }
}
