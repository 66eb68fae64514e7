package org.aula.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.aula.deploy.identity.CodeFlowClient;
import org.aula.deploy.identity.IdentityClient;
import org.aula.deploy.identity.LocalTokenIssuer;
import org.jspecify.annotations.Nullable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.ClassUtils;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole platform, started once on a fresh data directory with free ports, replays the seed story
 * with tokens from the platform's own issuer and shows the metrics the story leads to.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedStoryIT {

    @TempDir
    static Path dataDir;

    /** Present when a service brought Spring Security's resource server: then, in one JVM, every service checks tokens. */
    private static final String RESOURCE_SERVER_CLASS =
            "org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken";

    private final HttpClient http = HttpClient.newHttpClient();
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
    void afterTheStoryTheMetricsShowTheMayCohortsCountsAndRate() {
        DemoReport.Metrics metrics = report.metrics();

        assertThat(metrics).isNotNull();
        assertThat(metrics.cohortCode()).isEqualTo("BMM-2019-05");
        assertThat(metrics.decided()).isEqualTo(25);
        assertThat(metrics.completed()).isEqualTo(23);
        assertThat(metrics.notCompleted()).isEqualTo(2);
        assertThat(metrics.completionRate()).isCloseTo(0.92, within(1e-9));
        assertThat(metrics.certificatesIssued()).isEqualTo(23);
        assertThat(metrics.scrapedCertificatesIssued()).isEqualTo(23.0);
        assertThat(metrics.scrapedSeries()).as("one series per institution with a certificate").isEqualTo(4);
    }

    @Test
    void aPartnersTokenReadsOnlyItsOwnOfficialsEnrolmentsAndCertificatesAndIsRefusedAnotherInstitutions() {
        assertThat(ClassUtils.isPresent(RESOURCE_SERVER_CLASS, getClass().getClassLoader()))
                .as("the services bring Spring Security's resource server, so tokens are checked").isTrue();

        assertThat(report.partnerViews()).containsExactly(
                new DemoReport.PartnerView("enrollment-service", "GET /cohorts/{id}/enrolments", "POLICE", 7, 0,
                        "GET /institutions/IMMIGRATION/nominees", 403),
                new DemoReport.PartnerView("certification-service", "GET /certificates?cohortId={id}", "POLICE", 6, 0,
                        "GET /certificates?cohortId={id}&institutionCode=IMMIGRATION", 403));
    }

    @Test
    void aCoordinatorSignedInAtTheIdentityProviderIsServedByEveryServiceAndAFacilitatorOnlyWhereFacilitatorsMayRead() throws Exception {
        String coordinator = signIn("coordinator");
        String facilitator = signIn("facilitator");
        String mayCohort = report.cohortIds().get(0);

        for (Map.Entry<PlatformService, String> read : Map.of(
                PlatformService.ENROLLMENT, "/cohorts?code=BMM-2019-05",
                PlatformService.SESSION, "/cohorts/" + mayCohort + "/roster",
                PlatformService.CERTIFICATION, "/metrics/completions?cohort=BMM-2019-05").entrySet()) {
            String uri = platform.baseUrl(read.getKey()) + read.getValue();
            assertThat(status(uri, coordinator)).as("coordinator signed in at the provider: " + uri).isEqualTo(200);
        }
        assertThat(status(platform.baseUrl(PlatformService.SESSION) + "/cohorts/" + mayCohort + "/roster", facilitator))
                .as("a facilitator reads the roster").isEqualTo(200);
        assertThat(status(platform.baseUrl(PlatformService.CERTIFICATION) + "/metrics/completions?cohort=BMM-2019-05", facilitator))
                .as("completion figures are for programme staff").isEqualTo(403);
    }

    @Test
    void aPartnerSignedInAtTheIdentityProviderReadsOnlyItsOwnInstitutionsOfficials() throws Exception {
        String police = signIn("partner-police");
        String immigration = signIn("partner-immigration");
        String may = report.cohortIds().get(0);
        String enrolments = platform.baseUrl(PlatformService.ENROLLMENT) + "/cohorts/" + may + "/enrolments";
        String certificates = platform.baseUrl(PlatformService.CERTIFICATION) + "/certificates?cohortId=" + may;

        assertThat(institutionCodes(enrolments, police)).hasSize(PartnerIsolation.partnerNominations()).containsOnly("POLICE");
        assertThat(institutionCodes(certificates, police)).hasSize(PartnerIsolation.partnerCertificates()).containsOnly("POLICE");
        long immigrationNominees = SeedStory.nominees().stream().filter(nominee -> nominee.institutionCode().equals("IMMIGRATION")).count();
        assertThat(institutionCodes(enrolments, immigration)).hasSize((int) immigrationNominees).containsOnly("IMMIGRATION");
        assertThat(status(platform.baseUrl(PlatformService.ENROLLMENT) + "/institutions/IMMIGRATION/nominees?cohortId=" + may, police))
                .as("Police asks for Immigration's nominees").isEqualTo(403);
        assertThat(status(certificates + "&institutionCode=IMMIGRATION", police))
                .as("Police asks for Immigration's certificates").isEqualTo(403);
    }

    @Test
    void theStartUpBlockNamesTheIdentityProviderAndItsDemoUsers() {
        String block = platform.describe(platform.startupTime());

        assertThat(block).contains(platform.identity().issuer() + "   <- OpenID Connect issuer")
                .contains(platform.identity().signInPage().toString())
                .contains("coordinator, facilitator, operations, donor, partner-police, partner-immigration");
    }

    @Test
    void aVerifierFindsTheCertificateValid() {
        assertThat(report.verificationStatus()).isEqualTo("VALID");
    }

    @Test
    void everyCredentialTheStoryIssuesConformsToOpenBadges30AndNamesTheAwardingOrganisations() throws Exception {
        Schema schema;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("ob3/open-badge-credential.schema.json")) {
            assertThat(in).as("certification-service's OB 3.0 conformance schema on the classpath").isNotNull();
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(JsonMapper.shared().readTree(in));
        }
        String coordinator = platform.tokens().mint("seed-story-conformance", Set.of("coordinator"), null, Duration.ofMinutes(10));
        String certification = platform.baseUrl(PlatformService.CERTIFICATION).toString();

        assertThat(report.certificates()).hasSize(23);
        for (DemoReport.Certificate certificate : report.certificates()) {
            HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(certification + "/certificates/"
                            + certificate.number() + "/credential"))
                    .header("Authorization", "Bearer " + coordinator).header("Accept", "application/vc+jwt").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(token.statusCode()).as(certificate.number()).isEqualTo(200);
            JsonNode credential = JsonMapper.shared().readTree(Base64.getUrlDecoder().decode(token.body().split("\\.")[1]));
            List<Error> errors = schema.validate(credential, context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));

            assertThat(errors).as("OB 3.0 conformance of %s", certificate.number()).isEmpty();
            assertThat(credential.get("issuer").get("name").asString())
                    .isEqualTo("International Organization for Migration and Galen University");
        }
    }

    @Test
    void theCertificatesAreAwardedByIomWithGalenUniversityAndNameTheInstitution() throws Exception {
        DemoReport.Certificate pascascio = report.certificates().stream()
                .filter(certificate -> SeedStory.PASCASCIO.equals(certificate.holderName())).findFirst().orElseThrow();

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(pascascio.verificationUrl()))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(">VALID</h1>", "Constant Pascascio", "Police Department",
                "International Organization for Migration and Galen University");
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
        PartnerFeed.expectedEvents().forEach((type, count) -> expectedByShortType.put(PartnerFeed.shortType(type), count));
        Map<String, Integer> seenByShortType = new TreeMap<>();
        report.seenEvents().forEach((type, count) -> seenByShortType.put(PartnerFeed.shortType(type), count));

        assertThat(expectedByShortType).containsExactlyInAnyOrderEntriesOf(Map.of(
                "cohort.scheduled", 3, "participant.enrolled", 25, "participant.waitlisted", 3,
                "cohort.filled", 1, "course.completed", 23, "certificate.issued", 23));
        assertThat(seenByShortType).containsAllEntriesOf(expectedByShortType);
    }

    @Test
    void thePoliceFeedCarriesTheCallsForNominationsAndTheStoryOfItsOwnOfficialsOnly() {
        // The calls for nominations reach an institution's feed only when it is in enrollment-service's catalogue:
        // the demo registers the four institutions before it schedules the cohorts.
        List<ConsumerRecord<String, byte[]>> feed = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            feed.clear();
            // this story's records: those keyed by its cohorts, and the certificates (keyed by participant)
            readWhole("partner.POLICE.enrollment").stream()
                    .filter(record -> record.key() != null && report.cohortIds().contains(record.key())
                            || "org.aula.certification.certificate.issued.v1".equals(typeOf(record)))
                    .forEach(feed::add);
            return countOfType(feed, "org.aula.certification.certificate.issued.v1") == 6
                    && countOfType(feed, "org.aula.enrollment.cohort.scheduled.v1") == 3;
        });
        System.out.println("partner.POLICE.enrollment after the story: " + feed.size() + " records, "
                + countOfType(feed, "org.aula.enrollment.cohort.scheduled.v1") + " calls for nominations, "
                + countOfType(feed, "org.aula.enrollment.cohort.status-changed.v1") + " status changes");

        assertThat(countOfType(feed, "org.aula.enrollment.cohort.status-changed.v1")).isPositive();
        assertThat(countOfType(feed, "org.aula.enrollment.participant.enrolled.v1")).isEqualTo(6);
        assertThat(countOfType(feed, "org.aula.enrollment.participant.waitlisted.v1")).isEqualTo(1);
        assertThat(countOfType(feed, "org.aula.session.course.completed.v1")).isEqualTo(6);
        assertThat(feed).allSatisfy(record -> {
            JsonNode data = JsonMapper.shared().readTree(record.value());
            if (data.has("institutionCode")) {
                assertThat(data.get("institutionCode").asString()).isEqualTo("POLICE");
            }
        });
    }

    private List<ConsumerRecord<String, byte[]>> readWhole(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static long countOfType(List<ConsumerRecord<String, byte[]>> records, String type) {
        return records.stream().filter(record -> type.equals(typeOf(record))).count();
    }

    private static @Nullable String typeOf(ConsumerRecord<String, byte[]> record) {
        var header = record.headers().lastHeader("ce_type");
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void theDemoFailsAndSaysWhyWhenAServiceDoesNotAnswer() throws Exception {
        URI nobodyListens;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobodyListens = URI.create("http://localhost:" + socket.getLocalPort());
        }
        SeedStoryDemo demo = new SeedStoryDemo(platform.baseUrl(PlatformService.ENROLLMENT),
                platform.baseUrl(PlatformService.SESSION), nobodyListens, platform.kafkaBootstrapServers(), platform.tokens(),
                System.out);

        DemoReport broken = demo.run();

        assertThat(broken.succeeded()).isFalse();
        // the first step that calls certification-service is where the demo stops, saying why
        assertThat(broken.problems()).singleElement().asString()
                .startsWith("step 4 (Name who awards the course (IOM with Galen University) and the institutions) failed")
                .contains("nothing answers there");
        assertThat(broken.cohortCodes()).first().isEqualTo("BMM-2019-05-R2");
    }

    @Test
    void eachServiceServesOpenApiAndHealthToAnyoneAndPrometheusToATokenFromThePlatformTokenCommand() throws Exception {
        String operations = tokenCommand("--role", "operations", "--ttl", "5m", "--data-dir=" + dataDir);

        for (PlatformService service : PlatformService.values()) {
            for (String path : List.of("/v3/api-docs", "/actuator/health/readiness")) {
                assertThat(status(platform.baseUrl(service) + path, null)).as(service + path).isEqualTo(200);
            }
            assertThat(status(platform.baseUrl(service) + "/actuator/prometheus", operations))
                    .as(service + " /actuator/prometheus with an operations token").isEqualTo(200);
        }
    }

    @Test
    void everyServiceRefusesMissingForgedAndWrongRoleTokens() throws Exception {
        assertThat(ClassUtils.isPresent(RESOURCE_SERVER_CLASS, getClass().getClassLoader()))
                .as("the services bring Spring Security's resource server, so tokens are checked").isTrue();
        String coordinator = platform.token("coordinator", null, Duration.ofMinutes(5));
        String partner = platform.token("partner", "POLICE", Duration.ofMinutes(5));
        String foreign = new LocalTokenIssuer(dataDir.resolve("another-issuer"))
                .mint("intruder", Set.of("coordinator"), null, Duration.ofMinutes(5));
        String mayCohort = report.cohortIds().get(0);
        Map<PlatformService, String> staffReads = Map.of(
                PlatformService.ENROLLMENT, "/cohorts?code=BMM-2019-05",
                PlatformService.SESSION, "/cohorts/" + mayCohort + "/roster",
                PlatformService.CERTIFICATION, "/metrics/completions?cohort=BMM-2019-05");

        for (PlatformService service : PlatformService.values()) {
            String read = platform.baseUrl(service) + staffReads.get(service);
            assertThat(status(read, null)).as("no token: " + read).isEqualTo(401);
            assertThat(status(read, foreign)).as("a token signed with another key: " + read).isEqualTo(401);
            assertThat(status(read, coordinator)).as("coordinator: " + read).isEqualTo(200);
            String prometheus = platform.baseUrl(service) + "/actuator/prometheus";
            assertThat(status(prometheus, null)).as("no token: " + prometheus).isEqualTo(401);
            assertThat(status(prometheus, coordinator)).as("coordinator: " + prometheus).isEqualTo(403);
            assertThat(status(prometheus, partner)).as("partner: " + prometheus).isEqualTo(403);
        }
        String number = report.certificates().get(0).number();
        assertThat(status(platform.baseUrl(PlatformService.CERTIFICATION) + "/certificates/" + number + "/verification", null))
                .as("verification stays public").isEqualTo(200);
    }

    @Test
    void theStartUpBlockTellsWhereEverythingIsAndCarriesAWorkingCoordinatorToken() throws Exception {
        String block = platform.describe(platform.startupTime());

        for (PlatformService service : PlatformService.values()) {
            assertThat(block).contains(platform.baseUrl(service) + "/v3/api-docs", platform.jdbcUrl(service));
        }
        assertThat(block).contains(platform.kafkaBootstrapServers() + "   <- partners: attach a consumer here")
                .contains(dataDir.toAbsolutePath().normalize().toString())
                .contains("./platform token --role coordinator|facilitator|operations|partner|metrics|reporting [--institution POLICE] [--ttl 8h]")
                .contains("--data-dir=" + dataDir.toAbsolutePath().normalize());
        Matcher token = Pattern.compile("(?m)^(eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)$").matcher(block);
        assertThat(token.find()).as("a token on a line of its own in%n%s", block).isTrue();
        assertThat(status(platform.baseUrl(PlatformService.ENROLLMENT) + "/cohorts?code=BMM-2019-05", token.group(1)))
                .isEqualTo(200);
    }

    /** An access token for a demo user, obtained through the provider's authorization code flow as the console gets one. */
    private String signIn(String username) {
        return new CodeFlowClient(platform.identity().issuer(), IdentityClient.staffConsole(platform.consoleUrl()))
                .signIn(username).accessToken();
    }

    /** The {@code institutionCode} of each line of a JSON array the caller may read. */
    private List<String> institutionCodes(String uri, String bearerToken) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + bearerToken)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(uri).isEqualTo(200);
        JsonNode lines = JsonMapper.builder().build().readTree(response.body());
        assertThat(lines.isArray()).as(response.body()).isTrue();
        return lines.valueStream().map(line -> line.path("institutionCode").asString("(none)")).toList();
    }

    private int status(String uri, @Nullable String bearerToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).GET();
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String tokenCommand(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = TokenCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).as("the key exists already: no note").isEmpty();
        return out.toString(StandardCharsets.UTF_8).strip();
    }
}
