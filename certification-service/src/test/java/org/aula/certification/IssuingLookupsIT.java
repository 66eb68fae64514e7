package org.aula.certification;

import static org.assertj.core.api.Assertions.assertThat;

import org.aula.certification.domain.CertificateDecisions;
import org.aula.certification.domain.Certificates;
import org.aula.certification.domain.Completion;
import org.aula.certification.domain.CompletionFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The look-ups every {@code course.completed} makes before issuing are served by indexes, so issuing does not slow
 * down as certificates accumulate (issue 11: the look-up of an earlier certificate read the whole table, 2.8 ms of the
 * 7 ms a completion took in the benchmark). PostgreSQL picks a sequential scan for a small table on its own, so
 * each look-up runs with sequential scans discouraged, and the transaction's own statistics
 * ({@code pg_stat_xact_user_tables}) tell whether the table was nevertheless read whole: it is, when no index can
 * answer the query.
 */
@CertificationServiceTest
class IssuingLookupsIT {

    @Autowired
    Certificates certificates;
    @Autowired
    CertificateDecisions decisions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void theLookUpOfAnEarlierCertificateUsesIndexes() {
        Completion completion = CompletionFixture.inspectorPascascioCompletedBmm();

        assertThat(sequentialScansOf("certificate", () -> certificates.issuedFor(completion))).isZero();
        assertThat(sequentialScansOf("certificate",
                () -> certificates.standingFor(completion.holder().participantId(), completion.cohort().id()))).isZero();
    }

    @Test
    void theLookUpOfTheLastAppliedDecisionUsesItsKey() {
        Completion completion = CompletionFixture.inspectorPascascioCompletedBmm();

        assertThat(sequentialScansOf("certificate_decision",
                () -> decisions.lastApplied(completion.holder().participantId(), completion.cohort().id()))).isZero();
    }

    private long sequentialScansOf(String table, Runnable lookUp) {
        return new TransactionTemplate(transactionManager).execute(status -> {
            jdbc.sql("set local enable_seqscan = off").update();
            long before = sequentialScans(table);
            lookUp.run();
            return sequentialScans(table) - before;
        });
    }

    private long sequentialScans(String table) {
        return jdbc.sql("select coalesce(sum(seq_scan), 0) from pg_stat_xact_user_tables where relname = ?")
                .param(table).query(Long.class).single();
    }
}
