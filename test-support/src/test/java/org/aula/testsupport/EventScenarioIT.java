package org.aula.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.aula.testsupport.EventScenario.withKey;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.aula.events.CohortFilled;
import org.aula.events.EventCatalog;
import org.aula.events.Topics;
import org.aula.testsupport.EventScenario.Event;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EventScenarioIT {

    private static String topic;

    @BeforeAll
    static void createTopic() throws Exception {
        System.setProperty(TestInfrastructure.BACKEND_PROPERTY, "embedded");
        topic = "scenario-" + UUID.randomUUID();
        create(topic);
    }

    @Test
    void seesWhatCameAfterItOpenedAndNotWhatCameBefore() {
        String key = "cohort-" + UUID.randomUUID();
        EventScenario.publish(plain(topic, key, "before"));
        try (EventScenario scenario = EventScenario.fromEnd(topic)) {
            EventScenario.publish(plain(topic, key, "after"));

            assertThat(scenario.awaitEvents(key, 1)).extracting(Event::text).containsExactly("after");
        }
        try (EventScenario scenario = EventScenario.fromStart(topic)) {
            assertThat(scenario.awaitEvents(key, 2)).extracting(Event::text).containsExactly("before", "after");
        }
    }

    @Test
    void theSentinelCatchesWhatCameBeyondTheAwaitedCount() {
        String key = "cohort-" + UUID.randomUUID();
        try (EventScenario scenario = EventScenario.fromEnd(topic)) {
            EventScenario.publish(plain(topic, key, "one"));
            EventScenario.publish(plain(topic, key, "two"));
            EventScenario.publish(plain(topic, key, "three"));

            scenario.awaitEvents(key, 1);

            assertThat(scenario.settled(withKey(key))).extracting(Event::text).containsExactly("one", "two", "three");
        }
    }

    @Test
    void settledAnswersNothingWhenNothingCameAndHidesItsSentinels() {
        String key = "cohort-" + UUID.randomUUID();
        try (EventScenario scenario = EventScenario.fromEnd(topic)) {
            assertThat(scenario.settled(withKey(key))).isEmpty();
            assertThat(scenario.settled(event -> true)).noneMatch(event -> event.text().contains("sentinel"));
        }
        EventScenario.publish(plain(topic, key, "after the sentinels"));
        try (EventScenario everything = EventScenario.fromStart(topic)) {
            assertThat(everything.settled(event -> true)).extracting(Event::text).contains("after the sentinels")
                    .noneMatch(text -> text.contains("sentinel\""));
            assertThat(everything.settled(event -> true))
                    .noneMatch(event -> EventScenario.SENTINEL_TYPE.equals(event.header("ce_type")));
        }
    }

    @Test
    void publishesAnEventAsItsServiceWouldAndReadsItsAttributesAndData() {
        String cohort = "cohort-" + UUID.randomUUID();
        CohortFilled filled = new CohortFilled(cohort, "BMM-2019-05", "BMM", 25, 1,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        try (EventScenario scenario = EventScenario.fromEnd(Topics.ENROLLMENT)) {
            UUID id = EventScenario.publish(filled);

            Event event = scenario.awaitEvents(cohort, 1).get(0);
            assertThat(event.isCloudEvent()).isTrue();
            assertThat(event.is(EventCatalog.COHORT_FILLED)).isTrue();
            assertThat(event.type()).isEqualTo("org.aula.enrollment.cohort.filled.v1");
            assertThat(event.id()).isEqualTo(id.toString());
            assertThat(event.source()).isEqualTo("/aula/enrollment-service");
            assertThat(event.subject()).isEqualTo(cohort);
            assertThat(event.header("ce_dataschema")).isEqualTo(EventCatalog.COHORT_FILLED.dataSchema());
            assertThat(event.data().get("cohortCode").asString()).isEqualTo("BMM-2019-05");
            assertThat(event.has("cohortId", cohort)).isTrue();
            assertThat(event.as(CohortFilled.class)).isEqualTo(filled);
            assertThat(scenario.of(cohort, CohortFilled.class)).containsExactly(filled);
        }
    }

    @Test
    void aRecordThatIsNoCloudEventIsReadButHasNoAttributes() {
        String key = "cohort-" + UUID.randomUUID();
        try (EventScenario scenario = EventScenario.fromEnd(topic)) {
            EventScenario.publish(plain(topic, key, "not a cloud event"));

            Event event = scenario.awaitEvents(key, 1).get(0);
            assertThat(event.isCloudEvent()).isFalse();
            assertThat(event.text()).isEqualTo("not a cloud event");
            org.assertj.core.api.Assertions.assertThatThrownBy(event::type).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("ce_type");
        }
    }

    @Test
    void aTopicCreatedAfterTheScenarioOpenedIsReadFromItsBeginning() throws Exception {
        String later = "scenario-later-" + UUID.randomUUID();
        String key = "cohort-" + UUID.randomUUID();
        try (EventScenario scenario = EventScenario.fromEnd(later)) {
            create(later);
            EventScenario.publish(plain(later, key, "first"));

            assertThat(scenario.awaitEvents(key, 1)).extracting(Event::text).containsExactly("first");
            assertThat(scenario.settled(withKey(key))).hasSize(1);
        }
    }

    @Test
    void sourceIsTheServiceThatOwnsTheTopic() {
        assertThat(List.of(Topics.ENROLLMENT, Topics.SESSION, Topics.CERTIFICATION)).extracting(EventScenario::sourceOf)
                .containsExactly("/aula/enrollment-service", "/aula/session-service", "/aula/certification-service");
    }

    private static ProducerRecord<String, byte[]> plain(String topic, String key, String value) {
        return new ProducerRecord<>(topic, key, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void create(String name) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.shared().kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }
}
