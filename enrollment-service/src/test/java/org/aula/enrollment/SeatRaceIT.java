package org.aula.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.aula.enrollment.EventTypes.COUNTS;
import static org.aula.enrollment.EventTypes.ENROLLED;
import static org.aula.enrollment.EventTypes.FILLED;
import static org.aula.enrollment.EventTypes.SCHEDULED;
import static org.aula.enrollment.EventTypes.STATUS;
import static org.aula.enrollment.EventTypes.WAITLISTED;
import static org.aula.testsupport.EventScenario.ofType;
import static org.aula.testsupport.EventScenario.withKey;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import org.aula.enrollment.application.EnrolParticipant;
import org.aula.enrollment.domain.CohortId;
import org.aula.enrollment.domain.EmailAddress;
import org.aula.enrollment.domain.Enrolment;
import org.aula.enrollment.domain.EnrolmentStatus;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.testsupport.EventScenario.Event;
import org.aula.testsupport.ServiceApi.Response;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * The seat race: 1,000 officials nominated at once for a cohort of 25 seats get exactly 25 seats (1..25, each
 * once) and 975 waitlist places (1..975, each once), with no server error, and the topic carries exactly one
 * {@code cohort.filled}. Once over HTTP (the whole stack: Tomcat, validation, JSON), and 20 times in a row on
 * fresh cohorts through the use case itself from a thread pool (the same transactions, without HTTP's cost on
 * two cores). Each prints its wall time.
 */
@EnrollmentIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeatRaceIT extends ApiAndTopic {

    private static final int SEATS = 25;
    private static final int NOMINATIONS = 1000;
    static final int THREADS = 32;
    private static final InstitutionCode RACE = new InstitutionCode("RACE");

    @Autowired
    EnrolParticipant enrolParticipant;

    // Last, so that its time is not that of a cold JVM (the first race of a run pays for JIT compilation).
    @Test
    @Order(3)
    void aThousandNominationsOverHttpTake25SeatsWaitlist975AndFillTheCohortOnce() throws Exception {
        String cohort = api.scheduleCohort("RACE-HTTP", SEATS);

        long started = System.nanoTime();
        List<Response> answers = concurrently(NOMINATIONS, n -> () -> api.enrol(cohort, Api.email("race-http", n),
                "Official " + n, RACE.value()));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(answers).extracting(Response::status).filteredOn(status -> status >= 500).isEmpty();
        assertThat(answers).extracting(Response::status).containsOnly(201);
        List<JsonNode> bodies = answers.stream().map(Response::json).toList();
        assertThat(positions(bodies, "ENROLLED", "seatNumber")).containsExactlyInAnyOrderElementsOf(range(SEATS));
        assertThat(positions(bodies, "WAITLISTED", "waitlistPosition")).containsExactlyInAnyOrderElementsOf(range(NOMINATIONS - SEATS));
        assertCohortFullWithOneFill(cohort);
        report("over HTTP (" + THREADS + " client threads)", 1, took);
    }

    @Order(2)
    @RepeatedTest(value = 20, name = "use case race {currentRepetition} of {totalRepetitions}")
    void aThousandConcurrentNominationsTake25SeatsWaitlist975AndFillTheCohortOnceEveryTime(RepetitionInfo repetition)
            throws Exception {
        String cohort = api.scheduleCohort("RACE-" + repetition.getCurrentRepetition(), SEATS);
        CohortId id = CohortId.parse(cohort);
        String tag = "race-" + cohort.substring(0, 8);

        long started = System.nanoTime();
        List<EnrolParticipant.Result> results = concurrently(NOMINATIONS, n -> () -> enrolParticipant.enrol(
                EnrolParticipant.Command.of(id, new EmailAddress(Api.email(tag, n)), "Official " + n, null, RACE)));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        List<Enrolment> enrolments = results.stream().map(EnrolParticipant.Result::enrolment).toList();
        assertThat(results).allMatch(EnrolParticipant.Result::created);
        assertThat(enrolments).filteredOn(e -> e.status() == EnrolmentStatus.ENROLLED).extracting(Enrolment::seatNumber)
                .containsExactlyInAnyOrderElementsOf(range(SEATS));
        assertThat(enrolments).filteredOn(e -> e.status() == EnrolmentStatus.WAITLISTED).extracting(Enrolment::waitlistPosition)
                .containsExactlyInAnyOrderElementsOf(range(NOMINATIONS - SEATS));
        assertCohortFullWithOneFill(cohort);
        report("through the use case (" + THREADS + " threads)", repetition.getCurrentRepetition(), took);
    }

    @Test
    @Order(1)
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
        List<Event> events = topic.awaitEvents(withKey(cohort).and(ofType(COUNTS).negate()), received -> received.stream()
                .anyMatch(event -> event.has("enrolmentId", sentinel)));
        assertThat(events).extracting(Event::type).containsExactly(SCHEDULED, STATUS, ENROLLED, ENROLLED);
        assertThat(events.get(2).data().get("enrolmentId").asString())
                .isEqualTo(answers.get(0).json().get("enrolmentId").asString());
    }

    /**
     * The cohort is FULL with 25 seats taken and 975 waiting, and its events on the topic hold exactly one
     * cohort.filled, right after the enrolment that took the last seat. A sentinel nomination made after the race
     * proves nothing more is coming: the relay publishes a cohort's events in commit order.
     */
    private void assertCohortFullWithOneFill(String cohort) {
        JsonNode view = api.get("/cohorts/" + cohort).json();
        assertThat(view.get("seatsTaken").asInt()).isEqualTo(SEATS);
        assertThat(view.get("waitlistLength").asInt()).isEqualTo(NOMINATIONS - SEATS);
        assertThat(view.get("status").asString()).isEqualTo("FULL");

        String sentinel = api.enrol(cohort, Api.email("sentinel-" + cohort.substring(0, 8), 1), "Sentinel", RACE.value())
                .json().get("enrolmentId").asString();
        List<Event> events = topic.awaitEvents(withKey(cohort).and(ofType(COUNTS).negate()), received -> received.stream()
                .anyMatch(event -> event.has("enrolmentId", sentinel)));

        assertThat(events).hasSize(2 + NOMINATIONS + 2 + 1);
        assertThat(events).extracting(Event::type).filteredOn(FILLED::equals).hasSize(1);
        assertThat(events).extracting(Event::type).filteredOn(ENROLLED::equals).hasSize(SEATS);
        assertThat(events).extracting(Event::type).filteredOn(WAITLISTED::equals).hasSize(NOMINATIONS - SEATS + 1);
        assertThat(events).extracting(Event::partition).containsOnly(events.get(0).partition());
        int filledAt = events.stream().map(Event::type).toList().indexOf(FILLED);
        assertThat(events.get(filledAt - 1).data().get("seatsTaken").asInt()).isEqualTo(SEATS);
        assertThat(events.get(filledAt).data().get("fillNumber").asInt()).isEqualTo(1);
        assertThat(events.get(filledAt + 1).type()).isEqualTo(STATUS);
        assertThat(events.get(filledAt + 1).data().get("status").asString()).isEqualTo("FULL");
        assertThat(events.subList(0, filledAt)).extracting(Event::type).doesNotContain(WAITLISTED);
    }

    private static List<Integer> positions(List<JsonNode> answers, String status, String field) {
        return answers.stream().filter(answer -> status.equals(answer.get("status").asString()))
                .map(answer -> answer.get(field).asInt()).toList();
    }

    private static List<Integer> range(int to) {
        return IntStream.rangeClosed(1, to).boxed().toList();
    }

    private static void report(String how, int repetition, Duration took) {
        System.out.printf(Locale.ROOT, "SEAT RACE %s, run %d: %d nominations for %d seats in %d ms (%.0f nominations/s)%n",
                how, repetition, NOMINATIONS, SEATS, took.toMillis(), NOMINATIONS * 1000.0 / Math.max(1, took.toMillis()));
    }

    /**
     * Runs {@code count} calls on {@value #THREADS} threads, released together; answers them in call order.
     * Any exception (a 5xx answer included, for HTTP calls, is a status, not an exception) fails the test.
     */
    static <T> List<T> concurrently(int count, IntFunction<Callable<T>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int n = 1; n <= count; n++) {
                Callable<T> task = call.apply(n);
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> answers = new ArrayList<>();
            List<Throwable> failures = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    answers.add(future.get());
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
            assertThat(failures).as("calls that failed").isEmpty();
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
