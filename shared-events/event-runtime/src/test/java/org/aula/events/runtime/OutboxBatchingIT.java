package org.aula.events.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.aula.events.ParticipantEnrolled;
import org.aula.testsupport.EventScenario;
import org.aula.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Issue 11: in a transaction of the service's transaction manager the outbox writes the rows appended together,
 * just before the commit (one statement a transaction, not one an event), and keeps every promise of a row written
 * at once: in append order, all or nothing with the transaction's other changes, published after the commit.
 */
@SpringBootTest
@ContextConfiguration(initializers = TestInfrastructure.Initializer.class)
class OutboxBatchingIT {

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void theRowsOfATransactionAreWrittenAtItsCommitInAppendOrderAndPublished() {
        String cohort = "cohort-" + UUID.randomUUID();
        try (EventScenario scenario = EventScenario.fromEnd(org.aula.events.Topics.ENROLLMENT)) {
            List<UUID> ids = new ArrayList<>();
            long seenInside = transactions.execute(status -> {
                rosterRow(cohort);
                for (int i = 0; i < 3; i++) {
                    ids.add(outbox.append(enrolled(cohort, "Official " + i)));
                }
                return rows(cohort); // the transaction's own view: nothing written yet
            });

            assertThat(seenInside).isZero();
            assertThat(jdbc.sql("select id from aula_messaging.outbox where aggregate_id = ? order by seq")
                    .param(cohort).query(UUID.class).list()).containsExactlyElementsOf(ids);
            assertThat(scenario.awaitEvents(cohort, 3)).extracting(EventScenario.Event::id)
                    .containsExactlyElementsOf(ids.stream().map(UUID::toString).toList());
        }
    }

    @Test
    void aPollsWorthOfRowsIsWrittenInStatementsOfFiftyInAppendOrder() {
        String cohort = "cohort-" + UUID.randomUUID();
        int appended = 2 * Outbox.ROWS_PER_STATEMENT + 7;
        List<UUID> ids = new ArrayList<>();
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < appended; i++) {
                ids.add(outbox.append(enrolled(cohort, "Official " + i)));
            }
        });
        assertThat(jdbc.sql("select id from aula_messaging.outbox where aggregate_id = ? order by seq")
                .param(cohort).query(UUID.class).list()).containsExactlyElementsOf(ids);
    }

    @Test
    void aRolledBackTransactionWritesNone() {
        String cohort = "cohort-" + UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            outbox.append(enrolled(cohort, "Rolled Back"));
            status.setRollbackOnly();
        });
        assertThat(rows(cohort)).isZero();
    }

    @Test
    void anEventAppendedWhileTheTransactionCommitsIsWrittenToo() {
        // Another synchronization's beforeCommit appends (as certification's once-a-transaction counts do), once
        // registered before the transaction's first append and once after it: the first runs before the outbox
        // writes its rows, the second after.
        String before = "cohort-" + UUID.randomUUID();
        String after = "cohort-" + UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            appendBeforeCommit(before, "Counted First");
            outbox.append(enrolled(before, "Appended"));
        });
        transactions.executeWithoutResult(status -> {
            outbox.append(enrolled(after, "Appended"));
            appendBeforeCommit(after, "Counted Last");
        });
        assertThat(rows(before)).isEqualTo(2);
        assertThat(rows(after)).isEqualTo(2);
    }

    @Test
    void aDatabaseThatRefusesTheWriteAtCommitFailsTheCommitAndKeepsNothing() throws Exception {
        String cohort = "cohort-" + UUID.randomUUID();
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        try (Connection blocker = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
                Statement lock = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            lock.execute("lock table aula_messaging.outbox in exclusive mode");
            assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                jdbc.sql("set local lock_timeout = '300ms'").update();
                rosterRow(cohort);
                outbox.append(enrolled(cohort, "Never Written"));
            })).isInstanceOf(DataAccessException.class).hasMessageContaining("lock timeout");
            blocker.rollback();
        }
        assertThat(rows(cohort)).isZero();
        assertThat(jdbc.sql("select count(*) from test_roster where cohort_id = ?").param(cohort).query(Long.class).single())
                .as("the transaction's other change").isZero();
    }

    @Test
    void redactReachesTheRowsItsOwnTransactionAppended() {
        String cohort = "cohort-" + UUID.randomUUID();
        ParticipantEnrolled event = enrolled(cohort, "Marisol Chan");
        transactions.executeWithoutResult(status -> {
            outbox.append(event);
            outbox.redact("participantId", event.participantId(), "participantName", "(erased)");
        });
        assertThat(jdbc.sql("select payload from aula_messaging.outbox where aggregate_id = ?").param(cohort)
                .query(String.class).single()).contains("(erased)").doesNotContain("Marisol Chan");
    }

    private void appendBeforeCommit(String cohort, String name) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                outbox.append(enrolled(cohort, name));
            }
        });
    }

    private void rosterRow(String cohort) {
        jdbc.sql("insert into test_roster (cohort_id, participant_id) values (?, ?)")
                .params(cohort, UUID.randomUUID().toString()).update();
    }

    private long rows(String cohort) {
        return jdbc.sql("select count(*) from aula_messaging.outbox where aggregate_id = ?").param(cohort)
                .query(Long.class).single();
    }

    private static ParticipantEnrolled enrolled(String cohort, String name) {
        return new ParticipantEnrolled(UUID.randomUUID().toString(), cohort, "BMM-2019-05", "BMM",
                UUID.randomUUID().toString(), name, "POLICE", 7, 7, 25, false, Instant.now());
    }
}
