package org.aula.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.aula.testsupport.OpenApiProbe;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A donor's {@code reporting} token, swept over every operation of the OpenAPI document with an
 * official enrolled: every write is 403, and no answer names the official. This service has no
 * figures for it, so its reads are refused too.
 */
@EnrollmentIntegrationTest
class ReportingRoleIT {

    private static final String OFFICIAL = "Rosita Reportingtest-Sho";

    @LocalServerPort
    int port;

    @Test
    void aReportingTokenWritesNothingAndSeesNoName() {
        Api api = new Api(port);
        String cohort = api.scheduleCohort("REP", 25);
        assertThat(api.enrol(cohort, "rosita.sho@police.gov.bz", OFFICIAL, "POLICE").status()).isEqualTo(201);
        assertThat(api.get("/cohorts/" + cohort + "/enrolments").body()).as("the name is there to be leaked").contains(OFFICIAL);

        OpenApiProbe.ReadOnlySweep sweep = OpenApiProbe.forService("http://localhost:" + port).build()
                .readOnlySweep(TestTokens.of("donor", "reporting"), List.of(OFFICIAL, "Reportingtest", "rosita.sho"));
        System.out.println("enrollment-service " + sweep.summary());

        assertThat(sweep.writes()).isPositive().isEqualTo(sweep.writesRefused());
        assertThat(sweep.readsRefused()).isEqualTo(sweep.reads());
        assertThat(sweep.unexpected()).as(sweep.summary()).isEmpty();
        assertThat(Api.as(port, TestTokens.of("donor", "reporting")).get("/cohorts/" + cohort + "/enrolments").status())
                .isEqualTo(403);
    }
}
