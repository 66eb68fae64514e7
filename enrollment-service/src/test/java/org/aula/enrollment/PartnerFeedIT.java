package org.aula.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.aula.enrollment.EventTypes.COUNTS;
import static org.aula.enrollment.EventTypes.ENROLLED;
import static org.aula.enrollment.EventTypes.SCHEDULED;
import static org.aula.enrollment.EventTypes.STATUS;
import static org.aula.enrollment.EventTypes.WAITLISTED;
import static org.aula.enrollment.EventTypes.WITHDRAWN;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.aula.events.CloudEventHeaders;
import org.aula.testsupport.EventScenario;
import org.aula.testsupport.EventScenario.Event;
import org.aula.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Partners read their own feed: {@code partner.<INSTITUTION>.enrollment} carries every event about the
 * institution's nominees (and its counts) and the calls for nominations, the records as published on {@code enrollment.events} (same key, same
 * {@code ce_id}), and nothing about another institution's; {@code partner.aggregate.enrollment} carries counts only.
 */
@EnrollmentIntegrationTest
class PartnerFeedIT extends ApiAndTopic {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void eachInstitutionSeesItsOwnNomineesEventsAndNothingOfAnotherInstitutions() throws Exception {
        String police = Api.uniqueCatalogueCode("POLICE");
        String mfa = Api.uniqueCatalogueCode("MFA");
        assertThat(api.put("/institutions/" + police, "{\"name\":\"Police Department\"}").status()).isEqualTo(201);
        assertThat(api.put("/institutions/" + mfa, "{\"name\":\"Ministry of Foreign Affairs\"}").status()).isEqualTo(201);
        try (EventScenario aggregate = EventScenario.fromEnd("partner.aggregate.enrollment")) {
            String cohort = api.scheduleCohort("FEED", 2);
            String pascascio = enrol(cohort, "Constant Pascascio", police);
            String moguel = enrol(cohort, "Lisbeth Moguel", mfa);
            String coc = enrol(cohort, "Elvis Coc", police);
            String pollard = enrol(cohort, "Andre Pollard", mfa);
            // Moguel (MFA) withdraws; Coc (POLICE), first in line, takes her seat in the same transaction.
            api.delete("/cohorts/" + cohort + "/enrolments/" + moguel);

            try (EventScenario policeFeed = EventScenario.fromStart("partner." + police + ".enrollment");
                    EventScenario mfaFeed = EventScenario.fromStart("partner." + mfa + ".enrollment")) {
                // Both: the call for nominations (scheduled, opened) and the cohort full, which name nobody.
                // POLICE: Pascascio enrolled, Coc waitlisted then promoted, with a count after each change.
                List<Event> policeAll = policeFeed.awaitSettled(cohort, events -> events.size() == 9);
                List<Event> policeEvents = withoutCalls(policeAll);
                // MFA: Moguel enrolled, Pollard waitlisted, Moguel withdrawn, each with a count.
                List<Event> mfaAll = mfaFeed.awaitSettled(cohort, events -> events.size() == 9);
                List<Event> mfaEvents = withoutCalls(mfaAll);
                assertThat(policeAll).filteredOn(event -> !policeEvents.contains(event)).extracting(Event::type)
                        .containsExactly(SCHEDULED, STATUS, STATUS);
                assertThat(mfaAll).filteredOn(event -> !mfaEvents.contains(event)).extracting(Event::id)
                        .containsExactlyElementsOf(policeAll.stream().filter(event -> !policeEvents.contains(event))
                                .map(Event::id).toList());
                List<Event> source = topic.awaitEvents(cohort, events -> events.stream().filter(e -> COUNTS.equals(e.type())).count() == 6);

                assertThat(policeEvents).extracting(Event::type)
                        .containsExactly(ENROLLED, COUNTS, WAITLISTED, COUNTS, ENROLLED, COUNTS);
                assertThat(mfaEvents).extracting(Event::type)
                        .containsExactly(ENROLLED, COUNTS, WAITLISTED, COUNTS, WITHDRAWN, COUNTS);
                assertThat(policeEvents).allSatisfy(event -> assertThat(institutionOf(event)).isEqualTo(police));
                assertThat(mfaEvents).allSatisfy(event -> assertThat(institutionOf(event)).isEqualTo(mfa));
                assertThat(enrolmentIds(policeEvents)).containsOnly(pascascio, coc).doesNotContain(moguel, pollard);
                assertThat(enrolmentIds(mfaEvents)).containsOnly(moguel, pollard);
                assertThat(policeEvents.get(4).data().get("promotedFromWaitlist").asBoolean()).isTrue();
                assertThat(policeFeed.of(event -> true)).extracting(Event::text).noneMatch(value -> value.contains("Moguel") || value.contains("Pollard"));
                assertThat(mfaFeed.of(event -> true)).extracting(Event::text).noneMatch(value -> value.contains("Pascascio") || value.contains("Coc"));

                // The copies are the published records: same ids (partners deduplicate on ce_id), key, type and data.
                assertThat(policeEvents).extracting(event -> event.id()).containsExactlyElementsOf(
                        source.stream().filter(event -> police.equals(institutionOf(event))).map(event -> event.id()).toList());
                assertThat(policeEvents).allSatisfy(event -> {
                    assertThat(event.key()).isEqualTo(cohort);
                    assertThat(event.source()).isEqualTo("/aula/enrollment-service");
                });
                Event original = source.stream().filter(event -> event.id().equals(policeEvents.get(0).id()))
                        .findFirst().orElseThrow();
                assertThat(policeEvents.get(0).data()).isEqualTo(original.data());
                assertThat(policeEvents.get(0).time()).isEqualTo(original.time());
            }

            // The aggregate feed: counts only, keyed by cohort and institution, without names or ids of people.
            List<ConsumerRecord<String, byte[]>> counts = aggregate.awaitEvents(event -> event.key().startsWith(cohort + ":"),
                    records -> records.size() == 6).stream().map(Event::record).toList();
            assertThat(counts).allSatisfy(record -> {
                assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo(COUNTS);
                JsonNode data = JSON.readTree(record.value());
                assertThat(record.key()).isEqualTo(cohort + ":" + data.get("institutionCode").asString());
                assertThat(data.has("participantId")).isFalse();
                assertThat(data.has("participantName")).isFalse();
            });
            JsonNode lastPolice = JSON.readTree(counts.stream().filter(record -> record.key().endsWith(":" + police))
                    .reduce((a, b) -> b).orElseThrow().value());
            assertThat(lastPolice.get("enrolled").asInt()).isEqualTo(2);
            assertThat(lastPolice.get("waitlisted").asInt()).isZero();
        }
    }

    @Test
    void partnerFeedsAreKeptForeverAndTheAggregateFeedIsCompacted() throws Exception {
        String code = Api.uniqueCatalogueCode("MHD");
        api.put("/institutions/" + code, "{\"name\":\"Ministry of Human Development\"}");

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.shared().kafkaBootstrapServers()))) {
            ConfigResource feed = new ConfigResource(ConfigResource.Type.TOPIC, "partner." + code + ".enrollment");
            ConfigResource aggregate = new ConfigResource(ConfigResource.Type.TOPIC, "partner.aggregate.enrollment");
            Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(feed, aggregate)).all().get();

            assertThat(configs.get(feed).get("retention.ms").value()).isEqualTo("-1");
            assertThat(configs.get(feed).get("cleanup.policy").value()).isEqualTo("delete");
            assertThat(configs.get(aggregate).get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(admin.describeTopics(List.of("partner." + code + ".enrollment")).allTopicNames().get()
                    .get("partner." + code + ".enrollment").partitions()).hasSize(3);
        }
    }

    private String enrol(String cohort, String name, String institution) {
        return api.enrol(cohort, name.toLowerCase().replace(' ', '.') + "." + institution.toLowerCase() + "@gov.bz", name,
                institution).json().get("enrolmentId").asString();
    }

    private static List<Event> withoutCalls(List<Event> events) {
        return events.stream().filter(event -> !SCHEDULED.equals(event.type()) && !STATUS.equals(event.type())).toList();
    }

    private static String institutionOf(Event event) {
        JsonNode code = event.data().get("institutionCode");
        return code == null ? "" : code.asString();
    }

    private static List<String> enrolmentIds(List<Event> events) {
        return events.stream().map(Event::data).filter(data -> data.has("enrolmentId"))
                .map(data -> data.get("enrolmentId").asString()).distinct().toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
