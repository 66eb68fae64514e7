package org.aula.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.aula.certification.CourseCompletedFixture.Cohort;
import org.aula.events.CourseCompleted;
import org.aula.testsupport.EventScenario;
import org.aula.testsupport.OpenApiProbe;
import org.aula.testsupport.OpenApiProbe.Attack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every operation of the OpenAPI document driven with malformed and hostile requests (bad JSON,
 * wrong types and content types, oversized bodies, injection strings, unknown and malformed ids)
 * by a caller it allows: no answer is a 5xx, and the refusable attacks change no row of the
 * service's tables or the outbox.
 */
@CertificationServiceTest
class HostileInputIT {

    /** Strings a caller may send in a free-text field: stored or refused, never a 5xx. */
    private static final List<String> HOSTILE_TEXTS = List.of("' OR 1=1 --", "'; DROP TABLE certificate; --",
            "<script>alert(1)</script>", "${jndi:ldap://probe.invalid/a}", "probe\u0000probe", "\u0000", "\ud800",
            "\udfff\ud800", "\u202e\u200b\ufeff", "\r\nX-Injected: 1", "e\u0301\u0301\u0301");

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;
    @Autowired
    JdbcClient jdbc;

    @Test
    void refusableAttacksOnEveryOperationGetNo5xxAndChangeNothing() {
        OpenApiProbe probe = AccessControlIT.probe(port, handlers);
        awaitQuiet();

        OpenApiProbe.HostileInputReport report = probe.hostileInputs(Attack.refusable(), this::rowCounts);
        System.out.println("certification-service " + report.summary());
        System.out.println("certification-service hostile inputs: requests sent " + report.requests() + ", 5xx "
                + report.serverErrors() + ", state changes " + changes(report));

        assertThat(report.requests()).isGreaterThan(300);
        assertThat(report.serverErrors()).as(report.summary()).isZero();
        assertThat(report.transportErrors()).as(report.summary()).isZero();
        assertThat(report.stateChanged()).as(report.summary()).isFalse();
        assertThat(report.statusCounts()).containsKeys(400, 404, 413, 415);
    }

    @Test
    void validButNastyValuesOnEveryOperationNeverCauseA5xx() {
        OpenApiProbe probe = AccessControlIT.probe(port, handlers);

        OpenApiProbe.HostileInputReport report = probe.hostileInputs(EnumSet.of(Attack.HOSTILE_STRINGS, Attack.ABSENT_OPTIONALS),
                this::rowCounts);
        System.out.println("certification-service (valid but nasty) " + report.summary());

        assertThat(report.requests()).isPositive();
        assertThat(report.serverErrors()).as(report.summary()).isZero();
        assertThat(report.transportErrors()).as(report.summary()).isZero();
    }

    /**
     * The probe knows no certificate number, so its revocations stop at 404: here hostile reasons
     * reach a real certificate. Each is refused (400) or stored as given; none is a 5xx, and a
     * refused one leaves the certificate standing.
     */
    @Test
    void hostileRevocationReasonsForARealCertificateAreRefusedOrStoredNeverA5xx() {
        Api api = new Api(port);
        Cohort cohort = CourseCompletedFixture.aCohort();
        for (int i = 0; i < HOSTILE_TEXTS.size(); i++) {
            EventScenario.publish(cohort.completion("Official " + i), UUID.randomUUID());
        }
        List<String> numbers = await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get(uri -> uri.path("/certificates").queryParam("cohortId", cohort.id()).build()).json(),
                        list -> list.size() == HOSTILE_TEXTS.size())
                .findValuesAsString("number");

        for (int i = 0; i < HOSTILE_TEXTS.size(); i++) {
            String reason = HOSTILE_TEXTS.get(i);
            String number = numbers.get(i);
            Api.Response answer = api.post("/certificates/{number}/revocation", MediaType.APPLICATION_JSON,
                    "{\"reason\":\"" + jsonEscaped(reason) + "\"}", number);
            String status = Api.anonymous(port).get("/certificates/{number}/verification", number).json()
                    .get("verificationStatus").asString();

            assertThat(answer.status()).as("reason %s: %s", escaped(reason), answer.body()).isIn(200, 400);
            assertThat(status).as("reason %s", escaped(reason)).isEqualTo(answer.status() == 200 ? "REVOKED" : "VALID");
        }
    }

    /** Rows per table of the service and of the runtime (outbox, inbox), and how many certificates are revoked. */
    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new TreeMap<>();
        List<String> tables = jdbc.sql("""
                select table_schema || '.' || table_name from information_schema.tables
                where table_schema in ('public', 'aula_messaging') and table_type = 'BASE TABLE'
                """).query(String.class).list();
        for (String table : tables) {
            counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        counts.put("public.certificate (revoked)",
                jdbc.sql("select count(*) from certificate where revoked_at is not null").query(Long.class).single());
        return counts;
    }

    /** Waits until other tests' events are all processed, so what changes during the probe is the probe's doing. */
    private void awaitQuiet() {
        AtomicReference<Map<String, Long>> last = new AtomicReference<>(Map.of());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    Map<String, Long> now = rowCounts();
                    return now.equals(last.getAndSet(now));
                });
    }

    @SuppressWarnings("unchecked")
    private static long changes(OpenApiProbe.HostileInputReport report) {
        Map<String, Long> before = (Map<String, Long>) report.stateBefore();
        Map<String, Long> after = (Map<String, Long>) report.stateAfter();
        return before.keySet().stream().filter(table -> !before.get(table).equals(after.get(table))).count();
    }

    /** Every char outside printable ASCII as {@code \\uXXXX} (lone surrogates included), for a JSON string or a message. */
    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }

    private static String jsonEscaped(String text) {
        return escaped(text.replace("\\", "\\\\").replace("\"", "\\\""));
    }
}
