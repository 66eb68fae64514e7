package org.aula.events.securitytest;

import static org.assertj.core.api.Assertions.assertThat;

import org.aula.testsupport.TestInfrastructure;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * The actuator on its own port ({@code management.server.port}): off the API port, and still
 * behind the same token rules on its own.
 */
@SpringBootTest(classes = SecuredTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=secured-test", "management.server.port=0"})
@ContextConfiguration(initializers = TestInfrastructure.Initializer.class)
class ManagementPortIT {

    @LocalServerPort
    int apiPort;
    @LocalManagementPort
    int managementPort;

    @Test
    void theActuatorAnswersOnlyOnTheManagementPortUnderTheSameTokenRules() {
        SecuredHttp management = new SecuredHttp(managementPort);
        SecuredHttp api = new SecuredHttp(apiPort);
        String metrics = TestTokens.of("prometheus", "metrics");

        assertThat(managementPort).isNotEqualTo(apiPort);
        assertThat(management.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        assertThat(management.get("/actuator/prometheus", metrics).status()).isEqualTo(200);
        assertThat(management.get("/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(management.get("/actuator/prometheus", TestTokens.coordinator()).status()).isEqualTo(403);
        assertThat(management.get("/actuator/outbox", metrics).status()).isEqualTo(403);
        assertThat(management.get("/actuator/outbox", TestTokens.operations()).status()).isEqualTo(200);

        assertThat(api.get("/actuator/prometheus", TestTokens.operations()).status()).isEqualTo(404);
        assertThat(api.get("/me", TestTokens.coordinator()).status()).isEqualTo(200);
    }
}
