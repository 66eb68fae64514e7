package org.aula.events.securitytest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.aula.events.runtime.security.DeclaredRoles;
import org.aula.testsupport.OpenApiProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI-driven probe against a real secured Spring service: the roles come from the
 * controllers' {@code @PreAuthorize}, the operations from the service's own document.
 */
@SecuredHttp.SecuredServiceTest
class OpenApiProbeIT {

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;
    @Autowired
    SecuredTestApplication.Endpoints endpoints;

    OpenApiProbe.Builder probe;

    @BeforeEach
    void probe() {
        DeclaredRoles roles = DeclaredRoles.of(handlers);
        probe = OpenApiProbe.forService("http://localhost:" + port)
                .publicOperations(operation -> operation.path().startsWith("/public/"))
                .allowedRoles(operation -> roles.claimValues(operation.method(), operation.path()))
                .partnerInstitution("POLICE");
    }

    @Test
    void everyProtectedOperationRefusesMissingBadAndDisallowedTokens() {
        OpenApiProbe.AuthMatrixReport report = probe.build().authMatrix();
        System.out.println(report.summary());

        assertThat(report.operations()).isEqualTo(6);
        assertThat(report.publicOperations()).isEqualTo(1);
        // 5 protected operations x (none, expired, forged); roles not allowed: POST /cohorts 3,
        // GET /cohorts/{id} 1, institutions 2, /me 0, /broken 3.
        assertThat(report.unauthenticated()).isEqualTo(15);
        assertThat(report.forbidden()).isEqualTo(9);
        assertThat(report.unexpected()).as(report.summary()).isEmpty();
    }

    @Test
    void wellBehavedOperationsAnswerNoHostileRequestWith5xxAndChangeNothing() {
        OpenApiProbe wellBehaved = probe.only(operation -> !operation.path().equals("/broken")).build();

        OpenApiProbe.HostileInputReport report = wellBehaved.hostileInputs(OpenApiProbe.Attack.refusable(), endpoints::cohortIds);
        System.out.println(report.summary());

        assertThat(report.requests()).isGreaterThan(50);
        assertThat(report.serverErrors()).as(report.summary()).isZero();
        assertThat(report.transportErrors()).as(report.summary()).isZero();
        assertThat(report.stateChanged()).as(report.summary()).isFalse();
        assertThat(report.statusCounts()).containsKeys(400, 404, 413, 415);
    }

    @Test
    void hostileStringsThatAreValidMayBeStoredButNeverCauseA5xx() {
        OpenApiProbe cohorts = probe.only(operation -> operation.path().startsWith("/cohorts")).build();

        OpenApiProbe.HostileInputReport report = cohorts.hostileInputs(
                Set.of(OpenApiProbe.Attack.HOSTILE_STRINGS, OpenApiProbe.Attack.ABSENT_OPTIONALS), endpoints::cohortIds);

        assertThat(report.requests()).isPositive();
        assertThat(report.serverErrors()).as(report.summary()).isZero();
    }

    @Test
    void findsTheOperationThatFailsOnBadInput() {
        OpenApiProbe broken = probe.only(operation -> operation.path().equals("/broken")).build();

        OpenApiProbe.HostileInputReport report = broken.hostileInputs(OpenApiProbe.Attack.refusable(), endpoints::brokenCallCount);

        assertThat(report.serverErrors()).isPositive();
        assertThat(report.serverErrorExamples()).allSatisfy(example -> assertThat(example).startsWith("POST /broken"));
        assertThat(report.stateChanged()).isTrue();
        assertThat(List.copyOf(report.statusCounts().keySet())).contains(500);
    }
}
