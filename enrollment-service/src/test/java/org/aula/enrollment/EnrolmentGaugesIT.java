package org.aula.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Seats and waitlists in Prometheus: the fill ratio and waitlist of each live cohort, and each
 * institution's officials enrolled and waiting, labelled by codes only; a cancelled cohort's series
 * go away, so the labels stay bounded.
 */
@EnrollmentIntegrationTest
class EnrolmentGaugesIT {

    private static final Duration REFRESH = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry meters;

    @Test
    void aFullCohortWithAWaitlistShowsPerCohortAndPerInstitutionThenGoesAwayWhenCancelled() {
        Api api = new Api(port);
        String police = "GP" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String customs = "GC" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String cohort = api.scheduleCohort("GAUGE", 2);
        String code = api.get("/cohorts/" + cohort).json().get("code").asString();
        api.enrol(cohort, Api.email("gauge", 1), "Glenford Young", police);
        api.enrol(cohort, Api.email("gauge", 2), "Carmen Bol", police);
        api.enrol(cohort, Api.email("gauge", 3), "Jermaine Tillett", police);
        api.enrol(cohort, Api.email("gauge", 4), "Orlando Vasquez", customs);

        await().atMost(REFRESH).untilAsserted(() -> {
            assertThat(gauge("aula.enrollment.cohort.fill.ratio", "cohort", code)).isEqualTo(1.0);
            assertThat(gauge("aula.enrollment.cohort.waitlist", "cohort", code)).isEqualTo(2.0);
            assertThat(gauge("aula.enrollment.institution.enrolled", "institution", police)).isEqualTo(2.0);
            assertThat(gauge("aula.enrollment.institution.waitlisted", "institution", police)).isEqualTo(1.0);
            assertThat(gauge("aula.enrollment.institution.enrolled", "institution", customs)).isZero();
            assertThat(gauge("aula.enrollment.institution.waitlisted", "institution", customs)).isEqualTo(1.0);
        });
        String scrape = Api.as(port, TestTokens.operations()).get("/actuator/prometheus").body();
        System.out.println(scrape.lines().filter(line -> line.contains(code) || line.contains(police) || line.contains(customs))
                .reduce("gauges in the scrape:", (all, line) -> all + "\n" + line));
        assertThat(scrape).containsPattern(series("aula_enrollment_cohort_fill_ratio", "cohort", code, "1.0"))
                .containsPattern(series("aula_enrollment_cohort_waitlist", "cohort", code, "2.0"))
                .containsPattern(series("aula_enrollment_institution_enrolled", "institution", police, "2.0"))
                .containsPattern(series("aula_enrollment_institution_waitlisted", "institution", customs, "1.0"))
                .doesNotContain("Glenford Young", "Orlando Vasquez");

        assertThat(api.post("/cohorts/" + cohort + "/cancel", "{\"reason\":\"Tropical storm warning\"}").status()).isEqualTo(200);

        await().atMost(REFRESH).untilAsserted(() -> {
            assertThat(meters.find("aula.enrollment.cohort.fill.ratio").tag("cohort", code).gauge()).isNull();
            assertThat(meters.find("aula.enrollment.cohort.waitlist").tag("cohort", code).gauge()).isNull();
            assertThat(meters.find("aula.enrollment.institution.enrolled").tag("institution", police).gauge()).isNull();
        });
    }

    /** One series of the scrape, whatever common tags (application) it also carries. */
    private static String series(String name, String tag, String value, String sample) {
        return java.util.regex.Pattern.quote(name) + "\\{[^}]*" + tag + "=\"" + java.util.regex.Pattern.quote(value) + "\"[^}]*} "
                + java.util.regex.Pattern.quote(sample) + "\\R";
    }

    private double gauge(String name, String tag, String value) {
        Gauge gauge = meters.find(name).tag(tag, value).gauge();
        assertThat(gauge).as(name + "{" + tag + "=" + value + "}").isNotNull();
        return gauge.value();
    }
}
