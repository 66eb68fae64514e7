package org.aula.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@SessionServiceTest
class OperationsIT {

    @LocalServerPort
    int port;

    @Test
    void theApiIsDescribedByOpenApi() {
        SessionApi.Response docs = new SessionApi(port).get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").propertyNames())
                .contains("/cohorts/{cohortId}/roster", "/cohorts/{cohortId}/roster/lock", "/cohorts/{cohortId}/plan",
                        "/cohorts/{cohortId}/plan/sessions/{sessionId}",
                        "/cohorts/{cohortId}/sessions/{sessionId}/delivery",
                        "/cohorts/{cohortId}/sessions/{sessionId}/attendance",
                        "/cohorts/{cohortId}/sessions/{sessionId}/attendance/{participantId}",
                        "/cohorts/{cohortId}/assessments/{assessmentCode}/results/{participantId}",
                        "/courses/{courseCode}/completion-rule", "/cohorts/{cohortId}/delivery/close",
                        "/cohorts/{cohortId}/completions", "/cohorts/{cohortId}/completions/{participantId}");
        assertThat(docs.json().path("paths").path("/cohorts/{cohortId}/sessions/{sessionId}/attendance")
                .path("post").path("requestBody").path("content").propertyNames()).contains("text/csv");
    }

    @Test
    void readinessReflectsTheDatabaseButNotKafka() {
        SessionApi operations = new SessionApi(port).as(TestTokens.operations());
        SessionApi.Response readiness = operations.get("/actuator/health/readiness");

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().path("status").asString()).isEqualTo("UP");
        // A broker outage must not take the API out of the load balancer: the outbox takes work meanwhile.
        assertThat(readiness.json().path("components").propertyNames()).contains("db").doesNotContain("kafka");
        SessionApi.Response health = operations.get("/actuator/health");
        assertThat(health.json().path("components").propertyNames()).as("Kafka stays in the details").contains("kafka");
    }

    @Test
    void healthShowsOnlyItsStatusWithoutAnOperationsToken() {
        for (String token : new String[] {null, TestTokens.coordinator()}) {
            for (String path : new String[] {"/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness"}) {
                SessionApi.Response health = new SessionApi(port).as(token).get(path);

                assertThat(health.status()).as(path).isEqualTo(200);
                assertThat(health.json().path("status").asString()).as(path).isEqualTo("UP");
                // the database, the Kafka cluster id and the disk path are for operations only
                assertThat(health.json().propertyNames()).as(path + " as " + (token == null ? "anonymous" : "coordinator"))
                        .doesNotContain("components", "details");
            }
        }
    }

    @Test
    void infoNamesTheBuildAndTheSbomIsServedToOperations() {
        SessionApi operations = new SessionApi(port).as(TestTokens.operations());

        SessionApi.Response info = operations.get("/actuator/info");
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.json().path("build").path("artifact").asString()).isEqualTo("session-service");
        assertThat(info.json().path("build").path("version").asString()).isNotBlank();
        // git.properties from git-commit-id-maven-plugin: the tests run from a clone
        assertThat(info.json().path("git").path("commit").path("id").asString()).isNotBlank();
        assertThat(new SessionApi(port).as(null).get("/actuator/sbom").status()).isEqualTo(401);
    }
}
