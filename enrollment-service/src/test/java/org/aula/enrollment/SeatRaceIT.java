package org.aula.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.aula.enrollment.EnrollmentTopic.ENROLLED;
import static org.aula.enrollment.EnrollmentTopic.FILLED;
import static org.aula.enrollment.EnrollmentTopic.SCHEDULED;
import static org.aula.enrollment.EnrollmentTopic.WAITLISTED;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import org.aula.enrollment.Api.Response;
import org.aula.enrollment.EnrollmentTopic.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** Many nominations at once, through HTTP: seats are never oversold and the cohort fills exactly once. */
@EnrollmentIntegrationTest
class SeatRaceIT {

    private static final int SEATS = 25;
    private static final int NOMINATIONS = 200;
    private static final int THREADS = 16;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    EnrollmentTopic topic;

    @BeforeEach
    void connect() {
        api = new Api(port);
        topic = new EnrollmentTopic();
    }

    @AfterEach
    void disconnect() {
        topic.close();
    }

    @Test
    void concurrentNominationsTakeEachSeatOnceWaitlistTheRestAndFillTheCohortOnce() throws Exception {
        String cohort = api.scheduleCohort("RACE", SEATS);

        List<Response> answers = concurrently(NOMINATIONS, n -> () -> api.enrol(cohort, "race", n));

        assertThat(answers).extracting(Response::status).allMatch(status -> status < 500).containsOnly(201);
        List<JsonNode> enrolled = withStatus(answers, "ENROLLED");
        List<JsonNode> waitlisted = withStatus(answers, "WAITLISTED");
        assertThat(enrolled).extracting(answer -> answer.get("seatNumber").asInt())
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, SEATS).boxed().toList());
        assertThat(waitlisted).extracting(answer -> answer.get("waitlistPosition").asInt())
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, NOMINATIONS - SEATS).boxed().toList());
        JsonNode view = api.get("/cohorts/" + cohort).json();
        assertThat(view.get("seatsTaken").asInt()).isEqualTo(SEATS);
        assertThat(view.get("waitlistLength").asInt()).isEqualTo(NOMINATIONS - SEATS);
        assertThat(view.get("status").asString()).isEqualTo("FULL");

        int expected = 1 + NOMINATIONS + 1;
        List<Received> events = topic.awaitEvents(cohort, expected);
        // Then a sentinel: the relay publishes a cohort's events in commit order, so once the event of a
        // nomination made after the race arrives, anything the race published has arrived too.
        String sentinel = api.enrol(cohort, "race", NOMINATIONS + 1).json().get("enrolmentId").asString();
        events = topic.awaitEvents(cohort, received -> received.stream()
                .anyMatch(event -> event.isAbout(sentinel)));

        assertThat(events).hasSize(expected + 1);
        assertThat(events).extracting(Received::type).filteredOn(FILLED::equals).hasSize(1);
        assertThat(events).extracting(Received::type).filteredOn(ENROLLED::equals).hasSize(SEATS);
        assertThat(events).extracting(Received::type).filteredOn(WAITLISTED::equals).hasSize(NOMINATIONS - SEATS + 1);
        assertThat(events.get(0).type()).isEqualTo(SCHEDULED);
        assertThat(events).extracting(Received::partition).containsOnly(events.get(0).partition());
        List<Integer> seatsPublished = events.stream().filter(event -> ENROLLED.equals(event.type()))
                .map(event -> event.data().get("seatNumber").asInt()).toList();
        assertThat(seatsPublished).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, SEATS).boxed().toList());
        // The transaction that took the last seat appended cohort.filled right after its participant.enrolled.
        int filledAt = events.stream().map(Received::type).toList().indexOf(FILLED);
        JsonNode lastSeat = events.get(filledAt - 1).data();
        assertThat(lastSeat.get("seatsTaken").asInt()).isEqualTo(SEATS);
        assertThat(events.get(filledAt).data().get("fillNumber").asInt()).isEqualTo(1);
    }

    @Test
    void oneOfficialNominatedTenTimesAtOnceIsEnrolledOnce() throws Exception {
        String cohort = api.scheduleCohort("TWICE", SEATS);
        String email = "graciela.incer." + cohort.substring(0, 8) + "@iom.int";

        List<Response> answers = concurrently(10, n -> () -> api.enrol(cohort,
                n % 2 == 0 ? email : email.toUpperCase(Locale.ROOT), "Graciela Incer", "IOM"));

        assertThat(answers).extracting(Response::status).allMatch(status -> status < 500);
        assertThat(answers).extracting(Response::status).filteredOn(status -> status == 201).hasSize(1);
        assertThat(answers).extracting(Response::status).filteredOn(status -> status == 200).hasSize(9);
        assertThat(answers).extracting(answer -> answer.json().get("enrolmentId").asString()).containsOnly(
                answers.get(0).json().get("enrolmentId").asString());
        assertThat(api.get("/cohorts/" + cohort + "/enrolments").json()).hasSize(1);
        assertThat(jdbc.sql("select count(*) from participant where email = :email").param("email", email)
                .query(Integer.class).single()).isEqualTo(1);

        String sentinel = api.enrol(cohort, "twice", 1).json().get("enrolmentId").asString();
        List<Received> events = topic.awaitEvents(cohort, received -> received.stream()
                .anyMatch(event -> event.isAbout(sentinel)));
        assertThat(events).extracting(Received::type).containsExactly(SCHEDULED, ENROLLED, ENROLLED);
        assertThat(events.get(1).data().get("enrolmentId").asString())
                .isEqualTo(answers.get(0).json().get("enrolmentId").asString());
    }

    private static List<JsonNode> withStatus(List<Response> answers, String status) {
        return answers.stream().map(Response::json).filter(answer -> status.equals(answer.get("status").asString())).toList();
    }

    /** Runs {@code count} requests on {@value #THREADS} threads, released together; answers them in request order. */
    private static List<Response> concurrently(int count, IntFunction<Callable<Response>> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int n = 1; n <= count; n++) {
                Callable<Response> call = request.apply(n);
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
