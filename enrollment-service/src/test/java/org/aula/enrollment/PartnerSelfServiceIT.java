package org.aula.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.aula.enrollment.EventTypes.COUNTS;
import static org.aula.enrollment.EventTypes.ENROLLED;
import static org.aula.enrollment.EventTypes.OFFERED;
import static org.aula.enrollment.EventTypes.WITHDRAWN;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.aula.events.EventCatalog;
import org.aula.testsupport.EventScenario;
import org.aula.testsupport.EventScenario.Event;
import org.aula.testsupport.ServiceApi.Response;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Partner self-service within the quota, over REST with partner tokens, on the real broker and database: a partner
 * withdraws and substitutes its own officials (the substitute takes the leaver's seat, never another institution's
 * waitlist), and declines or accepts seat offers for them (declining passes the seat on at once to the next official
 * waiting). Each ends with the right events on the right feeds; another institution's official is 403 and bad
 * input 400, both problem+json, changing nothing.
 */
@EnrollmentIntegrationTest
class PartnerSelfServiceIT extends ApiAndTopic {

    private static final String DECLINED = EventCatalog.SEAT_DECLINED.type();

    String police;
    String mfa;
    Api policePartner;
    Api mfaPartner;

    @BeforeEach
    void institutions() {
        police = Api.uniqueCatalogueCode("POLICE");
        mfa = Api.uniqueCatalogueCode("MFA");
        api.put("/institutions/" + police, "{\"name\":\"Police Department\"}");
        api.put("/institutions/" + mfa, "{\"name\":\"Ministry of Foreign Affairs\"}");
        policePartner = Api.as(port, TestTokens.partner(police));
        mfaPartner = Api.as(port, TestTokens.partner(mfa));
    }

    @Test
    void aSubstituteTakesTheLeaversSeatWhichNeverGoesToAnotherInstitutionsWaitlist() {
        String cohort = api.scheduleCohort("SUBST", 2);
        String pascascio = enrolmentOf(policePartner.enrol(cohort, email("constant.pascascio", police), "Constant Pascascio", police));
        String pascascioId = participantOf(cohort, pascascio);
        enrolmentOf(mfaPartner.enrol(cohort, email("lisbeth.moguel", mfa), "Lisbeth Moguel", mfa));
        String pollard = enrolmentOf(mfaPartner.enrol(cohort, email("andre.pollard", mfa), "Andre Pollard", mfa));
        assertThat(api.get("/cohorts/" + cohort + "/enrolments/" + pollard).json().get("status").asString()).isEqualTo("WAITLISTED");

        // Refused, changing nothing: another institution's official (403), the substitute of another institution
        // (403), bad input (400 naming the field), the leaver as their own substitute (400).
        Map<String, Long> before = state();
        String path = "/cohorts/" + cohort + "/enrolments/" + pascascio + "/substitution";
        assertProblem(mfaPartner.post(path, substitute("Marisol Chan", email("marisol.chan", mfa))), 403);
        assertProblem(policePartner.post(path, substitute("Lisbeth Moguel", email("lisbeth.moguel", mfa))), 403);
        Response noEmail = policePartner.post(path, "{\"name\":\"Elvis Coc\"}");
        assertProblem(noEmail, 400);
        assertThat(noEmail.body()).contains("\"field\":\"email\"");
        Response self = policePartner.post(path, substitute("Constant Pascascio", email("constant.pascascio", police)));
        assertProblem(self, 400);
        assertThat(self.body()).contains("\"field\":\"email\"");
        assertProblem(mfaPartner.delete("/cohorts/" + cohort + "/enrolments/" + pascascio), 403);
        assertThat(state()).isEqualTo(before);

        try (EventScenario policeFeed = EventScenario.fromStart("partner." + police + ".enrollment");
                EventScenario mfaFeed = EventScenario.fromStart("partner." + mfa + ".enrollment")) {
            // POLICE replaces Pascascio by Coc: seat 1 stays POLICE's; MFA's Pollard still waits, first in line.
            Response substituted = policePartner.post(path, substitute("Elvis Coc", email("elvis.coc", police)));

            assertThat(substituted.status()).as(substituted.body()).isEqualTo(201);
            assertThat(substituted.json().get("status").asString()).isEqualTo("ENROLLED");
            assertThat(substituted.json().get("seatNumber").asInt()).isEqualTo(1);
            String coc = substituted.json().get("enrolmentId").asString();
            String cocId = substituted.json().get("participantId").asString();
            assertThat(policePartner.get(substituted.headers().getLocation().getPath()).json()).isEqualTo(substituted.json());
            assertThat(api.get("/cohorts/" + cohort + "/enrolments/" + pascascio).json().get("status").asString())
                    .isEqualTo("WITHDRAWN");
            JsonNode waiting = api.get("/cohorts/" + cohort + "/enrolments/" + pollard).json();
            assertThat(waiting.get("status").asString()).isEqualTo("WAITLISTED");
            assertThat(waiting.get("waitlistPosition").asInt()).isEqualTo(1);
            JsonNode cohortView = api.get("/cohorts/" + cohort).json();
            assertThat(cohortView.get("seatsTaken").asInt()).isEqualTo(2);
            assertThat(cohortView.get("status").asString()).isEqualTo("FULL");

            // One transaction, in order on the cohort's key: the leaver withdrawn, the substitute seated, the counts.
            List<Event> source = topic.awaitEvents(cohort, events -> events.stream().anyMatch(event -> event.has("enrolmentId", coc)
                    && ENROLLED.equals(event.type())) && COUNTS.equals(events.get(events.size() - 1).type()));
            List<Event> last = source.subList(source.size() - 3, source.size());
            assertThat(last).extracting(Event::type).containsExactly(WITHDRAWN, ENROLLED, COUNTS);
            assertThat(last.get(0).data().get("enrolmentId").asString()).isEqualTo(pascascio);
            assertThat(last.get(0).data().get("reason").asString()).isEqualTo("substituted by the nominating institution");
            assertThat(last.get(0).data().get("freedSeatNumber").asInt()).isEqualTo(1);
            assertThat(last.get(1).data().get("seatNumber").asInt()).isEqualTo(1);
            assertThat(last.get(1).data().get("promotedFromWaitlist").asBoolean()).isFalse();
            assertThat(last.get(2).data().get("institutionCode").asString()).isEqualTo(police);
            assertThat(last.get(2).data().get("enrolled").asInt()).isEqualTo(1);
            assertThat(last.get(2).data().get("withdrawn").asInt()).isEqualTo(1);
            assertThat(source).noneMatch(event -> event.has("enrolmentId", pollard) && ENROLLED.equals(event.type()));

            // The feeds: POLICE gets the substitution; MFA none of POLICE's officials.
            List<Event> policeEvents = policeFeed.awaitEvents(cohort, events -> events.stream().anyMatch(event -> event.has("enrolmentId", coc)))
                    .stream().filter(event -> event.data().has("participantId")).toList();
            policeEvents = policeFeed.settled(EventScenario.withKey(cohort)).stream()
                    .filter(event -> event.data().has("participantId")).toList();
            List<Event> mfaEvents = mfaFeed.settled(EventScenario.withKey(cohort));
            assertThat(policeEvents).extracting(Event::type).containsExactly(ENROLLED, WITHDRAWN, ENROLLED);
            assertThat(policeEvents.subList(1, 3)).extracting(Event::id)
                    .containsExactly(last.get(0).id(), last.get(1).id());
            assertThat(mfaEvents).noneMatch(event -> event.has("participantId", pascascioId) || event.has("participantId", cocId));
            assertThat(mfaEvents).extracting(Event::text).noneMatch(text -> text.contains("Pascascio") || text.contains("Coc"));

            printCounts("substitution", Map.of("enrollment.events", topic.settled(EventScenario.withKey(cohort)),
                    "partner." + police + ".enrollment", policeFeed.settled(EventScenario.withKey(cohort)),
                    "partner." + mfa + ".enrollment", mfaFeed.settled(EventScenario.withKey(cohort))));

            // The partner withdraws its own official: the seat goes to the head of the waitlist, as a staff withdrawal.
            Response withdrawn = policePartner.delete("/cohorts/" + cohort + "/enrolments/" + coc);
            assertThat(withdrawn.status()).isEqualTo(200);
            assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");
            assertThat(api.get("/cohorts/" + cohort + "/enrolments/" + pollard).json().get("seatNumber").asInt()).isEqualTo(1);
            Event withdrawal = topic.awaitEvents(event -> event.has("enrolmentId", coc) && WITHDRAWN.equals(event.type()), 1).get(0);
            assertThat(withdrawal.data().get("reason").asString()).isEqualTo("withdrawn by the nominating institution");

        }
    }

    @Test
    void aSubstituteOfAWaitingOfficialTakesTheirPlaceInLine() {
        String cohort = api.scheduleCohort("SUBST-LINE", 1);
        enrolmentOf(policePartner.enrol(cohort, email("constant.pascascio", police), "Constant Pascascio", police));
        String moguel = enrolmentOf(mfaPartner.enrol(cohort, email("lisbeth.moguel", mfa), "Lisbeth Moguel", mfa));
        String pollard = enrolmentOf(mfaPartner.enrol(cohort, email("andre.pollard", mfa), "Andre Pollard", mfa));

        Response substituted = mfaPartner.post("/cohorts/" + cohort + "/enrolments/" + moguel + "/substitution",
                substitute("Marisol Chan", email("marisol.chan", mfa)));

        assertThat(substituted.status()).as(substituted.body()).isEqualTo(201);
        assertThat(substituted.json().get("status").asString()).isEqualTo("WAITLISTED");
        assertThat(substituted.json().get("waitlistPosition").asInt()).isEqualTo(1);
        assertThat(api.get("/cohorts/" + cohort + "/enrolments/" + pollard).json().get("waitlistPosition").asInt()).isEqualTo(2);
        assertThat(api.get("/cohorts/" + cohort).json().get("waitlistLength").asInt()).isEqualTo(2);
        String chan = substituted.json().get("enrolmentId").asString();
        List<Event> source = topic.awaitEvents(cohort, events -> events.stream().anyMatch(event -> event.has("enrolmentId", chan))
                && COUNTS.equals(events.get(events.size() - 1).type()));
        List<Event> last = source.subList(source.size() - 3, source.size());
        assertThat(last).extracting(Event::type).containsExactly(WITHDRAWN, EventTypes.WAITLISTED, COUNTS);
        assertThat(last.get(0).data().get("freedSeatNumber").isNull()).isTrue();
        assertThat(last.get(1).data().get("waitlistPosition").asInt()).isEqualTo(1);
    }

    @Test
    void aDeclinedOfferPassesAtOnceToTheNextOfficialWaiting() {
        String course = Api.uniqueCatalogueCode("DECL");
        String may = api.scheduleCohort("DECL-MAY", course, "2019-05-13", "2019-05-18", 1, "");
        String june = api.scheduleCohort("DECL-JUNE", course, "2019-06-10", "2019-06-15", 1, "");
        enrolmentOf(policePartner.enrol(may, email("constant.pascascio", police), "Constant Pascascio", police));
        String moguel = enrolmentOf(mfaPartner.enrol(may, email("lisbeth.moguel", mfa), "Lisbeth Moguel", mfa));
        String rosita = enrolmentOf(policePartner.enrol(may, email("rosita.sho", police), "Rosita Sho", police));
        String moguelId = participantOf(may, moguel);
        String rositaId = participantOf(may, rosita);

        // June has one seat: it is offered to Moguel (MFA), first in May's line; Rosita (POLICE) waits behind her.
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/offers?fromCohortId=" + may).json().size() == 1);
        String moguelOffer = api.get("/offers?fromCohortId=" + may).json().get(0).get("offerId").asString();
        assertThat(api.get("/offers/" + moguelOffer).json().get("participantId").asString()).isEqualTo(moguelId);

        Map<String, Long> before = state();
        assertProblem(policePartner.post("/offers/" + moguelOffer + "/decline"), 403);
        assertProblem(policePartner.post("/offers/" + moguelOffer + "/acceptance"), 403);
        assertProblem(mfaPartner.post("/offers/not-an-offer/decline"), 404);
        assertThat(state()).isEqualTo(before);

        try (EventScenario policeFeed = EventScenario.fromStart("partner." + police + ".enrollment");
                EventScenario mfaFeed = EventScenario.fromStart("partner." + mfa + ".enrollment")) {
            Response declined = mfaPartner.post("/offers/" + moguelOffer + "/decline");

            assertThat(declined.status()).as(declined.body()).isEqualTo(200);
            assertThat(declined.json().get("status").asString()).isEqualTo("DECLINED");
            assertThat(declined.json().get("declinedAt").isNull()).isFalse();
            // Passed on in the same transaction: Rosita's offer exists as soon as the decline has answered.
            JsonNode offers = api.get("/offers?fromCohortId=" + may).json();
            assertThat(offers.findValuesAsString("participantId")).containsExactlyInAnyOrder(moguelId, rositaId);
            String rositaOffer = offers.valueStream().filter(offer -> offer.get("participantId").asString().equals(rositaId))
                    .findFirst().orElseThrow().get("offerId").asString();
            assertThat(api.get("/offers/" + rositaOffer).json().get("cohortId").asString()).isEqualTo(june);
            // Moguel keeps her place in line; the decline is not undone by asking again, nor can it be accepted.
            assertThat(api.get("/cohorts/" + may + "/enrolments/" + moguel).json().get("waitlistPosition").asInt()).isEqualTo(1);
            Response again = mfaPartner.post("/offers/" + moguelOffer + "/decline");
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().get("declinedAt")).isEqualTo(declined.json().get("declinedAt"));
            assertProblem(mfaPartner.post("/offers/" + moguelOffer + "/acceptance"), 409);

            // The events on June's key, in order: offered to Moguel, declined, offered to Rosita.
            List<Event> juneEvents = topic.awaitEvents(june, events -> events.stream().filter(event -> OFFERED.equals(event.type())).count() == 2)
                    .stream().filter(event -> event.data().has("participantId")).toList();
            juneEvents = topic.settled(EventScenario.withKey(june)).stream().filter(event -> event.data().has("participantId")).toList();
            assertThat(juneEvents).extracting(Event::type).containsExactly(OFFERED, DECLINED, OFFERED);
            assertThat(juneEvents.get(0).data().get("participantId").asString()).isEqualTo(moguelId);
            assertThat(juneEvents.get(1).data().get("participantId").asString()).isEqualTo(moguelId);
            assertThat(juneEvents.get(1).data().get("institutionCode").asString()).isEqualTo(mfa);
            assertThat(juneEvents.get(1).data().get("declinedAt").asString()).isEqualTo(declined.json().get("declinedAt").asString());
            assertThat(juneEvents.get(2).data().get("participantId").asString()).isEqualTo(rositaId);

            // The feeds: MFA's official's offer and decline on MFA's feed; Rosita's offer on POLICE's; neither crosses.
            mfaFeed.awaitEvents(june, events -> events.stream().anyMatch(event -> DECLINED.equals(event.type())));
            policeFeed.awaitEvents(june, events -> events.stream().anyMatch(event -> OFFERED.equals(event.type())));
            List<Event> mfaJune = mfaFeed.settled(EventScenario.withKey(june)).stream()
                    .filter(event -> event.data().has("participantId")).toList();
            List<Event> policeJune = policeFeed.settled(EventScenario.withKey(june)).stream()
                    .filter(event -> event.data().has("participantId")).toList();
            assertThat(mfaJune).extracting(Event::type).containsExactly(OFFERED, DECLINED);
            assertThat(mfaJune).allMatch(event -> event.has("participantId", moguelId));
            assertThat(policeJune).extracting(Event::type).containsExactly(OFFERED);
            assertThat(policeJune).allMatch(event -> event.has("participantId", rositaId));
            assertThat(policeJune.get(0).id()).isEqualTo(juneEvents.get(2).id());
            assertThat(mfaJune).extracting(Event::id).containsExactly(juneEvents.get(0).id(), juneEvents.get(1).id());

            // POLICE accepts for Rosita: she is seated in June and leaves May's line.
            Response accepted = policePartner.post("/offers/" + rositaOffer + "/acceptance");
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
            assertThat(accepted.json().get("cohortId").asString()).isEqualTo(june);
            assertThat(api.get("/cohorts/" + may + "/enrolments/" + rosita).json().get("status").asString()).isEqualTo("WITHDRAWN");

            // Counted once the acceptance (enrolled, filled, full, counts) has reached the source and both feeds.
            topic.awaitEvents(june, events -> events.stream().anyMatch(event -> COUNTS.equals(event.type())));
            policeFeed.awaitEvents(june, events -> events.stream().anyMatch(event -> COUNTS.equals(event.type())));
            mfaFeed.awaitEvents(june, events -> events.stream().filter(event -> EventTypes.STATUS.equals(event.type())).count() == 2);
            printCounts("decline", Map.of("enrollment.events (June)", topic.settled(EventScenario.withKey(june)),
                    "partner." + police + ".enrollment (June)", policeFeed.settled(EventScenario.withKey(june)),
                    "partner." + mfa + ".enrollment (June)", mfaFeed.settled(EventScenario.withKey(june))));
        }
    }

    private Map<String, Long> state() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : List.of("enrolment", "participant", "seat_offer", "aula_messaging.outbox")) {
            counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        counts.put("withdrawn", jdbc.sql("select count(*) from enrolment where status = 'WITHDRAWN'").query(Long.class).single());
        counts.put("declined", jdbc.sql("select count(*) from seat_offer where status = 'DECLINED'").query(Long.class).single());
        return counts;
    }

    private static void printCounts(String story, Map<String, List<Event>> topics) {
        new TreeMap<>(topics).forEach((topic, events) -> {
            Map<String, Integer> byType = new TreeMap<>();
            events.forEach(event -> byType.merge(event.type().replaceFirst("^org\\.aula\\.[a-z]+\\.", "").replaceFirst("\\.v1$", ""), 1, Integer::sum));
            System.out.printf("PartnerSelfServiceIT %s: %s %d records %s%n", story, topic, events.size(), byType);
        });
    }

    private static void assertProblem(Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private String participantOf(String cohort, String enrolment) {
        return api.get("/cohorts/" + cohort + "/enrolments/" + enrolment).json().get("participantId").asString();
    }

    private static String enrolmentOf(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("enrolmentId").asString();
    }

    private static String email(String name, String institution) {
        return name + "@" + institution.toLowerCase() + ".gov.bz";
    }

    private static String substitute(String name, String email) {
        return "{\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"position\":\"Inspector\"}";
    }
}
