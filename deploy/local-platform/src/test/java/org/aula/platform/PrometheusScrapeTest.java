package org.aula.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusScrapeTest {

    private static final String SCRAPE = """
            # HELP aula_certificates_issued_total
            # TYPE aula_certificates_issued_total counter
            aula_certificates_issued_total{cohort="BMM-2019-05",course="BMM",institution="IMMIGRATION"} 6.0
            aula_certificates_issued_total{cohort="BMM-2019-05",course="BMM",institution="POLICE"} 7.0
            aula_certificates_issued_total{cohort="BMM-2019-05-R2",course="BMM",institution="POLICE"} 7.0
            aula_certificates_issued_total{course="BMM",institution="MFA",cohort="BMM-2019-05"} 10.0 1716800000000
            aula_certificates_issued_totalx{cohort="BMM-2019-05"} 100.0
            aula_certificates_revoked_total{cohort="BMM-2019-05",course="BMM",institution="POLICE"} 1.0
            aula_certificates_issued_total{subcohort="BMM-2019-05",course="BMM"} 50.0
            """;

    @Test
    void sumsEverySeriesOfTheCohortAndNoOther() {
        PrometheusScrape.Sum sum = PrometheusScrape.sum(SCRAPE, "aula_certificates_issued_total", "cohort", "BMM-2019-05");

        assertThat(sum.value()).isEqualTo(23.0);
        assertThat(sum.series()).isEqualTo(3);
    }

    @Test
    void aCohortWithoutSeriesSumsToZero() {
        assertThat(PrometheusScrape.sum(SCRAPE, "aula_certificates_issued_total", "cohort", "BMM-2019-06A"))
                .isEqualTo(new PrometheusScrape.Sum(0, 0));
    }
}
