package org.aula.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.aula.testsupport.EventScenario;
import org.aula.testsupport.EventScenario.Event;
import org.aula.testsupport.ServiceApi.Response;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Webhooks for partners without Kafka, end to end on the real broker and database: a receiver that verifies every
 * signature with the Standard Webhooks reference library gets the Police's events in per-cohort order, survives an
 * outage (retries with back-off, then catches up), never sees another institution's official, and is not slowed by
 * another partner's hanging receiver. {@code -Dwebhooks.outage=PT2M} stretches the outage (with
 * {@code -Daula.enrollment.webhooks.retry.retry-for=25h}, so the test configuration's 40 s give-up does not end it).
 */
@EnrollmentIntegrationTest
class WebhooksIT extends ApiAndTopic {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    @Test
    void theReceiverGetsItsInstitutionsEventsInCohortOrderThroughAnOutageAndNothingOfAnotherInstitution() throws Exception {
        String police = Api.uniqueCatalogueCode("POLICE");
        String immigration = Api.uniqueCatalogueCode("IMMIG");
        assertThat(api.put("/institutions/" + police, "{\"name\":\"Police Department\"}").status()).isEqualTo(201);
        assertThat(api.put("/institutions/" + immigration, "{\"name\":\"Department of Immigration\"}").status()).isEqualTo(201);
        Api policePartner = Api.as(port, TestTokens.partner(police));
        Api immigrationPartner = Api.as(port, TestTokens.partner(immigration));
        Duration outage = Duration.parse(System.getProperty("webhooks.outage", "PT0S"));

        try (WebhookReceiver receiver = new WebhookReceiver(); WebhookReceiver hanging = new WebhookReceiver();
                EventScenario policeFeed = EventScenario.fromStart("partner." + police + ".enrollment")) {
            Response subscribed = policePartner.post("/partners/" + police + "/webhooks", "{\"url\":\"" + receiver.url() + "\"}");
            assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);
            String secret = subscribed.json().get("secret").asString();
            String webhook = subscribed.json().get("id").asString();
            assertThat(secret).startsWith("whsec_");
            receiver.trust(secret);
            // Another partner whose receiver accepts connections and never answers.
            hanging.mode(WebhookReceiver.Mode.HANGING);
            Response slow = immigrationPartner.post("/partners/" + immigration + "/webhooks", "{\"url\":\"" + hanging.url() + "\"}");
            assertThat(slow.status()).isEqualTo(201);
            hanging.trust(slow.json().get("secret").asString());
            // A partner manages its own institution's webhooks only; the secret is never shown again.
            assertThat(policePartner.get("/partners/" + immigration + "/webhooks").status()).isEqualTo(403);
            assertThat(policePartner.post("/partners/" + immigration + "/webhooks", "{\"url\":\"" + receiver.url() + "\"}").status()).isEqualTo(403);
            assertThat(policePartner.get("/partners/" + police + "/webhooks").json().get(0).has("secret")).isFalse();

            // Two cohorts, Police and Immigration officials interleaved: seats, waitlists, a promotion.
            String may = api.scheduleCohort("HOOKS-A", 2);
            String june = api.scheduleCohort("HOOKS-B", 2);
            List<String> policeOfficials = new ArrayList<>();
            List<String> immigrationOfficials = new ArrayList<>();
            String pascascio = nominate(may, "Constant Pascascio", police, policeOfficials);
            String sho = nominate(may, "Ines Sho", immigration, immigrationOfficials);
            nominate(may, "Elvis Coc", police, policeOfficials);
            nominate(june, "Andre Pollard", police, policeOfficials);
            String mai = nominate(june, "Jose Mai", immigration, immigrationOfficials);
            nominate(june, "Reina Tzul", immigration, immigrationOfficials);
            api.delete("/cohorts/" + may + "/enrolments/" + sho);
            awaitCaughtUp(receiver, policeFeed, police, may, june);

            // The outage: the receiver's port is closed while the story goes on.
            receiver.down();
            long downAt = System.nanoTime();
            nominate(june, "Marisol Chen", police, policeOfficials);
            api.delete("/cohorts/" + may + "/enrolments/" + pascascio);
            nominate(may, "Raul Bol", police, policeOfficials);
            api.delete("/cohorts/" + june + "/enrolments/" + mai);
            // Retries, visible to the partner in the delivery log, for as long as the outage lasts.
            await().atMost(WAIT.plus(outage)).pollInterval(Duration.ofMillis(500)).until(() -> {
                JsonNode pending = policePartner.get("/partners/" + police + "/webhooks/" + webhook + "/deliveries?status=PENDING").json();
                boolean retried = pending.size() > 0 && pending.get(pending.size() - 1).get("attempts").asInt() >= 3;
                return retried && System.nanoTime() - downAt >= outage.toNanos();
            });
            // Each failed attempt is logged as the receiver not answering: the port refused the connection, or a
            // pooled connection to the stopped server was closed without an answer; never an HTTP status.
            JsonNode during = policePartner.get("/partners/" + police + "/webhooks/" + webhook + "/deliveries?status=PENDING").json();
            assertThat(during).anySatisfy(delivery -> assertThat(delivery.get("attempts").asInt()).isGreaterThanOrEqualTo(3));
            assertThat(during).filteredOn(delivery -> delivery.get("attempts").asInt() > 0).allSatisfy(delivery -> {
                assertThat(delivery.get("lastStatusCode").isNull()).isTrue();
                assertThat(delivery.get("lastError").asString())
                        .matches("connection refused or unreachable|I/O error: NoHttpResponseException");
            });
            receiver.up();
            List<WebhookReceiver.Delivery> received = awaitCaughtUp(receiver, policeFeed, police, may, june);

            // Every delivery verified (the receiver answers 401 otherwise), structured CloudEvents, id = ce_id.
            assertThat(receiver.badSignatures()).isZero();
            assertThat(received).allSatisfy(delivery -> {
                assertThat(delivery.contentType()).startsWith("application/cloudevents+json");
                assertThat(delivery.event().get("specversion").asString()).isEqualTo("1.0");
                assertThat(delivery.event().get("id").asString()).isEqualTo(delivery.id());
                assertThat(delivery.event().get("source").asString()).isEqualTo("/aula/enrollment-service");
            });
            // Never another institution's official (the calls for nominations name no institution and no official).
            long foreign = received.stream().filter(delivery -> {
                String institution = institutionOf(delivery.data());
                return institution != null && !police.equals(institution)
                        || immigrationOfficials.stream().anyMatch(delivery.body()::contains);
            }).count();
            assertThat(foreign).isZero();
            assertThat(received.stream().filter(delivery -> policeOfficials.stream().anyMatch(delivery.body()::contains)))
                    .isNotEmpty();
            // Per-cohort order: first arrivals of each cohort in the feed's order.
            int outOfOrder = outOfOrder(received, policeFeed, may, june);
            assertThat(outOfOrder).isZero();
            // The delivery log: all delivered, some after several attempts.
            JsonNode log = policePartner.get("/partners/" + police + "/webhooks/" + webhook + "/deliveries?size=200").json();
            int retried = 0;
            int failedAttempts = 0;
            for (JsonNode line : log) {
                assertThat(line.get("status").asString()).isEqualTo("DELIVERED");
                if (line.get("attempts").asInt() > 1) {
                    retried++;
                    failedAttempts += line.get("attempts").asInt() - 1;
                }
            }
            assertThat(retried).isPositive();
            // The hanging receiver held its own deliveries only: still pending, timed out, and it never got a Police event.
            String hangingId = slow.json().get("id").asString();
            JsonNode stuck = immigrationPartner.get("/partners/" + immigration + "/webhooks/" + hangingId + "/deliveries").json();
            assertThat(stuck).isNotEmpty().allSatisfy(line -> assertThat(line.get("status").asString()).isNotEqualTo("DELIVERED"));
            assertThat(hanging.requests()).isPositive();
            int duplicates = received.size() - new HashSet<>(WebhookReceiver.ids(received)).size();
            System.out.printf("webhooks: outage %s; delivered %d (distinct %d, duplicates %d), deliveries retried %d "
                    + "(failed attempts %d), out of order %d, foreign officials %d, bad signatures %d; "
                    + "hanging receiver: %d requests, 0 answered%n", Duration.ofNanos(System.nanoTime() - downAt).toSeconds() + "s+",
                    received.size(), received.size() - duplicates, duplicates, retried, failedAttempts, outOfOrder, foreign,
                    receiver.badSignatures(), hanging.requests());

            // One delivery as it came, for a cross-check with another Standard Webhooks implementation (the README
            // shows the npm one); the secret is this test's own.
            WebhookReceiver.Delivery sample = received.get(0);
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "webhook-sample.json"), JSON.writeValueAsString(
                    Map.of("secret", secret, "headers", Map.of("webhook-id", sample.id(), "webhook-timestamp", sample.timestamp(),
                            "webhook-signature", sample.signatureHeader()), "body", sample.body())));

            // Deleting a webhook: gone, with its log.
            assertThat(immigrationPartner.delete("/partners/" + immigration + "/webhooks/" + hangingId).status()).isEqualTo(204);
            assertThat(immigrationPartner.get("/partners/" + immigration + "/webhooks/" + hangingId).status()).isEqualTo(404);
            assertThat(policePartner.delete("/partners/" + police + "/webhooks/" + webhook).status()).isEqualTo(204);
        }
    }

    private String nominate(String cohort, String name, String institution, List<String> names) {
        names.add(name);
        Response response = api.enrol(cohort, name.toLowerCase().replace(' ', '.') + "." + cohort.substring(0, 8) + "@gov.bz",
                name, institution);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("enrolmentId").asString();
    }

    /**
     * Waits until the receiver has every event the Police feed carries for the cohorts (and nothing else), after the
     * source's events for them have all reached the feed.
     */
    private List<WebhookReceiver.Delivery> awaitCaughtUp(WebhookReceiver receiver, EventScenario policeFeed, String police,
            String... cohorts) {
        Set<String> keys = Set.of(cohorts);
        Set<String> fromSource = new HashSet<>();
        for (String cohort : cohorts) {
            topic.settled(EventScenario.withKey(cohort)).stream()
                    .filter(event -> police.equals(institutionOf(event.data())))
                    .forEach(event -> fromSource.add(event.id()));
        }
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            Set<String> onFeed = policeFeed.of(event -> keys.contains(event.key())).stream().map(Event::id)
                    .collect(Collectors.toSet());
            assertThat(onFeed).containsAll(fromSource);
            assertThat(new HashSet<>(WebhookReceiver.ids(receiver.received()))).isEqualTo(onFeed);
        });
        return receiver.received();
    }

    /** Events of a cohort whose first arrival is not in the feed's order for that cohort. */
    private static int outOfOrder(List<WebhookReceiver.Delivery> received, EventScenario feed, String... cohorts) {
        int outOfOrder = 0;
        for (String cohort : cohorts) {
            List<String> expected = feed.of(cohort).stream().map(Event::id).toList();
            Map<String, Boolean> firstArrivals = new LinkedHashMap<>();
            received.stream().filter(delivery -> expected.contains(delivery.id()))
                    .forEach(delivery -> firstArrivals.putIfAbsent(delivery.id(), true));
            List<String> arrived = new ArrayList<>(new LinkedHashSet<>(firstArrivals.keySet()));
            for (int i = 0; i < arrived.size(); i++) {
                if (!arrived.get(i).equals(expected.get(i))) {
                    outOfOrder++;
                }
            }
        }
        return outOfOrder;
    }

    private static String institutionOf(JsonNode data) {
        JsonNode code = data == null ? null : data.get("institutionCode");
        return code == null ? null : code.asString();
    }
}
