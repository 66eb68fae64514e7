package org.aula.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The whole platform, started once on a fresh data directory with free ports, replays the seed story. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedStoryIT {

    @TempDir
    static Path dataDir;

    private AulaLocalPlatform platform;
    private DemoReport report;

    @BeforeAll
    void startThePlatformAndReplayTheStory() {
        platform = AulaLocalPlatform.start(PlatformOptions.freePorts(dataDir));
        report = SeedStoryDemo.against(platform, System.out).run();
    }

    @AfterAll
    void stopThePlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void theStoryRunsEndToEndAndTheDemoSucceeds() {
        assertThat(report.problems()).isEmpty();
        assertThat(report.succeeded()).isTrue();
        assertThat(report.cohortCodes()).containsExactly("BMM-2019-05", "BMM-2019-06A", "BMM-2019-06B");
    }

    @Test
    void twentyFiveOfficialsGetSeatsAndThreeWaitForOne() {
        assertThat(report.enrolled()).isEqualTo(25);
        assertThat(report.waitlisted()).isEqualTo(3);
    }

    @Test
    void twentyThreeCompleteAndEachGetsANumberedCertificateInTheirName() {
        assertThat(report.completed()).isEqualTo(23);
        assertThat(report.notCompleted()).isEqualTo(2);
        assertThat(report.certificates()).hasSize(23)
                .allSatisfy(certificate -> {
                    assertThat(certificate.number()).isNotBlank();
                    assertThat(certificate.holderName()).isNotBlank();
                });
        assertThat(report.certificates()).extracting(DemoReport.Certificate::number).doesNotHaveDuplicates();
        assertThat(report.certificates()).extracting(DemoReport.Certificate::holderName)
                .contains("Constant Pascascio")
                .doesNotContain("Derrick Flowers", "Andre Pollard");
    }

    @Test
    void aVerifierFindsTheCertificateValid() {
        assertThat(report.verificationStatus()).isEqualTo("VALID");
    }

    @Test
    void verificationLinksPointAtThisPlatformsCertificationService() {
        String certification = platform.baseUrl(PlatformService.CERTIFICATION).toString();

        assertThat(report.certificates()).allSatisfy(certificate -> assertThat(certificate.verificationUrl())
                .isEqualTo(certification + "/certificates/" + certificate.number() + "/verification"));
    }

    @Test
    void everyFactOfTheStoryIsPublishedExactlyOnce() {
        Map<String, Integer> expectedByShortType = new TreeMap<>();
        SeedStoryDemo.expectedEvents().forEach((type, count) -> expectedByShortType.put(SeedStoryDemo.shortType(type), count));
        Map<String, Integer> seenByShortType = new TreeMap<>();
        report.seenEvents().forEach((type, count) -> seenByShortType.put(SeedStoryDemo.shortType(type), count));

        assertThat(expectedByShortType).containsExactlyInAnyOrderEntriesOf(Map.of(
                "cohort.scheduled", 3, "participant.enrolled", 25, "participant.waitlisted", 3,
                "cohort.filled", 1, "course.completed", 23, "certificate.issued", 23));
        assertThat(seenByShortType).containsAllEntriesOf(expectedByShortType);
    }

    @Test
    void theDemoFailsAndSaysWhyWhenAServiceDoesNotAnswer() throws Exception {
        URI nobodyListens;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobodyListens = URI.create("http://localhost:" + socket.getLocalPort());
        }
        SeedStoryDemo demo = new SeedStoryDemo(platform.baseUrl(PlatformService.ENROLLMENT),
                platform.baseUrl(PlatformService.SESSION), nobodyListens, platform.kafkaBootstrapServers(), System.out);

        DemoReport broken = demo.run();

        assertThat(broken.succeeded()).isFalse();
        assertThat(broken.problems()).singleElement().asString()
                .startsWith("step 7 (Wait for certification-service to issue the certificates) failed");
        assertThat(broken.cohortCodes()).first().isEqualTo("BMM-2019-05-R2");
    }

    @Test
    void eachServiceServesItsOpenApiAndPrometheusEndpoints() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (PlatformService service : PlatformService.values()) {
            for (String path : new String[] {"/v3/api-docs", "/actuator/prometheus", "/actuator/health/readiness"}) {
                URI uri = URI.create(platform.baseUrl(service) + path);
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(uri.toString()).isEqualTo(200);
            }
        }
    }

    @Test
    void theStartUpBlockTellsWhereEverythingIs() {
        String block = platform.describe(platform.startupTime());

        for (PlatformService service : PlatformService.values()) {
            assertThat(block).contains(platform.baseUrl(service) + "/v3/api-docs", platform.jdbcUrl(service));
        }
        assertThat(block).contains(platform.kafkaBootstrapServers() + "   <- partners: attach a consumer here")
                .contains(dataDir.toAbsolutePath().normalize().toString());
    }
}
