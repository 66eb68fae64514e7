package org.aula.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.aula.events.runtime.security.DeclaredRoles;
import org.aula.events.runtime.security.Role;
import org.aula.testsupport.OpenApiProbe;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what, generated from the service's own OpenAPI document and the controllers' {@code @PreAuthorize}
 * (not a hand-picked list): every operation refuses a caller without a token, with an expired or a forged one
 * (401), and with each role it does not allow (403). Partner scoping on real rows is {@link PartnerIsolationIT}.
 */
@EnrollmentIntegrationTest
class AccessControlIT {

    private static final int OPERATIONS = 46;

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @Test
    void everyOperationOfTheOpenApiDocumentRefusesMissingBadAndDisallowedTokens() {
        DeclaredRoles roles = DeclaredRoles.of(handlers);
        OpenApiProbe probe = OpenApiProbe.forService("http://localhost:" + port)
                .allowedRoles(operation -> roles.claimValues(operation.method(), operation.path()))
                .partnerInstitution("POLICE")
                .build();

        OpenApiProbe.AuthMatrixReport report = probe.authMatrix();
        System.out.println("enrollment-service " + report.summary());

        assertThat(report.operations()).isEqualTo(serviceOperations().size()).isEqualTo(OPERATIONS);
        assertThat(report.publicOperations()).isZero();
        assertThat(report.unauthenticated()).isEqualTo(3 * OPERATIONS);
        // Each role not allowed: 15 staff-only operations x 2 (facilitator, partner), 17 open to partners x 1
        // (facilitator; 10 of them webhooks), 12 open to every role x 0.
        assertThat(report.forbidden()).isEqualTo(47);
        assertThat(report.unexpected()).as(report.summary()).isEmpty();
    }

    @Test
    void everyControllerMethodDeclaresItsRoles() {
        assertThat(handlers.getHandlerMethods().values()).filteredOn(AccessControlIT::ownHandler)
                .hasSize(OPERATIONS)
                .allSatisfy(handler -> assertThat(AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(),
                        PreAuthorize.class)).as(handler.toString()).isNotNull());
    }

    @Test
    void theRolesFollowThePlatformPolicy() {
        Set<Role> staff = Set.of(Role.COORDINATOR, Role.OPERATIONS);
        Set<Role> partnersToo = Set.of(Role.COORDINATOR, Role.OPERATIONS, Role.PARTNER);
        Set<Role> all = Set.of(Role.COORDINATOR, Role.OPERATIONS, Role.FACILITATOR, Role.PARTNER);

        assertThat(serviceOperations()).containsExactlyInAnyOrderEntriesOf(new TreeMap<>(Map.ofEntries(
                // the catalogue: staff define it; it holds no personal data, so every role reads it
                Map.entry("PUT /institutions/{code}", staff),
                Map.entry("GET /institutions/{code}", all),
                Map.entry("GET /institutions", all),
                Map.entry("PUT /courses/{code}", staff),
                Map.entry("GET /courses/{code}", all),
                Map.entry("GET /courses", all),
                Map.entry("PUT /programmes/{code}", staff),
                Map.entry("GET /programmes/{code}", all),
                Map.entry("GET /programmes", all),
                // officials: a partner reads its own institution's; erasure is staff's
                Map.entry("GET /institutions/{code}/nominees", partnersToo),
                Map.entry("POST /participants", staff),
                Map.entry("GET /participants", partnersToo),
                Map.entry("GET /participants/{participantId}", partnersToo),
                Map.entry("POST /participants/{participantId}/erasure", staff),
                // cohorts: everyone reads them; staff schedule them and move them along
                Map.entry("POST /cohorts", staff),
                Map.entry("GET /cohorts", all),
                Map.entry("GET /cohorts/{cohortId}", all),
                Map.entry("POST /cohorts/{cohortId}/open", staff),
                Map.entry("POST /cohorts/{cohortId}/start-delivery", staff),
                Map.entry("POST /cohorts/{cohortId}/complete", staff),
                Map.entry("POST /cohorts/{cohortId}/cancel", staff),
                Map.entry("PUT /cohorts/{cohortId}/quotas/{institutionCode}", staff),
                Map.entry("DELETE /cohorts/{cohortId}/quotas/{institutionCode}", staff),
                // nominations: partners for their own officials; rosters: facilitators too, partners their own lines
                Map.entry("POST /cohorts/{cohortId}/enrolments", partnersToo),
                Map.entry("POST /cohorts/{cohortId}/nominations", partnersToo),
                Map.entry("GET /cohorts/{cohortId}/enrolments", all),
                Map.entry("GET /cohorts/{cohortId}/roster", all),
                Map.entry("GET /cohorts/{cohortId}/waitlist", all),
                Map.entry("GET /cohorts/{cohortId}/enrolments/{enrolmentId}", all),
                // withdrawals and substitutions: partners for their own officials (issue 12)
                Map.entry("DELETE /cohorts/{cohortId}/enrolments/{enrolmentId}", partnersToo),
                Map.entry("POST /cohorts/{cohortId}/enrolments/{enrolmentId}/substitution", partnersToo),
                // offers: staff, and partners for their own officials, accept or decline them
                Map.entry("GET /offers", partnersToo),
                Map.entry("GET /offers/{offerId}", partnersToo),
                Map.entry("POST /offers/{offerId}/acceptance", partnersToo),
                Map.entry("POST /offers/{offerId}/decline", partnersToo),
                Map.entry("POST /demo-data", staff),
                // webhooks: a partner manages its own institution's, staff every institution's
                Map.entry("POST /partners/{institutionCode}/webhooks", partnersToo),
                Map.entry("GET /partners/{institutionCode}/webhooks", partnersToo),
                Map.entry("GET /partners/{institutionCode}/webhooks/{webhookId}", partnersToo),
                Map.entry("DELETE /partners/{institutionCode}/webhooks/{webhookId}", partnersToo),
                Map.entry("POST /partners/{institutionCode}/webhooks/{webhookId}/pause", partnersToo),
                Map.entry("POST /partners/{institutionCode}/webhooks/{webhookId}/resume", partnersToo),
                Map.entry("POST /partners/{institutionCode}/webhooks/{webhookId}/secret", partnersToo),
                Map.entry("GET /partners/{institutionCode}/webhooks/{webhookId}/deliveries", partnersToo),
                Map.entry("POST /partners/{institutionCode}/webhooks/{webhookId}/replay", partnersToo),
                Map.entry("POST /partners/{institutionCode}/webhooks/{webhookId}/redrive", partnersToo))));
    }

    @Test
    void unsignedTokensAreRefusedAndActuatorEndpointsBeyondHealthNeedOperations() {
        assertThat(Api.as(port, TestTokens.unsigned()).get("/cohorts").status()).isEqualTo(401);
        assertThat(Api.anonymous(port).get("/cohorts?code=BMM-2019-05").status()).isEqualTo(401);
        assertThat(Api.anonymous(port).get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(Api.anonymous(port).get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(Api.anonymous(port).get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(new Api(port).get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(Api.as(port, TestTokens.operations()).get("/actuator/prometheus").status()).isEqualTo(200);
    }

    /** The roles of this service's own operations ("POST /cohorts/{cohortId}/enrolments"), not springdoc's. */
    private Map<String, Set<Role>> serviceOperations() {
        Map<String, Set<Role>> declared = DeclaredRoles.of(handlers).byOperation();
        Map<String, Set<Role>> own = new TreeMap<>();
        handlers.getHandlerMethods().forEach((mapping, handler) -> {
            if (ownHandler(handler)) {
                mapping.getMethodsCondition().getMethods().forEach(method -> mapping.getPatternValues()
                        .forEach(path -> own.put(method.name() + " " + path, declared.get(method.name() + " " + path))));
            }
        });
        return own;
    }

    private static boolean ownHandler(HandlerMethod handler) {
        return handler.getBeanType().getPackageName().startsWith("org.aula.enrollment");
    }

    @Test
    void theOpenApiDocumentNamesTheServiceAndDeclaresTheBearerSchemeWithEachOperationsRoles() {
        org.aula.testsupport.OpenApiSecurityCheck document = org.aula.testsupport.OpenApiSecurityCheck.of("http://localhost:" + port);

        assertThat(document.title()).isEqualTo("Aula enrollment service");
        assertThat(document.version()).isEqualTo("v1");
        assertThat(document.description()).isNotBlank();
        assertThat(document.bearerScheme()).isTrue();
        assertThat(document.protectedOperations()).isGreaterThan(3);
        assertThat(document.problems()).as("operations without the bearer scheme and their roles").isEmpty();
    }
}
