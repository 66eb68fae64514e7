package org.aula.reliability.consumer;

import java.util.List;

import org.aula.testsupport.TestInfrastructure;
import org.aula.testsupport.reliability.FaultLedger;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Reads the consumer's effect rows straight from its database (never through a proxy the test breaks). */
final class FillEffects {

    private final JdbcClient jdbc;

    FillEffects(String jdbcUrl) {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        this.jdbc = JdbcClient.create(new DriverManagerDataSource(jdbcUrl, infrastructure.username(), infrastructure.password()));
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    /** Effects so far; 0 while the service has not yet created its table (a process still starting). */
    long count() {
        try {
            return jdbc.sql("select count(*) from fill_effect").query(Long.class).single();
        } catch (BadSqlGrammarException e) {
            return 0;
        }
    }

    /** Every effect, in the order it was applied, into the ledger. */
    void observeInto(FaultLedger ledger) {
        List<Object[]> rows = jdbc.sql("select cohort_id, fill_number from fill_effect order by seq")
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getInt(2)})
                .list();
        for (Object[] row : rows) {
            ledger.observed(FillTraffic.id((String) row[0], (Integer) row[1]), (String) row[0]);
        }
    }
}
