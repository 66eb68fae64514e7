package org.aula.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.aula.certification.CourseCompletedFixture.Cohort;
import org.aula.events.CourseCompleted;
import org.aula.events.runtime.security.DeclaredRoles;
import org.aula.testsupport.ApiOperation;
import org.aula.testsupport.EventScenario;
import org.aula.testsupport.OpenApiProbe;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;

/**
 * Who may call what, generated from the service's own OpenAPI document and the roles its
 * controllers declare: every protected operation refuses a missing, expired or forged token (401)
 * and every role it does not allow (403); the public ones answer without a token. Then partner
 * isolation on real certificates: a partner lists only the holders its institution nominated.
 */
@CertificationServiceTest
class AccessControlIT {

    /** What a verifier needs, callable without an account (the role policy's public operations). */
    static final Set<String> PUBLIC_OPERATIONS = Set.of(
            "GET /certificates/{number}/verification",
            "GET /diplomas/{number}/verification",
            "POST /verifications",
            "GET /.well-known/jwks.json",
            "GET /status-lists/{listId}",
            "GET /issuer",
            "GET /organisations/{code}/logo",
            "GET /holder/{token}",
            "GET /holder/{token}/certificate.pdf",
            "GET /holder/{token}/credential");

    private static final String POLICE = "BZ-POLICE";
    private static final String MINISTRY = "BZ-MINISTRY";

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    private Api coordinator;

    @BeforeEach
    void connect() {
        coordinator = new Api(port);
    }

    /** The probe over the whole document: public operations by the policy, roles from {@code @PreAuthorize}. */
    static OpenApiProbe probe(int port, RequestMappingHandlerMapping handlers) {
        DeclaredRoles roles = DeclaredRoles.of(handlers);
        return OpenApiProbe.forService("http://localhost:" + port)
                .publicOperations(operation -> PUBLIC_OPERATIONS.contains(operation.toString()))
                .allowedRoles(operation -> roles.claimValues(operation.method(), operation.path()))
                .partnerInstitution(POLICE)
                .build();
    }

    @Test
    void everyProtectedOperationRefusesMissingBadAndDisallowedTokensAndThePublicOnesNeedNone() {
        OpenApiProbe probe = probe(port, handlers);

        OpenApiProbe.AuthMatrixReport report = probe.authMatrix();
        System.out.println("certification-service " + report.summary());

        assertThat(probe.operations()).extracting(ApiOperation::toString).containsAll(PUBLIC_OPERATIONS);
        assertThat(report.operations()).isEqualTo(31);
        assertThat(report.publicOperations()).isEqualTo(PUBLIC_OPERATIONS.size());
        // 21 protected operations x (no token, expired, forged)
        assertThat(report.unauthenticated()).isEqualTo(63);
        // facilitator on all 21, partner on the 19 that are staff (and reporting) only (it may list certificates
        // and see diploma progress)
        assertThat(report.forbidden()).isEqualTo(40);
        assertThat(report.unexpected()).as(report.summary()).isEmpty();
    }

    @Test
    void everyControllerMethodDeclaresWhoMayCallIt() {
        List<Method> undeclared = handlers.getHandlerMethods().values().stream()
                .filter(handler -> handler.getBeanType().getPackageName().startsWith("org.aula.certification"))
                .map(handler -> handler.getMethod())
                .filter(method -> !AnnotatedElementUtils.hasAnnotation(method, PreAuthorize.class))
                .toList();

        assertThat(undeclared).isEmpty();
    }

    @Test
    void onlyStaffAndPartnersListCertificatesOnlyStaffSeeTheRestAndReportingReadsFigures() {
        DeclaredRoles roles = DeclaredRoles.of(handlers);

        assertThat(roles.claimValues("GET", "/certificates")).containsExactlyInAnyOrder("coordinator", "operations", "partner");
        assertThat(roles.claimValues("GET", "/diplomas/progress")).containsExactlyInAnyOrder("coordinator", "operations", "partner");
        for (String staffOnly : List.of("GET /certificates/{number}", "GET /certificates/{number}/credential",
                "GET /certificates/{number}/pdf", "POST /certificates/{number}/revocation", "GET /diplomas",
                "GET /diplomas/{number}", "GET /diplomas/{number}/credential")) {
            String[] operation = staffOnly.split(" ");
            assertThat(roles.claimValues(operation[0], operation[1])).as(staffOnly)
                    .containsExactlyInAnyOrder("coordinator", "operations");
        }
        // figures without names: staff and the donors' read-only reporting role
        for (String figures : List.of("/metrics/completions", "/reports/completions", "/reports/completions.csv",
                "/reports/completions.pdf")) {
            assertThat(roles.claimValues("GET", figures)).as(figures)
                    .containsExactlyInAnyOrder("coordinator", "operations", "reporting");
        }
    }

    @Test
    void aPartnerListsOnlyTheCertificatesOfHoldersItsInstitutionNominated() {
        Cohort cohort = CourseCompletedFixture.aCohort();
        CourseCompleted police = cohort.completionOf(POLICE, "Constant Pascascio");
        CourseCompleted ministry = cohort.completionOf(MINISTRY, "Marisol Chan");
        EventScenario.publish(police, UUID.randomUUID());
        EventScenario.publish(ministry, UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).until(() -> certificatesOfCohort(coordinator, cohort, null).json().size() == 2);
        Api policePartner = Api.as(port, TestTokens.partner(POLICE));
        Api ministryPartner = Api.as(port, TestTokens.partner(MINISTRY));

        assertThat(participants(certificatesOfCohort(policePartner, cohort, null))).containsExactly(police.participantId());
        assertThat(participants(certificatesOfCohort(ministryPartner, cohort, null))).containsExactly(ministry.participantId());
        assertThat(participants(certificatesOfCohort(policePartner, cohort, POLICE))).containsExactly(police.participantId());
        assertThat(participants(policePartner.get(uri -> uri.path("/certificates")
                .queryParam("participantId", ministry.participantId()).build()))).isEmpty();
        // staff see every institution, and may narrow to one
        assertThat(participants(certificatesOfCohort(coordinator, cohort, null)))
                .containsExactlyInAnyOrder(police.participantId(), ministry.participantId());
        assertThat(participants(certificatesOfCohort(coordinator, cohort, MINISTRY))).containsExactly(ministry.participantId());
    }

    @Test
    void aPartnerAskingForAnotherInstitutionsCertificatesIsForbidden() {
        Cohort cohort = CourseCompletedFixture.aCohort();
        CourseCompleted ministry = cohort.completionOf(MINISTRY, "Marisol Chan");
        EventScenario.publish(ministry, UUID.randomUUID());
        String number = await().atMost(Duration.ofSeconds(30))
                .until(() -> certificatesOfCohort(coordinator, cohort, null).json(), list -> list.size() == 1)
                .get(0).get("number").asString();
        Api policePartner = Api.as(port, TestTokens.partner(POLICE));

        Api.Response otherInstitution = certificatesOfCohort(policePartner, cohort, MINISTRY);
        Api.Response oneByNumber = policePartner.get("/certificates/{number}", number);
        Api.Response credential = policePartner.get("/certificates/{number}/credential", number);

        for (Api.Response refused : List.of(otherInstitution, oneByNumber, credential)) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.headers().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
            assertThat(refused.json().toString()).doesNotContain("Marisol Chan");
        }
        assertThat(certificatesOfCohort(Api.as(port, TestTokens.partner(MINISTRY)), cohort, MINISTRY).status()).isEqualTo(200);
    }

    @Test
    void aFacilitatorSeesNothingBeyondWhatIsPublic() {
        Cohort cohort = CourseCompletedFixture.aCohort();
        CourseCompleted completion = cohort.completion("Constant Pascascio");
        EventScenario.publish(completion, UUID.randomUUID());
        String number = await().atMost(Duration.ofSeconds(30))
                .until(() -> certificatesOfCohort(coordinator, cohort, null).json(), list -> list.size() == 1)
                .get(0).get("number").asString();
        Api facilitator = Api.as(port, TestTokens.facilitator());

        assertThat(certificatesOfCohort(facilitator, cohort, null).status()).isEqualTo(403);
        assertThat(facilitator.get("/certificates/{number}", number).status()).isEqualTo(403);
        assertThat(facilitator.get("/certificates/{number}/verification", number).status()).isEqualTo(200);
        assertThat(Api.anonymous(port).get("/certificates/{number}/verification", number).json()
                .get("verificationStatus").asString()).isEqualTo("VALID");
    }

    private static Api.Response certificatesOfCohort(Api api, Cohort cohort, String institutionCode) {
        return api.get(uri -> {
            uri.path("/certificates").queryParam("cohortId", cohort.id());
            if (institutionCode != null) {
                uri.queryParam("institutionCode", institutionCode);
            }
            return uri.build();
        });
    }

    private static List<String> participants(Api.Response answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode list = answer.json();
        return list.findValuesAsString("participantId");
    }

    @Test
    void theOpenApiDocumentNamesTheServiceAndDeclaresTheBearerSchemeWithEachOperationsRoles() {
        org.aula.testsupport.OpenApiSecurityCheck document = org.aula.testsupport.OpenApiSecurityCheck.of("http://localhost:" + port);

        assertThat(document.title()).isEqualTo("Aula certification service");
        assertThat(document.version()).isEqualTo("v1");
        assertThat(document.description()).isNotBlank();
        assertThat(document.bearerScheme()).isTrue();
        assertThat(document.protectedOperations()).isGreaterThan(3);
        assertThat(document.problems()).as("operations without the bearer scheme and their roles").isEmpty();
    }
}
