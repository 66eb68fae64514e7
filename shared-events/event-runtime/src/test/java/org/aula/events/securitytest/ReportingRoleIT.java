package org.aula.events.securitytest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.aula.events.securitytest.SecuredHttp.Answer;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The donors' and dashboards' role: only operations that name it, and never a write. */
@SecuredHttp.SecuredServiceTest
class ReportingRoleIT {

    @LocalServerPort
    int port;

    SecuredHttp http;

    @BeforeEach
    void client() {
        http = new SecuredHttp(port);
    }

    @Test
    void aReportingTokenIsRefusedWritesReadsNotNamingItAndTheActuator() {
        String reporting = TestTokens.of("donor", "reporting");

        Answer write = http.post("/cohorts", reporting, "{\"code\":\"BMM-2019-05\",\"seats\":25}");
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.contentType()).startsWith("application/problem+json");
        assertThat(http.post("/cohorts", TestTokens.of("donor", "reporting", "metrics"), "{\"code\":\"BMM-2019-05\",\"seats\":25}")
                .status()).isEqualTo(403);
        assertThat(http.get("/cohorts/" + UUID.randomUUID(), reporting).status()).isEqualTo(403);
        assertThat(http.get("/institutions/POLICE/enrolments", reporting).status()).isEqualTo(403);
        assertThat(http.get("/actuator/prometheus", reporting).status()).isEqualTo(403);
        assertThat(http.get("/actuator/metrics", reporting).status()).isEqualTo(403);
        assertThat(http.get("/actuator/health", reporting).status()).isEqualTo(200);
    }

    @Test
    void aStaffTokenThatAlsoHoldsReportingKeepsItsStaffRights() {
        Answer created = http.post("/cohorts", TestTokens.of("staff", "coordinator", "reporting"), "{\"code\":\"BMM-2019-06\",\"seats\":25}");

        assertThat(created.status()).isEqualTo(201);
    }
}
