package org.aula.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.aula.testsupport.ServiceApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rules the code keeps are also kept by the database, and the one path the code cannot
 * avoid by locking (a nomination losing to a committed enrolment of the same person) ends well.
 */
@EnrollmentIntegrationTest
class DatabaseGuardsIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void theDatabaseRefusesToOversellACohort() {
        String cohort = api.scheduleCohort("GUARD", 3);

        assertThatThrownBy(() -> jdbc.sql("update cohort set seats_taken = capacity + 1 where id = :id")
                .param("id", UUID.fromString(cohort)).update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("cohort_seats_never_oversold");
    }

    @Test
    void theDatabaseRefusesTwoHoldersOfOneSeat() {
        String cohort = api.scheduleCohort("GUARD", 3);
        String holder = api.enrol(cohort, "seat-guard", 1).json().get("participantId").asString();
        String other = api.enrol(api.scheduleCohort("GUARD", 3), "seat-guard", 2).json().get("participantId").asString();

        assertThat(holder).isNotEqualTo(other);
        assertThatThrownBy(() -> insertEnrolment(cohort, other, 1))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("enrolment_one_per_seat");
    }

    @Test
    void aNominationThatLosesToACommittedEnrolmentOfTheSamePersonAnswersThatEnrolment() throws Exception {
        String cohort = api.scheduleCohort("GUARD", 5);
        // The person exists already (nominated elsewhere), so the nomination below does not wait on their row.
        String participant = api.enrol(api.scheduleCohort("GUARD", 5), "loser", 1).json().get("participantId").asString();
        UUID winner = UUID.randomUUID();

        CompletableFuture<Response> loser;
        try (Connection other = dataSource.getConnection()) {
            // Another writer enrols the same person and holds the cohort's row until it commits.
            other.setAutoCommit(false);
            try (PreparedStatement claim = other.prepareStatement("update cohort set seats_taken = 1 where id = ?")) {
                claim.setObject(1, UUID.fromString(cohort));
                claim.executeUpdate();
            }
            try (PreparedStatement insert = other.prepareStatement("""
                    insert into enrolment (id, cohort_id, participant_id, institution_code, status, seat_number,
                                           created_at, changed_at)
                    values (?, ?, ?, 'POLICE', 'ENROLLED', 1, now(), now())
                    """)) {
                insert.setObject(1, winner);
                insert.setObject(2, UUID.fromString(cohort));
                insert.setObject(3, UUID.fromString(participant));
                insert.executeUpdate();
            }
            // Our nomination sees no enrolment yet, claims a seat, and waits for the cohort's row.
            loser = CompletableFuture.supplyAsync(() -> api.enrol(cohort, "loser", 1));
            await().atMost(Duration.ofSeconds(20)).until(this::someoneWaitsForALock);
            other.commit();
        }
        Response answer = loser.get();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("enrolmentId").asString()).isEqualTo(winner.toString());
        assertThat(answer.json().get("seatNumber").asInt()).isEqualTo(1);
        // The loser's seat claim rolled back with it, and it published nothing.
        assertThat(api.get("/cohorts/" + cohort).json().get("seatsTaken").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from aula_messaging.outbox where aggregate_id = :cohort and type like '%enrolled%'")
                .param("cohort", cohort).query(Integer.class).single()).isZero();
    }

    private boolean someoneWaitsForALock() {
        return jdbc.sql("select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'")
                .query(Integer.class).single() > 0;
    }

    private void insertEnrolment(String cohort, String participant, int seat) {
        jdbc.sql("""
                insert into enrolment (id, cohort_id, participant_id, institution_code, status, seat_number,
                                       created_at, changed_at)
                values (:id, :cohort, :participant, 'POLICE', 'ENROLLED', :seat, now(), now())
                """)
                .param("id", UUID.randomUUID())
                .param("cohort", UUID.fromString(cohort))
                .param("participant", UUID.fromString(participant))
                .param("seat", seat)
                .update();
    }
}
