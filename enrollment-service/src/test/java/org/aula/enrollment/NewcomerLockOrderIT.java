package org.aula.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import org.aula.testsupport.ServiceApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11: a nomination creates the officials new to Aula before it locks the cohort (it keeps a statement out of
 * the lock every nomination of the cohort queues on), so no path may create a person while it holds a cohort's lock:
 * a substitution that did would wait for a nomination's uncommitted new person while the nomination waits for the
 * cohort, a deadlock. Here the two meet on the same person, new to Aula, in the same cohort, queued on its row (held
 * by the test) with the substitution first: it gets the cohort when the test lets go. The substitution must take
 * the seat, and the nomination must answer the substitute's enrolment, with no deadlock in PostgreSQL's count.
 */
@EnrollmentIntegrationTest
class NewcomerLockOrderIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    Api api;
    DatabaseLocks locks;

    @BeforeEach
    void connect() {
        api = new Api(port);
        locks = new DatabaseLocks(dataSource, jdbc);
    }

    @RepeatedTest(3)
    void aSubstitutionAndANominationOfTheSameNewPersonNeverDeadlock() throws Exception {
        String cohort = api.scheduleCohort("NEWCOMER", 2);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Response leaver = api.enrol(cohort, tag, 1);
        assertThat(leaver.status()).isEqualTo(201);
        String leaving = leaver.json().get("enrolmentId").asString();
        String newcomer = Api.email(tag, 2);
        long deadlocksBefore = locks.deadlocks();

        Response substituted;
        Response nominated;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection holder = locks.ownConnection(); Connection observer = locks.ownConnection()) {
            int waitingBefore = DatabaseLocks.waitingOnLocks(observer);
            DatabaseLocks.holdCohort(holder, cohort);
            CompletableFuture<Response> substitution = CompletableFuture.supplyAsync(() -> api.post(
                    "/cohorts/" + cohort + "/enrolments/" + leaving + "/substitution",
                    "{\"name\":\"Official 2\",\"email\":\"" + newcomer + "\"}"), pool);
            await().atMost(Duration.ofSeconds(60)).until(() -> DatabaseLocks.waitingOnLocks(observer) >= waitingBefore + 1);
            CompletableFuture<Response> nomination = CompletableFuture.supplyAsync(
                    () -> api.enrol(cohort, newcomer, "Official 2", "POLICE"), pool);
            await().atMost(Duration.ofSeconds(60)).until(() -> DatabaseLocks.waitingOnLocks(observer) >= waitingBefore + 2);
            holder.commit();
            substituted = substitution.get();
            nominated = nomination.get();
        } finally {
            pool.shutdownNow();
        }

        assertThat(substituted.status()).as("substitution: %s", substituted).isEqualTo(201);
        assertThat(nominated.status()).as("nomination: %s", nominated).isEqualTo(200);
        assertThat(nominated.json().get("enrolmentId").asString()).isEqualTo(substituted.json().get("enrolmentId").asString());
        assertThat(jdbc.sql("select count(*) from participant where email = :email").param("email", newcomer)
                .query(Integer.class).single()).isEqualTo(1);
        // PostgreSQL's own count (flushed by the backends at their next idle moment, so read last).
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> locks.deadlocks() - deadlocksBefore == 0);
    }
}
