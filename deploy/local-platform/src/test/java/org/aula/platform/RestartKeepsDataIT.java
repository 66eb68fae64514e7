package org.aula.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.aula.events.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Stopping the platform and starting it again on the same data directory loses nothing. */
class RestartKeepsDataIT {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path dataDir;

    @Test
    void aRestartServesEarlierCohortsCertificatesAndEventsAndTheDemoRunsAgain() throws Exception {
        DemoReport first;
        try (AulaLocalPlatform platform = AulaLocalPlatform.start(PlatformOptions.freePorts(dataDir))) {
            first = SeedStoryDemo.against(platform, System.out).run();
        }
        assertThat(first.succeeded()).as("first run: %s", first.problems()).isTrue();
        String mayCohortId = first.cohortIds().get(0);

        try (AulaLocalPlatform platform = AulaLocalPlatform.start(PlatformOptions.freePorts(dataDir))) {
            JsonNode cohorts = get(platform.baseUrl(PlatformService.ENROLLMENT) + "/cohorts?code=BMM-2019-05");
            assertThat(cohorts).hasSize(1);
            assertThat(cohorts.get(0).path("id").asString()).isEqualTo(mayCohortId);
            assertThat(cohorts.get(0).path("seatsTaken").asInt()).isEqualTo(25);

            JsonNode certificates = get(platform.baseUrl(PlatformService.CERTIFICATION) + "/certificates?cohortId=" + mayCohortId);
            assertThat(certificates.values()).extracting(c -> c.path("number").asString())
                    .containsExactlyInAnyOrderElementsOf(first.certificates().stream().map(DemoReport.Certificate::number).toList());
            String number = first.certificates().get(0).number();
            assertThat(get(platform.baseUrl(PlatformService.CERTIFICATION) + "/certificates/" + number + "/verification")
                    .path("status").asString()).isEqualTo("VALID");

            try (EventTally tally = new EventTally(platform.kafkaBootstrapServers(),
                    List.of(Topics.ENROLLMENT, Topics.SESSION, Topics.CERTIFICATION))) {
                Set<String> firstRun = Set.copyOf(first.cohortIds());
                await().atMost(Duration.ofSeconds(30))
                        .untilAsserted(() -> assertThat(tally.countsFor(firstRun::contains)).containsAllEntriesOf(first.seenEvents()));
                assertThat(tally.awaitCaughtUp(Duration.ofSeconds(10))).isTrue();
                assertThat(tally.countsFor(firstRun::contains)).isEqualTo(first.seenEvents());
            }

            DemoReport second = SeedStoryDemo.against(platform, System.out).run();
            assertThat(second.succeeded()).as("second run: %s", second.problems()).isTrue();
            assertThat(second.cohortCodes()).containsExactly("BMM-2019-05-R2", "BMM-2019-06A-R2", "BMM-2019-06B-R2");
            assertThat(second.seenEvents()).isEqualTo(first.seenEvents());
        }
    }

    private JsonNode get(String uri) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(uri).isEqualTo(200);
        return json.readTree(response.body());
    }
}
