package org.aula.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.aula.events.runtime.security.DeclaredRoles;
import org.aula.events.runtime.security.Role;
import org.aula.testsupport.EventScenario;
import org.aula.testsupport.OpenApiProbe;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;

/**
 * Who may call what: generated from the service's own OpenAPI document and the controllers'
 * {@code @PreAuthorize}, every operation refuses a caller without a valid token (401) and each role
 * it does not allow (403); partners read only their own institution's decisions, on real rows.
 */
@SessionServiceTest
class AccessControlIT {

    private static final String POLICE = "BZ-POLICE";
    private static final String IMMIGRATION = "BZ-IMMIGRATION";


    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void open() {
    }

    @AfterAll
    static void close() {
    }

    @Test
    void everyOperationOfTheOpenApiDocumentRefusesMissingBadAndDisallowedTokens() {
        DeclaredRoles roles = DeclaredRoles.of(handlers);
        OpenApiProbe probe = OpenApiProbe.forService("http://localhost:" + port)
                .allowedRoles(operation -> roles.claimValues(operation.method(), operation.path()))
                .partnerInstitution(POLICE)
                .build();

        OpenApiProbe.AuthMatrixReport report = probe.authMatrix();
        System.out.println("session-service " + report.summary());

        assertThat(report.operations()).isEqualTo(serviceOperations().size()).isEqualTo(21);
        assertThat(report.publicOperations()).isZero();
        assertThat(report.unauthenticated()).isEqualTo(3 * report.operations());
        assertThat(report.forbidden()).isPositive();
        assertThat(report.unexpected()).as(report.summary()).isEmpty();
    }

    @Test
    void everyControllerMethodDeclaresItsRoles() {
        assertThat(handlers.getHandlerMethods().values()).filteredOn(this::ownHandler)
                .hasSize(21)
                .allSatisfy(handler -> assertThat(AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(),
                        PreAuthorize.class)).as(handler.toString()).isNotNull());
    }

    @Test
    void theRolesFollowThePlatformPolicy() {
        Set<Role> staff = Set.of(Role.COORDINATOR, Role.OPERATIONS);
        Set<Role> deliveryTeam = Set.of(Role.COORDINATOR, Role.FACILITATOR, Role.OPERATIONS);
        Set<Role> decisionReaders = Set.of(Role.COORDINATOR, Role.FACILITATOR, Role.OPERATIONS, Role.PARTNER);

        Map<String, Set<Role>> declared = serviceOperations();

        assertThat(declared).containsExactlyInAnyOrderEntriesOf(new TreeMap<>(Map.ofEntries(
                Map.entry("GET /cohorts/{cohortId}/roster", deliveryTeam),
                Map.entry("POST /cohorts/{cohortId}/roster/lock", staff),
                Map.entry("GET /cohorts/{cohortId}/plan", deliveryTeam),
                Map.entry("PUT /cohorts/{cohortId}/plan/sessions/{sessionId}", staff),
                Map.entry("POST /cohorts/{cohortId}/plan/sessions", staff),
                Map.entry("DELETE /cohorts/{cohortId}/plan/sessions/{sessionId}", staff),
                Map.entry("POST /cohorts/{cohortId}/sessions/{sessionId}/delivery", Set.of(Role.FACILITATOR)),
                Map.entry("PUT /cohorts/{cohortId}/sessions/{sessionId}/attendance/{participantId}", deliveryTeam),
                Map.entry("POST /cohorts/{cohortId}/sessions/{sessionId}/attendance", deliveryTeam),
                Map.entry("GET /cohorts/{cohortId}/sessions/{sessionId}/attendance", deliveryTeam),
                Map.entry("GET /cohorts/{cohortId}/sessions/{sessionId}/attendance/{participantId}", deliveryTeam),
                Map.entry("GET /cohorts/{cohortId}/assessments", deliveryTeam),
                Map.entry("PUT /cohorts/{cohortId}/assessments/{assessmentCode}/results/{participantId}", deliveryTeam),
                Map.entry("GET /courses/{courseCode}/completion-rule", staff),
                Map.entry("GET /courses/{courseCode}/completion-rule/versions", staff),
                Map.entry("PUT /courses/{courseCode}/completion-rule", staff),
                Map.entry("POST /cohorts/{cohortId}/delivery/close", staff),
                Map.entry("GET /cohorts/{cohortId}/delivery/closure", deliveryTeam),
                Map.entry("POST /cohorts/{cohortId}/completions", staff),
                Map.entry("GET /cohorts/{cohortId}/completions", decisionReaders),
                Map.entry("GET /cohorts/{cohortId}/completions/{participantId}", decisionReaders))));
    }

    @Test
    void aPartnerReadsTheDecisionsOfItsOwnInstitutionOnlyAndIsRefusedAnotherInstitutionsParticipant() {
        // ana and bob work for the police, cy and di for immigration (TestCohort.institution).
        TestCohort cohort = decidedCohort();
        SessionApi police = new SessionApi(port).as(TestTokens.partner(POLICE));
        SessionApi immigration = new SessionApi(port).as(TestTokens.partner(IMMIGRATION));
        SessionApi elsewhere = new SessionApi(port).as(TestTokens.partner("BZ-CUSTOMS"));
        String completions = "/cohorts/" + cohort.id + "/completions";

        assertThat(participants(police.get(completions).json()))
                .containsExactlyInAnyOrder(cohort.participant("ana"), cohort.participant("bob"));
        assertThat(participants(immigration.get(completions).json()))
                .containsExactlyInAnyOrder(cohort.participant("cy"), cohort.participant("di"));
        assertThat(elsewhere.get(completions).json()).isEmpty();
        assertThat(participants(new SessionApi(port).get(completions).json())).hasSize(4);

        assertThat(police.get(completions + "/" + cohort.participant("ana")).status()).isEqualTo(200);
        assertForbidden(police.get(completions + "/" + cohort.participant("cy")));
        assertForbidden(immigration.get(completions + "/" + cohort.participant("bob")));
        assertForbidden(elsewhere.get(completions + "/" + cohort.participant("ana")));
        assertForbidden(police.get(completions + "/someone-not-on-the-roster"));
        assertForbidden(police.roster(cohort.id));                         // names of every institution
        assertForbidden(police.complete(cohort.id, cohort.participant("ana"), "40"));
    }

    @Test
    void aFacilitatorDeliversAndRecordsButNeitherDecidesNorChangesThePlanAndACoordinatorDoesNotDeliver() {
        TestCohort cohort = filledCohort();
        SessionApi facilitator = new SessionApi(port).as(TestTokens.facilitator());
        SessionApi coordinator = new SessionApi(port).as(TestTokens.coordinator());

        assertForbidden(coordinator.deliver(cohort.id, "S01"));
        assertThat(facilitator.deliver(cohort.id, "S01").status()).isEqualTo(201);
        assertThat(facilitator.attend(cohort.id, "S01", cohort.participant("ana"), "4").status()).isEqualTo(200);
        assertThat(coordinator.attend(cohort.id, "S01", cohort.participant("ana"), "3.5").status()).isEqualTo(200);
        assertThat(facilitator.get("/cohorts/" + cohort.id + "/completions").status()).isEqualTo(200);
        assertForbidden(facilitator.complete(cohort.id, cohort.participant("ana"), "40"));
        assertForbidden(facilitator.close(cohort.id));
        assertForbidden(facilitator.delete("/cohorts/" + cohort.id + "/plan/sessions/S12"));

        assertThat(jdbc.sql("select count(*) from completion where cohort_id = ?").param(cohort.id)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select revision from delivery_plan where cohort_id = ?").param(cohort.id)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void unsignedTokensAreRefusedAndActuatorEndpointsBeyondHealthNeedOperations() {
        SessionApi api = new SessionApi(port);

        assertThat(api.as(TestTokens.unsigned()).get("/cohorts/any/roster").status()).isEqualTo(401);
        assertThat(api.as(null).get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(api.as(null).get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(api.as(null).get("/actuator/metrics").status()).isEqualTo(401);
        assertForbidden(api.as(TestTokens.coordinator()).get("/actuator/metrics"));
        assertThat(api.as(TestTokens.operations()).get("/actuator/metrics").status()).isEqualTo(200);
    }

    /** The roles of this service's own operations ("POST /cohorts/{cohortId}/completions"), not Spring's or springdoc's. */
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

    private boolean ownHandler(HandlerMethod handler) {
        return handler.getBeanType().getPackageName().startsWith("org.aula.session");
    }

    /** Four officials decided through the shortcut: two of each institution. */
    private TestCohort decidedCohort() {
        TestCohort cohort = filledCohort();
        SessionApi staff = new SessionApi(port);
        for (String name : List.of("ana", "bob", "cy", "di")) {
            assertThat(staff.complete(cohort.id, cohort.participant(name), "36").status()).isEqualTo(201);
        }
        return cohort;
    }

    private TestCohort filledCohort() {
        TestCohort cohort = TestCohort.ofSeats(4);
        EventScenario.publish(cohort.scheduled());
        EventScenario.publish(cohort.enrolled("ana", 1));
        EventScenario.publish(cohort.enrolled("bob", 2));
        EventScenario.publish(cohort.enrolled("cy", 3));
        EventScenario.publish(cohort.enrolled("di", 4));
        EventScenario.publish(cohort.filled(1));
        SessionApi staff = new SessionApi(port);
        await().atMost(EventScenario.WAIT).until(() -> staff.plan(cohort.id).status() == 200);
        return cohort;
    }

    private static List<String> participants(JsonNode completions) {
        return completions.findValuesAsString("participantId");
    }

    private static void assertForbidden(SessionApi.Response response) {
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theOpenApiDocumentNamesTheServiceAndDeclaresTheBearerSchemeWithEachOperationsRoles() {
        org.aula.testsupport.OpenApiSecurityCheck document = org.aula.testsupport.OpenApiSecurityCheck.of("http://localhost:" + port);

        assertThat(document.title()).isEqualTo("Aula session service");
        assertThat(document.version()).isEqualTo("v1");
        assertThat(document.description()).isNotBlank();
        assertThat(document.bearerScheme()).isTrue();
        assertThat(document.protectedOperations()).isGreaterThan(3);
        assertThat(document.problems()).as("operations without the bearer scheme and their roles").isEmpty();
    }
}
