package org.aula.events.securitytest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.aula.events.securitytest.SecuredHttp.Answer;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The Prometheus scrape token's role: metrics and nothing else. */
@SecuredHttp.SecuredServiceTest
class MetricsRoleIT {

    @LocalServerPort
    int port;

    SecuredHttp http;

    @BeforeEach
    void client() {
        http = new SecuredHttp(port);
    }

    @Test
    void aMetricsTokenReadsThePrometheusScrapeAndHealth() {
        Answer scrape = http.get("/actuator/prometheus", TestTokens.of("prometheus", "metrics"));

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body()).contains("aula_outbox_backlog");
        assertThat(http.get("/actuator/health", TestTokens.of("prometheus", "metrics")).status()).isEqualTo(200);
    }

    @Test
    void aMetricsTokenIsRefusedTheOtherActuatorEndpoints() {
        String metrics = TestTokens.of("prometheus", "metrics");
        for (String path : new String[] {"/actuator/outbox", "/actuator/deadletters", "/actuator/metrics", "/actuator/info"}) {
            Answer answer = http.get(path, metrics);

            assertThat(answer.status()).as(path).isEqualTo(403);
            assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
        }
        // The endpoints exist: operations reads them.
        assertThat(http.get("/actuator/outbox", TestTokens.operations()).status()).isEqualTo(200);
        assertThat(http.get("/actuator/deadletters", TestTokens.operations()).status()).isEqualTo(200);
    }

    @Test
    void aMetricsTokenIsRefusedEveryBusinessOperationEvenOneOpenToAnyRole() {
        String metrics = TestTokens.of("prometheus", "metrics");

        assertThat(http.get("/cohorts/" + UUID.randomUUID(), metrics).status()).isEqualTo(403);
        assertThat(http.post("/cohorts", metrics, "{\"code\":\"BMM-2019-05\",\"seats\":25}").status()).isEqualTo(403);
        // /me has no @PreAuthorize: any authenticated caller, but not a scrape token.
        assertThat(http.get("/me", metrics).status()).isEqualTo(403);
        assertThat(http.get("/me", TestTokens.facilitator()).status()).isEqualTo(200);
    }

    @Test
    void operationsStillScrapesAndAScrapeTokenWithAStaffRoleIsThatStaffRole() {
        assertThat(http.get("/actuator/prometheus", TestTokens.operations()).status()).isEqualTo(200);
        assertThat(http.get("/actuator/prometheus", TestTokens.coordinator()).status()).isEqualTo(403);
        assertThat(http.get("/me", TestTokens.of("staff", "metrics", "coordinator")).status()).isEqualTo(200);
    }
}
