package org.aula.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.aula.events.CohortFilled;
import org.aula.events.CohortScheduled;
import org.aula.events.ParticipantEnrolled;
import org.aula.events.runtime.security.DeclaredRoles;
import org.aula.testsupport.EventScenario;
import org.aula.testsupport.OpenApiProbe;
import org.aula.testsupport.OpenApiProbe.Attack;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Malformed and hostile requests to every operation of the service's OpenAPI document, with a
 * token of a role the operation allows: no answer is a 5xx, and the requests a correct service
 * refuses change no row of the service's tables nor its outbox. The probe fills a path parameter
 * it is not attacking with {@code probe}, so a cohort {@code probe} of course {@code probe} with
 * participant {@code probe} exists: attacks on the other parameters reach real rows.
 */
@SessionServiceTest
class HostileInputIT {

    private static final String PROBE = "probe";


    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;
    @Autowired
    JdbcClient jdbc;

    private OpenApiProbe.Builder probe;

    @BeforeAll
    static void open() {
    }

    @AfterAll
    static void close() {
    }

    @BeforeEach
    void probeWithACohortItsSampleIdsName() {
        SessionApi api = new SessionApi(port);
        if (api.plan(PROBE).status() != 200) {
            Instant at = Instant.parse("2019-04-01T09:00:00Z");
            EventScenario.publish(new CohortScheduled(PROBE, "PROBE-2019", PROBE, "Probe course", 40, TestCohort.START,
                    TestCohort.END, "Belmopan", 2, "Probe Facilitator"));
            EventScenario.publish(new ParticipantEnrolled(UUID.randomUUID().toString(), PROBE, "PROBE-2019", PROBE, PROBE,
                    "Probe Official", "BZ-POLICE", 1, 1, 2, false, at));
            EventScenario.publish(new ParticipantEnrolled(UUID.randomUUID().toString(), PROBE, "PROBE-2019", PROBE, "probe-2",
                    "Second Official", "BZ-IMMIGRATION", 2, 2, 2, false, at.plusSeconds(60)));
            EventScenario.publish(new CohortFilled(PROBE, "PROBE-2019", PROBE, 2, 1, at.plusSeconds(120)));
            await().atMost(EventScenario.WAIT).until(() -> api.plan(PROBE).status() == 200);
        }
        DeclaredRoles roles = DeclaredRoles.of(handlers);
        probe = OpenApiProbe.forService("http://localhost:" + port)
                .allowedRoles(operation -> roles.claimValues(operation.method(), operation.path()))
                .partnerInstitution("BZ-POLICE");
    }

    @Test
    void refusableAttacksOnEveryOperationAnswerNo5xxAndChangeNothing() {
        awaitQuiet();

        OpenApiProbe.HostileInputReport report = probe.build().hostileInputs(Attack.refusable(), this::rowCounts);
        System.out.println("session-service " + report.summary());
        report.acceptedExamples().forEach(example -> System.out.println("  accepted: " + example));
        System.out.println("session-service hostile inputs: requests sent " + report.requests() + ", 5xx "
                + report.serverErrors() + ", state changes " + changes(report));

        assertThat(report.operations()).isEqualTo(21);
        assertThat(report.requests()).isGreaterThan(500);
        assertThat(report.serverErrors()).as(report.summary()).isZero();
        assertThat(report.transportErrors()).as(report.summary()).isZero();
        assertThat(report.stateChanged()).as(report.summary() + " " + report.stateBefore() + " -> " + report.stateAfter())
                .isFalse();
        assertThat(report.acceptedCount()).as(report.summary()).isZero();
        assertThat(report.statusCounts()).containsKeys(400, 404, 413, 415);
    }

    @Test
    void hostileButValidStringsAndAbsentOptionalsMayBeStoredButNeverCauseA5xx() {
        OpenApiProbe.HostileInputReport report = probe.build()
                .hostileInputs(EnumSet.of(Attack.HOSTILE_STRINGS, Attack.ABSENT_OPTIONALS), this::rowCounts);
        System.out.println("session-service (valid but nasty) " + report.summary());

        assertThat(report.requests()).isPositive();
        assertThat(report.serverErrors()).as(report.summary()).isZero();
        assertThat(report.transportErrors()).as(report.summary()).isZero();
    }

    /** The probe sends JSON bodies only, so the CSV upload gets its own malformed and hostile sheets. */
    @Test
    void hostileAttendanceSheetsAreRefusedWithoutA5xxAndRecordNothing() throws Exception {
        TestCohort cohort = TestCohort.ofSeats(2);
        EventScenario.publish(cohort.scheduled());
        EventScenario.publish(cohort.enrolled("ana", 1));
        EventScenario.publish(cohort.enrolled("bob", 2));
        EventScenario.publish(cohort.filled(1));
        SessionApi api = new SessionApi(port);
        await().atMost(EventScenario.WAIT).until(() -> api.plan(cohort.id).status() == 200);
        assertThat(api.deliver(cohort.id, "S01").status()).isEqualTo(201);
        String ana = cohort.participant("ana");
        awaitQuiet();
        Map<String, Long> before = rowCounts();
        String sheet = "/cohorts/" + cohort.id + "/sessions/S01/attendance";
        List<String[]> attacks = new ArrayList<>();                             // {content type, body}
        attacks.add(new String[] {"text/csv; charset=no-such-charset", "participantId,hours\n" + ana + ",1\n"});
        attacks.add(new String[] {"text/csv; charset=\"@@@\"", "participantId,hours\n" + ana + ",1\n"});
        attacks.add(new String[] {"text/csv; charset=", "participantId,hours\n" + ana + ",1\n"});
        attacks.add(new String[] {"text/csv; charset=UTF-16", "participantId,hours\n" + ana + ",1\n"});
        attacks.add(new String[] {"text/csv", ""});
        attacks.add(new String[] {"text/csv", "\n\n\n"});
        attacks.add(new String[] {"text/csv", "participantId,hours\n"});
        attacks.add(new String[] {"text/csv", "participantId,hours\n\"probe,1\n"});
        attacks.add(new String[] {"text/csv", "participantId,hours\n" + ana + ",\"1\"\"\n"});
        attacks.add(new String[] {"text/csv", "participantId,hours\n" + ana + "\u0000,1\n"});
        attacks.add(new String[] {"text/csv", "participantId,hours\n\u0000,1\n"});
        attacks.add(new String[] {"text/csv", "name,hours\n\u0000\u0000,1\n"});
        attacks.add(new String[] {"text/csv", "seat,hours\n99999999999999999999,1\n"});
        attacks.add(new String[] {"text/csv", "seat,hours\n-1,1\n"});
        attacks.add(new String[] {"text/csv", "participantId,hours\n" + ana + ",1e999999\n"});
        attacks.add(new String[] {"text/csv", "participantId,hours\n" + ana + ",NaN\n"});
        attacks.add(new String[] {"text/csv", "participantId,hours\n" + ana + ",-0\n"});
        attacks.add(new String[] {"text/csv", "participantId,hours\n" + ana + ",99999999999999999999999\n"});
        attacks.add(new String[] {"text/csv", "participantId,hours\n' OR 1=1 --,1\n"});
        attacks.add(new String[] {"text/csv", "participantId,hours\n" + "A".repeat(100_000) + ",1\n"});
        attacks.add(new String[] {"text/csv", "participantId,hours\n" + ana + ",1\n" + ana + ",1\n"});
        attacks.add(new String[] {"text/csv", "participantId,hours\n" + (ana + ",1\n").repeat(600)});
        attacks.add(new String[] {"text/csv", "email,hours\nana@example.org,1\n"});
        attacks.add(new String[] {"text/csv", "\"" + ",".repeat(50_000) + "\n"});
        attacks.add(new String[] {"text/csv", "participantId,hours\n" + "\"\"".repeat(10_000) + ",1\n"});
        attacks.add(new String[] {"text/csv", "participantId" + ",x".repeat(20_000) + ",hours\n" + ana + ",1\n"});
        attacks.add(new String[] {"application/json", "{\"participantId\":\"" + ana + "\",\"hours\":1}"});
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<String> serverErrors = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (String[] attack : attacks) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + sheet))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", TestTokens.bearer(TestTokens.facilitator()))
                    .header("Content-Type", attack[0])
                    .POST(HttpRequest.BodyPublishers.ofByteArray(attack[1].getBytes(StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            statuses.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() >= 300) {
                assertThat(response.headers().firstValue("Content-Type")).as(attack[0]).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
            }
            if (response.statusCode() >= 500 || response.statusCode() < 400) {
                serverErrors.add(attack[0] + " " + HostileInputIT.abbreviate(attack[1]) + " -> " + response.statusCode()
                        + " " + response.body());
            }
        }
        System.out.println("session-service hostile attendance sheets: requests sent " + attacks.size() + ", statuses "
                + statuses + ", state changes " + (before.equals(rowCounts()) ? 0 : 1));

        assertThat(serverErrors).as("sheets answered with 5xx or accepted").isEmpty();
        assertThat(rowCounts()).isEqualTo(before);
    }

    /** Row counts of every table of the service and of its outbox: the state the probe must not change. */
    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new TreeMap<>();
        List<String> tables = jdbc.sql("""
                select table_name from information_schema.tables
                where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'flyway%'
                order by table_name""").query(String.class).list();
        for (String table : tables) {
            counts.put(table, jdbc.sql("select count(*) from public.\"" + table + "\"").query(Long.class).single());
        }
        counts.put("aula_messaging.outbox", jdbc.sql("select count(*) from aula_messaging.outbox").query(Long.class).single());
        return counts;
    }

    /** Waits until no event of an earlier test is still changing the tables, so a change is the probe's. */
    private void awaitQuiet() {
        AtomicReference<Map<String, Long>> last = new AtomicReference<>(Map.of());
        await().atMost(EventScenario.WAIT).pollInterval(Duration.ofSeconds(1))
                .until(() -> last.getAndSet(rowCounts()).equals(last.get()));
    }

    private static long changes(OpenApiProbe.HostileInputReport report) {
        @SuppressWarnings("unchecked")
        Map<String, Long> before = (Map<String, Long>) report.stateBefore();
        @SuppressWarnings("unchecked")
        Map<String, Long> after = (Map<String, Long>) report.stateAfter();
        return after.entrySet().stream().filter(entry -> !entry.getValue().equals(before.get(entry.getKey()))).count();
    }

    private static String abbreviate(String value) {
        String printable = value.replace("\u0000", "\\0").replace("\n", "\\n");
        return printable.length() <= 60 ? printable : printable.substring(0, 57) + "...";
    }
}
