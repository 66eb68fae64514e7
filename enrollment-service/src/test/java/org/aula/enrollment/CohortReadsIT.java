package org.aula.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.aula.enrollment.domain.Cohort;
import org.aula.enrollment.domain.CohortId;
import org.aula.enrollment.domain.Cohorts;
import org.aula.enrollment.domain.EnrolmentCounts;
import org.aula.enrollment.domain.InstitutionCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 11: a nomination reads its cohort under the cohort's lock, which every nomination of the cohort waits for.
 * The waitlist's length in that read is its highest position, one step down the index of waitlist positions: a
 * count read every waiting enrolment, twice a nomination (the nomination's read and the offer round's), so over a
 * seat race of 975 waiting it read half a million rows. The transaction's own statistics
 * ({@code pg_stat_xact_user_tables}) count the enrolment rows the read fetched. The nomination's read also carries
 * the nominating institution's counts (the statement that used to follow it).
 */
@EnrollmentIntegrationTest
class CohortReadsIT {

    private static final int WAITING = 40;

    @LocalServerPort
    int port;
    @Autowired
    Cohorts cohorts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aCohortsWaitlistLengthIsReadWithoutReadingEveryoneWaiting() {
        Api api = new Api(port);
        CohortId cohort = CohortId.parse(api.scheduleCohort("READS", 1));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String officials = IntStream.rangeClosed(1, WAITING + 1)
                .mapToObj(n -> "{\"name\":\"Official " + n + "\",\"email\":\"" + Api.email(tag, n) + "\"}")
                .collect(Collectors.joining(","));
        assertThat(api.post("/cohorts/" + cohort + "/nominations",
                "{\"institutionCode\":\"POLICE\",\"officials\":[" + officials + "]}").status()).isEqualTo(201);

        Fetched<Cohort> read = fetching(() -> cohorts.find(cohort).orElseThrow());
        assertThat(read.value().waitlistLength()).isEqualTo(WAITING);
        assertThat(read.enrolmentRows()).as("enrolment rows fetched to read the cohort").isLessThanOrEqualTo(2);

        Cohorts.Nominating nominating = transactions().execute(status ->
                cohorts.lockToNominate(cohort, new InstitutionCode("POLICE")).orElseThrow());
        assertThat(nominating.cohort().waitlistLength()).isEqualTo(WAITING);
        assertThat(nominating.held()).isEqualTo(new EnrolmentCounts(1, WAITING, 0));
        EnrolmentCounts none = transactions().execute(status -> cohorts.lockToNominate(cohort, new InstitutionCode("MFA"))
                .orElseThrow().held());
        assertThat(none).isEqualTo(new EnrolmentCounts(0, 0, 0));
    }

    private record Fetched<T>(T value, long enrolmentRows) {
    }

    private <T> Fetched<T> fetching(Supplier<T> read) {
        return transactions().execute(status -> {
            long before = enrolmentRowsFetched();
            T value = read.get();
            return new Fetched<>(value, enrolmentRowsFetched() - before);
        });
    }

    private long enrolmentRowsFetched() {
        return jdbc.sql("""
                select coalesce(sum(coalesce(idx_tup_fetch, 0) + coalesce(seq_tup_read, 0)), 0)
                  from pg_stat_xact_user_tables where relname = 'enrolment'
                """).query(Long.class).single();
    }

    private TransactionTemplate transactions() {
        return new TransactionTemplate(transactionManager);
    }
}
