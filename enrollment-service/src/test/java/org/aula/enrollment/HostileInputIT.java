package org.aula.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.aula.events.runtime.security.DeclaredRoles;
import org.aula.testsupport.OpenApiProbe;
import org.aula.testsupport.OpenApiProbe.Attack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every operation of the OpenAPI document driven with malformed and hostile requests (unknown and malformed ids,
 * hostile query values, malformed JSON, wrong content types, wrong types, oversized bodies), with a token of a
 * role it allows: no answer is a 5xx and nothing changes (row counts of every table and of the outbox). Valid but
 * nasty strings (injections, NUL, lone surrogates, very long) may be stored, but never cause a 5xx either.
 */
@EnrollmentIntegrationTest
class HostileInputIT {

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;
    @Autowired
    JdbcClient jdbc;

    @Test
    void noHostileRequestIsAnswered5xxAndTheRefusableOnesChangeNothing() {
        OpenApiProbe probe = probe();
        awaitQuiet();

        OpenApiProbe.HostileInputReport report = probe.hostileInputs(Attack.refusable(), this::rowCounts);
        System.out.println("enrollment-service " + report.summary());
        System.out.println("enrollment-service hostile requests sent " + report.requests() + ", 5xx " + report.serverErrors()
                + ", state changes " + (report.stateChanged() ? 1 : 0) + " (row counts before " + report.stateBefore()
                + ", after " + report.stateAfter() + ")");
        report.acceptedExamples().forEach(example -> System.out.println("  accepted: " + example));

        assertThat(report.operations()).isEqualTo(46);
        assertThat(report.requests()).isGreaterThan(1000);
        assertThat(report.serverErrors()).as(report.summary()).isZero();
        assertThat(report.transportErrors()).as(report.summary()).isZero();
        assertThat(report.stateChanged()).as(report.summary()).isFalse();
        assertThat(report.statusCounts()).containsKeys(400, 404, 413, 415).doesNotContainKeys(401, 403);
    }

    @Test
    void validButNastyStringsAndAbsentOptionalsMayBeStoredButNeverCauseA5xx() {
        OpenApiProbe.HostileInputReport report = probe().hostileInputs(
                EnumSet.of(Attack.HOSTILE_STRINGS, Attack.ABSENT_OPTIONALS), this::rowCounts);
        System.out.println("enrollment-service " + report.summary());

        assertThat(report.requests()).isPositive();
        assertThat(report.serverErrors()).as(report.summary()).isZero();
        assertThat(report.transportErrors()).as(report.summary()).isZero();
    }

    @Test
    void aLongQueryOfParametersAListDoesNotKnowIsNoServerError() {
        // The paging links repeat the query; four copies of a long one would not fit in the response headers.
        Api.Response answer = new Api(port).get("/cohorts?ignored=" + "A".repeat(6000));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers().getFirst("X-Total-Count")).isNotNull();
        assertThat(answer.headers().getFirst("Link")).isNull();
    }

    private OpenApiProbe probe() {
        DeclaredRoles roles = DeclaredRoles.of(handlers);
        return OpenApiProbe.forService("http://localhost:" + port)
                .allowedRoles(operation -> roles.claimValues(operation.method(), operation.path()))
                .partnerInstitution("POLICE")
                .build();
    }

    private Map<String, Integer> rowCounts() {
        return InvalidRequestIT.rowCounts(jdbc);
    }

    /**
     * Waits until what earlier tests set going has settled (the offer consumer reacting to their events writes
     * offers and outbox rows), so that a change of the counts during the run is the run's.
     */
    private void awaitQuiet() {
        AtomicReference<Map<String, Integer>> last = new AtomicReference<>(rowCounts());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Map<String, Integer> now = rowCounts();
            boolean settled = now.equals(last.get()) && unpublished() == 0;
            last.set(now);
            return settled;
        });
    }

    private int unpublished() {
        return jdbc.sql("select count(*) from aula_messaging.outbox where published_at is null").query(Integer.class).single();
    }
}
