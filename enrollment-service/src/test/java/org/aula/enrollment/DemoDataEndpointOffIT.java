package org.aula.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** Outside the local platform there is no POST /demo-data. */
@EnrollmentIntegrationTest
@TestPropertySource(properties = "aula.enrollment.demo-data.endpoint=false")
class DemoDataEndpointOffIT {

    @LocalServerPort
    int port;

    @Test
    void aDeploymentHasNoDemoDataEndpoint() {
        Api api = new Api(port);

        assertThat(api.post("/demo-data").status()).isEqualTo(404);
        assertThat(api.get("/v3/api-docs").body()).doesNotContain("/demo-data");
    }
}
