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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One trace id, chosen by the caller, followed in the services' JSON (ECS) console logs: a nomination sent to
 * enrollment-service with a W3C {@code traceparent} shows up on session-service's roster line (through the outbox and
 * Kafka), and a completion sent to session-service with another shows up on certification-service's certificate line
 * (completion, {@code course.completed}, certification).
 */
@ExtendWith(OutputCaptureExtension.class)
class TraceFollowedIT {

    private static final String NOMINATION_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String COMPLETION_TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final Duration HOP = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

    @TempDir
    Path dataDir;

    /**
     * The platform initialises logging once for its three services (AulaLocalPlatform); initialised here first, with
     * {@code logging.structured.format.console=ecs}, the console is the production profile's for this test run.
     */
    @BeforeEach
    void switchTheConsoleToJson() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("trace-followed-it",
                Map.of("logging.structured.format.console", "ecs")));
        initializeLogging(environment, "classpath:logback-ecs-test.xml");
    }

    @AfterEach
    void switchTheConsoleBackToPlainText() {
        initializeLogging(new StandardEnvironment(), null);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aNominationsTraceReachesTheRosterLineAndACompletionsTraceReachesTheCertificateLine(CapturedOutput output)
            throws Exception {
        try (AulaLocalPlatform platform = AulaLocalPlatform.start(PlatformOptions.freePorts(dataDir))) {
            String coordinator = platform.token("coordinator", null, Duration.ofMinutes(10));
            URI enrollment = platform.baseUrl(PlatformService.ENROLLMENT);
            URI session = platform.baseUrl(PlatformService.SESSION);

            JsonNode cohort = post(URI.create(enrollment + "/cohorts"), coordinator, null, Map.of(
                    "code", "TRACE-2026-12", "courseCode", "TRC", "courseTitle", "Tracing an enrolment",
                    "courseHours", 40, "startDate", "2026-12-07", "endDate", "2026-12-11",
                    "location", "Belmopan", "capacity", 5, "facilitator", "Graciela Incer"));
            String cohortId = cohort.path("id").asString();

            JsonNode enrolment = post(URI.create(enrollment + "/cohorts/" + cohortId + "/enrolments"), coordinator,
                    traceparent(NOMINATION_TRACE), Map.of("name", "Constant Pascascio",
                            "email", "constant.pascascio@example.org", "institutionCode", "POLICE"));
            assertThat(enrolment.path("status").asString()).isEqualTo("ENROLLED");
            String participantId = enrolment.path("participantId").asString();

            JsonNode rosterLine = awaitLine(output, "session-service's roster line",
                    "participant ", "participant " + participantId + " on the roster of cohort " + cohortId);
            print("HTTP nomination (traceparent " + traceparent(NOMINATION_TRACE) + ") -> session-service", rosterLine);
            assertThat(rosterLine.path("log").path("logger").asString()).startsWith("org.aula.session");
            assertThat(rosterLine.path("traceId").asString()).as(rosterLine.toString()).isEqualTo(NOMINATION_TRACE);

            // The schedule travels on its own (cohort.scheduled): until it arrives, the completion is refused with 409.
            URI completions = URI.create(session + "/cohorts/" + cohortId + "/completions");
            JsonNode completion = await().atMost(HOP).pollInterval(Duration.ofMillis(200))
                    .until(() -> tryPost(completions, coordinator, traceparent(COMPLETION_TRACE),
                            Map.of("participantId", participantId, "hoursAttended", 40)), Optional::isPresent)
                    .orElseThrow();
            assertThat(completion.path("decision").asString()).isEqualTo("COMPLETED");

            JsonNode certificateLine = awaitLine(output, "certification-service's certificate line",
                    "Issued certificate ", "of participant " + participantId + " in cohort " + cohortId);
            print("HTTP completion (traceparent " + traceparent(COMPLETION_TRACE) + ") -> certification-service",
                    certificateLine);
            assertThat(certificateLine.path("log").path("logger").asString()).startsWith("org.aula.certification");
            assertThat(certificateLine.path("traceId").asString()).as(certificateLine.toString()).isEqualTo(COMPLETION_TRACE);
        }
    }

    /** A sampled W3C trace context whose parent span id is the trace id's first half. */
    private static String traceparent(String traceId) {
        return "00-" + traceId + "-" + traceId.substring(0, 16) + "-01";
    }

    /** The one JSON console line whose message starts with {@code start} and contains {@code text}, once it has been logged. */
    private JsonNode awaitLine(CapturedOutput output, String what, String start, String text) {
        return await(what).atMost(HOP).pollInterval(Duration.ofMillis(200))
                .until(() -> jsonLines(output).stream().filter(line -> {
                    String message = line.path("message").asString("");
                    return message.startsWith(start) && message.contains(text);
                }).toList(), lines -> lines.size() == 1)
                .get(0);
    }

    private List<JsonNode> jsonLines(CapturedOutput output) {
        return output.getOut().lines().filter(line -> line.startsWith("{")).flatMap(line -> {
            try {
                return Stream.of(json.readTree(line));
            } catch (JacksonException notJson) {
                return Stream.empty();
            }
        }).toList();
    }

    private static void print(String hop, JsonNode line) {
        System.out.println("TRACE FOLLOWED: " + hop);
        System.out.println("  " + line.toString().strip());
    }

    private JsonNode post(URI uri, String bearerToken, @Nullable String traceparent, Object body) throws Exception {
        HttpResponse<String> response = send(uri, bearerToken, traceparent, body);
        assertThat(response.statusCode()).as("POST %s: %s", uri, response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }

    /** Empty while the service answers 409 (the schedule has not arrived yet). */
    private Optional<JsonNode> tryPost(URI uri, String bearerToken, @Nullable String traceparent, Object body) throws Exception {
        HttpResponse<String> response = send(uri, bearerToken, traceparent, body);
        if (response.statusCode() == 409) {
            return Optional.empty();
        }
        assertThat(response.statusCode()).as("POST %s: %s", uri, response.body()).isEqualTo(201);
        return Optional.of(json.readTree(response.body()));
    }

    private HttpResponse<String> send(URI uri, String bearerToken, @Nullable String traceparent, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Bearer " + bearerToken)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void initializeLogging(StandardEnvironment environment, @Nullable String configLocation) {
        logging.cleanUp();
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(environment), configLocation, null);
    }
}
