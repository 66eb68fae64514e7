package org.aula.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;

import org.aula.testsupport.EventScenario;
import org.aula.testsupport.OpenApiProbe;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A donor's {@code reporting} token, swept over every operation of the OpenAPI document with a
 * rostered and decided cohort: every write is 403, and no answer names an official. The figures
 * a donor reads live in certification-service, so this service refuses its reads too.
 */
@SessionServiceTest
class ReportingRoleIT {

    @LocalServerPort
    int port;

    @Test
    void aReportingTokenWritesNothingAndSeesNoName() {
        TestCohort cohort = TestCohort.ofSeats(2);
        EventScenario.publish(cohort.scheduled());
        EventScenario.publish(cohort.enrolled("quetzalreport", 1));
        EventScenario.publish(cohort.enrolled("ixchelreport", 2));
        EventScenario.publish(cohort.filled(1));
        SessionApi staff = new SessionApi(port);
        await().atMost(EventScenario.WAIT).until(() -> staff.plan(cohort.id).status() == 200);
        assertThat(staff.complete(cohort.id, cohort.participant("quetzalreport"), "36").status()).isEqualTo(201);
        assertThat(staff.roster(cohort.id).body()).as("the names are there to be leaked").contains("Official quetzalreport");

        OpenApiProbe.ReadOnlySweep sweep = OpenApiProbe.forService("http://localhost:" + port).build()
                .readOnlySweep(TestTokens.of("donor", "reporting"), List.of("quetzalreport", "ixchelreport"));
        System.out.println("session-service " + sweep.summary());

        assertThat(sweep.writes()).isPositive().isEqualTo(sweep.writesRefused());
        assertThat(sweep.readsRefused()).isEqualTo(sweep.reads());
        assertThat(sweep.unexpected()).as(sweep.summary()).isEmpty();
        assertThat(staff.as(TestTokens.of("donor", "reporting")).roster(cohort.id).status()).isEqualTo(403);
    }
}
