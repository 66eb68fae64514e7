package org.aula.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.aula.testsupport.ServiceApi.Response;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * A webhook's life: types, pause and resume, secret rotation with both signatures during the overlap, replay from an
 * event or a time, suspension after the whole retry period (40 s in the tests) with its gauge, redrive; and the
 * requests refused (SSRF guard, another institution's, unknown ids).
 */
@EnrollmentIntegrationTest
class WebhookLifecycleIT extends ApiAndTopic {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String ENROLLED = "org.aula.enrollment.participant.enrolled.v1";

    @Test
    void pausedQueuesResumedCatchesUpRotationSignsWithBothAndReplayResends() throws Exception {
        String mfa = Api.uniqueCatalogueCode("MFA");
        assertThat(api.put("/institutions/" + mfa, "{\"name\":\"Ministry of Foreign Affairs\"}").status()).isEqualTo(201);
        Api partner = Api.as(port, TestTokens.partner(mfa));
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Response created = partner.post("/partners/" + mfa + "/webhooks",
                    "{\"url\":\"" + receiver.url() + "\",\"types\":[\"" + ENROLLED + "\"]}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String hooks = "/partners/" + mfa + "/webhooks/" + created.json().get("id").asString();
            String first = created.json().get("secret").asString();
            receiver.trust(first);
            assertThat(created.json().get("types")).hasSize(1);

            // Paused: events queue up in the log, nothing is sent; resumed: they go.
            assertThat(partner.post(hooks + "/pause").json().get("status").asString()).isEqualTo("PAUSED");
            String cohort = api.scheduleCohort("HOOKS-P", 1);
            nominate(cohort, "Lisbeth Moguel", mfa);
            nominate(cohort, "Alan Usher", mfa);
            await().atMost(WAIT).until(() -> partner.get(hooks + "/deliveries?status=PENDING").json().size() == 1);
            assertThat(receiver.received()).isEmpty();
            assertThat(partner.post(hooks + "/resume").json().get("status").asString()).isEqualTo("ACTIVE");
            await().atMost(WAIT).until(() -> receiver.received().size() == 1);
            // Only the type asked for: the waitlisting and the counts were not queued.
            assertThat(receiver.received()).extracting(WebhookReceiver.Delivery::type).containsOnly(ENROLLED);
            assertThat(partner.get(hooks + "/deliveries").json()).hasSize(1);

            // Rotation: the new secret is shown once; during the overlap each delivery carries both signatures.
            Response rotated = partner.post(hooks + "/secret", "{\"overlap\":\"PT1H\"}");
            assertThat(rotated.status()).isEqualTo(200);
            String second = rotated.json().get("secret").asString();
            assertThat(second).startsWith("whsec_").isNotEqualTo(first);
            assertThat(rotated.json().get("previousSecretValidUntil").isNull()).isFalse();
            receiver.trust(second);
            String other = api.scheduleCohort("HOOKS-R", 1);
            nominate(other, "Kaya Aban", mfa);
            await().atMost(WAIT).until(() -> receiver.received().size() == 2);
            WebhookReceiver.Delivery signedTwice = receiver.received().get(1);
            assertThat(signedTwice.signatureHeader().split(" ")).hasSize(2).allSatisfy(part -> assertThat(part).startsWith("v1,"));
            assertThat(WebhookReceiver.verifiesWith(signedTwice, first)).isTrue();
            assertThat(WebhookReceiver.verifiesWith(signedTwice, second)).isTrue();
            // Without an overlap the old secret stops signing at once.
            String third = partner.post(hooks + "/secret", "{\"overlap\":\"PT0S\"}").json().get("secret").asString();
            receiver.trust(third);

            // Replay from the first event: both enrolments again (two cohorts: no order between them), flagged in the log.
            String firstEvent = receiver.received().get(0).id();
            Response replayed = partner.post(hooks + "/replay", "{\"fromEventId\":\"" + firstEvent + "\"}");
            assertThat(replayed.status()).isEqualTo(202);
            assertThat(replayed.json().get("queued").asInt()).isEqualTo(2);
            await().atMost(WAIT).until(() -> receiver.received().size() == 4);
            assertThat(WebhookReceiver.ids(receiver.received()).subList(2, 4))
                    .containsExactlyInAnyOrderElementsOf(WebhookReceiver.ids(receiver.received()).subList(0, 2));
            WebhookReceiver.Delivery replay = receiver.received().get(3);
            assertThat(replay.signatureHeader().split(" ")).hasSize(1);
            assertThat(WebhookReceiver.verifiesWith(replay, second)).isFalse();
            assertThat(partner.get(hooks + "/deliveries").json().get(0).get("replay").asBoolean()).isTrue();
            // Replay from a time before everything: the same two.
            assertThat(partner.post(hooks + "/replay", "{\"from\":\"2000-01-01T00:00:00Z\"}").json().get("queued").asInt()).isEqualTo(2);
            await().atMost(WAIT).until(() -> receiver.received().size() == 6);
            assertThat(receiver.badSignatures()).isZero();
            assertThat(partner.delete(hooks).status()).isEqualTo(204);
        }
    }

    @Test
    void aDeliveryFailingForTheWholeRetryPeriodSuspendsTheWebhookUntilRedrivenAndResumed() throws Exception {
        String mhd = Api.uniqueCatalogueCode("MHD");
        assertThat(api.put("/institutions/" + mhd, "{\"name\":\"Ministry of Human Development\"}").status()).isEqualTo(201);
        Api partner = Api.as(port, TestTokens.partner(mhd));
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Response created = partner.post("/partners/" + mhd + "/webhooks", "{\"url\":\"" + receiver.url() + "\"}");
            String hooks = "/partners/" + mhd + "/webhooks/" + created.json().get("id").asString();
            receiver.trust(created.json().get("secret").asString());
            receiver.mode(WebhookReceiver.Mode.FAILING);
            String cohort = api.scheduleCohort("HOOKS-S", 3);
            nominate(cohort, "Orlando Cal", mhd);

            await().atMost(WAIT).pollInterval(Duration.ofSeconds(1))
                    .until(() -> partner.get(hooks).json().get("status").asString().equals("SUSPENDED"));
            JsonNode failed = partner.get(hooks + "/deliveries?status=FAILED").json();
            assertThat(failed).hasSize(1);
            assertThat(failed.get(0).get("lastError").asString()).isEqualTo("receiver answered 500");
            assertThat(failed.get(0).get("lastStatusCode").asInt()).isEqualTo(500);
            assertThat(failed.get(0).get("attempts").asInt()).isGreaterThan(3);
            // The gauge follows within a tick or two (it is read from the database, at most every 10 s otherwise).
            await().atMost(WAIT).until(() -> suspendedGauge() >= 1.0);

            receiver.mode(WebhookReceiver.Mode.UP);
            assertThat(partner.post(hooks + "/redrive").json().get("queued").asInt()).isEqualTo(1);
            assertThat(partner.post(hooks + "/resume").json().get("status").asString()).isEqualTo("ACTIVE");
            // The failed one first, then the events queued behind it (the cohort's counts), in order.
            await().atMost(WAIT).until(() -> partner.get(hooks + "/deliveries?status=DELIVERED").json().size()
                    == partner.get(hooks + "/deliveries").json().size());
            assertThat(receiver.received()).isNotEmpty();
            assertThat(receiver.received().get(0).id()).isEqualTo(failed.get(0).get("eventId").asString());
            partner.delete(hooks);
        }
    }

    @Test
    void anErasureReachesTheWebhookCopiesAReplaySendsThePlaceholderAndTheNoticeIsDelivered() throws Exception {
        String galen = Api.uniqueCatalogueCode("GALEN");
        assertThat(api.put("/institutions/" + galen, "{\"name\":\"Galen University\"}").status()).isEqualTo(201);
        Api partner = Api.as(port, TestTokens.partner(galen));
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Response created = partner.post("/partners/" + galen + "/webhooks", "{\"url\":\"" + receiver.url() + "\"}");
            String hooks = "/partners/" + galen + "/webhooks/" + created.json().get("id").asString();
            receiver.trust(created.json().get("secret").asString());
            String cohort = api.scheduleCohort("HOOKS-E", 3);
            Response nominated = api.enrol(cohort, "nadia.ku." + cohort.substring(0, 8) + "@gov.bz", "Nadia Ku", galen);
            String participant = nominated.json().get("participantId").asString();
            await().atMost(WAIT).until(() -> receiver.received().stream().anyMatch(d -> d.type().equals(ENROLLED)));
            assertThat(receiver.received().stream().filter(d -> d.type().equals(ENROLLED)).findFirst().orElseThrow().body())
                    .contains("Nadia Ku");

            assertThat(api.post("/participants/" + participant + "/erasure").status()).isEqualTo(200);
            await().atMost(WAIT).until(() -> receiver.received().stream()
                    .anyMatch(d -> d.type().equals("org.aula.enrollment.participant.erased.v1")));
            int before = receiver.received().size();
            int queued = partner.post(hooks + "/replay", "{\"from\":\"2000-01-01T00:00:00Z\"}").json().get("queued").asInt();
            await().atMost(WAIT).until(() -> receiver.received().size() == before + queued);
            List<WebhookReceiver.Delivery> replayed = receiver.received().subList(before, before + queued);
            assertThat(replayed).extracting(WebhookReceiver.Delivery::body).noneMatch(body -> body.contains("Nadia Ku"));
            assertThat(replayed.stream().filter(d -> d.type().equals(ENROLLED)).findFirst().orElseThrow()
                    .data().get("participantName").asString()).isEqualTo("Erased participant");
            assertThat(receiver.badSignatures()).isZero();
            partner.delete(hooks);
        }
    }

    @Test
    void aSlowReceiverWithAManyCohortBacklogDoesNotHoldBackAnotherPartner() throws Exception {
        String slowInstitution = Api.uniqueCatalogueCode("MFA");
        String quickInstitution = Api.uniqueCatalogueCode("POLICE");
        api.put("/institutions/" + slowInstitution, "{\"name\":\"Ministry of Foreign Affairs\"}");
        api.put("/institutions/" + quickInstitution, "{\"name\":\"Police Department\"}");
        try (WebhookReceiver slow = new WebhookReceiver(); WebhookReceiver quick = new WebhookReceiver()) {
            Response slowHook = Api.as(port, TestTokens.partner(slowInstitution))
                    .post("/partners/" + slowInstitution + "/webhooks", storyOfOfficials(slow));
            slow.trust(slowHook.json().get("secret").asString());
            slow.mode(WebhookReceiver.Mode.SLOW);
            Response quickHook = Api.as(port, TestTokens.partner(quickInstitution))
                    .post("/partners/" + quickInstitution + "/webhooks", storyOfOfficials(quick));
            quick.trust(quickHook.json().get("secret").asString());
            // Both paused while 40 cohorts of the slow partner (two events each: 80 deliveries at 1.5 s, two at a
            // time) and then one of the other queue up; then both resumed, the slow one first.
            String slowPath = "/partners/" + slowInstitution + "/webhooks/" + slowHook.json().get("id").asString();
            String quickPath = "/partners/" + quickInstitution + "/webhooks/" + quickHook.json().get("id").asString();
            api.post(slowPath + "/pause");
            api.post(quickPath + "/pause");
            for (int i = 0; i < 40; i++) {
                nominate(api.scheduleCohort("HOOKS-SLOW", 5), "Slow Official " + i, slowInstitution);
            }
            await().atMost(WAIT).until(() -> api.get(slowPath + "/deliveries?status=PENDING&size=200").json().size() == 80);
            nominate(api.scheduleCohort("HOOKS-QUICK", 5), "Quick Official", quickInstitution);
            await().atMost(WAIT).until(() -> api.get(quickPath + "/deliveries?status=PENDING").json().size() == 2);
            api.post(slowPath + "/resume");
            api.post(quickPath + "/resume");

            await().atMost(WAIT).until(() -> quick.received().size() == 2);
            // Served at once, not behind the slow partner's backlog (queued before it).
            assertThat(slow.received().size()).isLessThan(10);
            System.out.printf("webhooks isolation: the quick receiver had its %d deliveries when the slow one had %d of 80%n",
                    quick.received().size(), slow.received().size());
            partnerDelete(slowInstitution, slowHook);
            partnerDelete(quickInstitution, quickHook);
        }
    }

    /**
     * A subscription to the events about the institution's own officials (enrolled, counts): the calls for
     * nominations of every cohort reach every institution's feed, and would queue 40 more for each partner here.
     */
    private static String storyOfOfficials(WebhookReceiver receiver) {
        return "{\"url\":\"" + receiver.url() + "\",\"types\":[\"" + ENROLLED
                + "\",\"org.aula.enrollment.enrolment-counts.changed.v1\"]}";
    }

    private void partnerDelete(String institution, Response hook) {
        Api.as(port, TestTokens.partner(institution)).delete("/partners/" + institution + "/webhooks/" + hook.json().get("id").asString());
    }

    @Test
    void refusesPrivateTargetsPlainHttpAnotherInstitutionAndUnknownIdsChangingNothing() {
        String police = Api.uniqueCatalogueCode("POLICE");
        Api partner = Api.as(port, TestTokens.partner(police));
        String hooks = "/partners/" + police + "/webhooks";
        for (String url : List.of("http://partner.example.org/hooks", "https://10.1.2.3/hooks", "https://192.168.1.20/hooks",
                "https://169.254.169.254/latest/meta-data", "https://[fd00::1]/hooks", "https://[::ffff:10.0.0.1]/hooks",
                "https://224.0.0.1/hooks", "https://0.0.0.0/hooks", "https://user:pw@partner.example.org/hooks",
                "ftp://partner.example.org/hooks", "not a url")) {
            Response refused = partner.post(hooks, "{\"url\":\"" + url + "\"}");
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.body()).as(url).contains("\"field\":\"url\"");
        }
        assertThat(partner.post(hooks, "{\"url\":\"https://127.0.0.1:1/x\",\"types\":[\"enrolled\"]}").body()).contains("types[0]");
        assertThat(partner.get(hooks).json()).isEmpty();
        assertThat(Api.as(port, TestTokens.partner("MFA")).get(hooks).status()).isEqualTo(403);
        assertThat(Api.as(port, TestTokens.facilitator()).get(hooks).status()).isEqualTo(403);
        assertThat(partner.get(hooks + "/9b2f0c36-7c1e-4d7e-9a43-3f6f1d0e8b1a").status()).isEqualTo(404);
        assertThat(partner.get(hooks + "/not-an-id/deliveries").status()).isEqualTo(404);
        // Staff manage every institution's.
        assertThat(api.get(hooks).status()).isEqualTo(200);
    }

    private void nominate(String cohort, String name, String institution) {
        Response response = api.enrol(cohort, name.toLowerCase().replace(' ', '.') + "." + cohort.substring(0, 8) + "@gov.bz",
                name, institution);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    private double suspendedGauge() {
        String scrape = Api.as(port, TestTokens.operations()).get("/actuator/prometheus").body();
        return scrape.lines().filter(line -> line.startsWith("aula_webhook_subscriptions_suspended"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).max().orElse(-1);
    }
}
