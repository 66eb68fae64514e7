package org.aula.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.aula.enrollment.EventTypes.COUNTS;
import static org.awaitility.Awaitility.await;
import static org.aula.enrollment.EventTypes.ENROLLED;
import static org.aula.enrollment.EventTypes.OFFERED;
import static org.aula.enrollment.EventTypes.WITHDRAWN;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.aula.testsupport.EventScenario.Event;
import org.aula.testsupport.ServiceApi.Response;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The May cohort fills and its waitlist is offered seats in the June replica (then July's, once June has no seat
 * left to offer), in waitlist order and within June's quotas; accepting an offer seats the official in June and
 * takes them off May's waitlist in one transaction.
 */
@EnrollmentIntegrationTest
class WaitlistOfferIT extends ApiAndTopic {

    @Test
    void theWaitlistOfAFullCohortIsOfferedSeatsInTheNextOpenCohortsOfTheCourseAndAnOfferCanBeAccepted() {
        String course = Api.uniqueCatalogueCode("OFFER");
        // Course order by start date: an earlier PLANNED run (not open: skipped), June (4 seats, MFA at most 1), July.
        api.scheduleCohort("OFFER-PLANNED", course, "2019-06-01", "2019-06-05", 25, ",\"status\":\"PLANNED\"");
        String june = api.scheduleCohort("OFFER-JUNE", course, "2019-06-10", "2019-06-15", 4, ",\"seatQuotas\":{\"MFA\":1}");
        String july = api.scheduleCohort("OFFER-JULY", course, "2019-07-08", "2019-07-13", 25, "");
        String may = api.scheduleCohort("OFFER-MAY", course, "2019-05-13", "2019-05-18", 2, "");
        api.enrol(june, Api.email("offer-june", 1), "Leroy Bowen", "MHD");
        api.enrol(may, Api.email("offer-may", 1), "Constant Pascascio", "POLICE");
        api.enrol(may, Api.email("offer-may", 2), "Elvis Coc", "POLICE");

        String[][] waiting = {{"Lisbeth Moguel", "MFA"}, {"Andre Pollard", "MFA"}, {"Tanya Núñez", "MHD"},
                {"Rosita Sho", "POLICE"}, {"Carmen Bol", "POLICE"}};
        String[] enrolments = new String[waiting.length];
        for (int i = 0; i < waiting.length; i++) {
            Response answer = api.enrol(may, Api.email("offer-wait", i + 1), waiting[i][0], waiting[i][1]);
            assertThat(answer.json().get("status").asString()).isEqualTo("WAITLISTED");
            enrolments[i] = answer.json().get("enrolmentId").asString();
        }

        // June can promise 3 seats: Lisbeth (MFA's one place), Tanya, Rosita; Andre is passed over (MFA at its quota).
        // With June's seats all promised, the next round offers July: Andre and Carmen.
        await().atMost(Duration.ofSeconds(60)).until(() -> offers("fromCohortId=" + may).size() == 5);
        Map<String, JsonNode> byEnrolment = new java.util.HashMap<>();
        offers("fromCohortId=" + may).forEach(offer -> byEnrolment.put(offer.get("fromEnrolmentId").asString(), offer));
        assertThat(byEnrolment.get(enrolments[0]).get("cohortId").asString()).isEqualTo(june);
        assertThat(byEnrolment.get(enrolments[1]).get("cohortId").asString()).isEqualTo(july);
        assertThat(byEnrolment.get(enrolments[2]).get("cohortId").asString()).isEqualTo(june);
        assertThat(byEnrolment.get(enrolments[3]).get("cohortId").asString()).isEqualTo(june);
        assertThat(byEnrolment.get(enrolments[4]).get("cohortId").asString()).isEqualTo(july);
        assertThat(byEnrolment.values()).allSatisfy(offer -> {
            assertThat(offer.get("status").asString()).isEqualTo("PENDING");
            assertThat(Duration.between(Instant.parse(offer.get("offeredAt").asString()),
                    Instant.parse(offer.get("expiresAt").asString()))).isEqualTo(Duration.ofHours(72));
        });

        List<Event> juneOffers = topic.awaitEvents(june, received -> received.stream()
                .filter(event -> OFFERED.equals(event.type())).count() == 3).stream()
                .filter(event -> OFFERED.equals(event.type())).toList();
        assertThat(juneOffers).extracting(event -> event.data().get("participantName").asString())
                .containsExactly("Lisbeth Moguel", "Tanya Núñez", "Rosita Sho");
        JsonNode first = juneOffers.get(0).data();
        assertThat(first.get("fromCohortId").asString()).isEqualTo(may);
        assertThat(first.get("courseCode").asString()).isEqualTo(course);
        assertThat(first.get("institutionCode").asString()).isEqualTo("MFA");
        assertThat(first.get("offerId").asString()).isEqualTo(byEnrolment.get(enrolments[0]).get("offerId").asString());

        // Tanya accepts: a seat in June, and May's waitlist closes up behind her, in one transaction.
        String tanyaOffer = byEnrolment.get(enrolments[2]).get("offerId").asString();
        Response accepted = api.post("/offers/" + tanyaOffer + "/acceptance");

        assertThat(accepted.status()).isEqualTo(201);
        assertThat(accepted.json().get("cohortId").asString()).isEqualTo(june);
        assertThat(accepted.json().get("status").asString()).isEqualTo("ENROLLED");
        assertThat(accepted.json().get("seatNumber").asInt()).isEqualTo(2);
        assertThat(api.get(accepted.headers().getLocation().getPath()).json()).isEqualTo(accepted.json());
        assertThat(api.get("/cohorts/" + may + "/enrolments/" + enrolments[2]).json().get("status").asString())
                .isEqualTo("WITHDRAWN");
        assertThat(api.get("/cohorts/" + may + "/waitlist").json().valueStream()
                .map(line -> line.get("name").asString() + " " + line.get("waitlistPosition").asInt()))
                .containsExactly("Lisbeth Moguel 1", "Andre Pollard 2", "Rosita Sho 3", "Carmen Bol 4");
        assertThat(api.get("/offers/" + tanyaOffer).json().get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(api.get("/offers/" + tanyaOffer).json().get("enrolmentId").asString())
                .isEqualTo(accepted.json().get("enrolmentId").asString());
        Response again = api.post("/offers/" + tanyaOffer + "/acceptance");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(accepted.json());

        // The acceptance's enrolment and the counts after it (two records: one may arrive before the other).
        String acceptedEnrolment = accepted.json().get("enrolmentId").asString();
        List<Event> juneEvents = topic.awaitEvents(june, received -> {
            int at = indexOf(received, acceptedEnrolment);
            return at >= 0 && received.size() > at + 1;
        });
        int at = indexOf(juneEvents, acceptedEnrolment);
        assertThat(juneEvents.subList(at, at + 2)).extracting(Event::type).containsExactly(ENROLLED, COUNTS);
        List<Event> mayEvents = topic.awaitEvents(may, received -> received.stream().anyMatch(event -> event.has("enrolmentId", enrolments[2])
                && WITHDRAWN.equals(event.type())));
        Event withdrawal = mayEvents.stream().filter(event -> WITHDRAWN.equals(event.type())).findFirst().orElseThrow();
        assertThat(withdrawal.data().get("reason").asString()).startsWith("accepted a seat in cohort OFFER-JUNE");
        assertThat(withdrawal.data().get("freedSeatNumber").isNull()).isTrue();
    }

    @Test
    void anExpiredOfferOrAnOfferWithoutAFreeSeatIsRefusedAndChangesNothing() {
        String course = Api.uniqueCatalogueCode("OFFER");
        String june = api.scheduleCohort("OFFER-JUNE", course, "2019-06-10", "2019-06-15", 2, "");
        String may = api.scheduleCohort("OFFER-MAY", course, "2019-05-13", "2019-05-18", 1, "");
        api.enrol(may, "offer-refused", 1);
        api.enrol(may, "offer-refused", 2);
        api.enrol(may, "offer-refused", 3);
        await().atMost(Duration.ofSeconds(60)).until(() -> offers("cohortId=" + june).size() == 2);
        List<JsonNode> offers = offers("cohortId=" + june);
        String expiring = offers.get(0).get("offerId").asString();
        String unseated = offers.get(1).get("offerId").asString();

        jdbc.sql("update seat_offer set offered_at = now() - interval '73 hours', expires_at = now() - interval '1 hour' where id = :id")
                .param("id", UUID.fromString(expiring)).update();
        api.enrol(june, "offer-fills-june", 1);
        api.enrol(june, "offer-fills-june", 2);
        Map<String, Integer> before = InvalidRequestIT.rowCounts(jdbc);

        Response expired = api.post("/offers/" + expiring + "/acceptance");
        Response noSeat = api.post("/offers/" + unseated + "/acceptance");
        Response unknown = api.post("/offers/" + UUID.randomUUID() + "/acceptance");

        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.contentType()).startsWith("application/problem+json");
        assertThat(expired.json().get("title").asString()).isEqualTo("Offer expired");
        assertThat(api.get("/offers/" + expiring).json().get("status").asString()).isEqualTo("EXPIRED");
        assertThat(noSeat.status()).isEqualTo(409);
        assertThat(noSeat.json().get("title").asString()).isEqualTo("No seat left");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(InvalidRequestIT.rowCounts(jdbc)).isEqualTo(before);
        assertThat(api.get("/cohorts/" + may).json().get("waitlistLength").asInt()).isEqualTo(2);
    }

    private List<JsonNode> offers(String query) {
        return api.get("/offers?" + query).json().valueStream().toList();
    }

    private static int indexOf(List<Event> events, String enrolmentId) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).has("enrolmentId", enrolmentId)) {
                return i;
            }
        }
        return -1;
    }
}
