package org.aula.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.aula.enrollment.EventTypes.COUNTS;
import static org.aula.enrollment.EventTypes.ENROLLED;
import static org.aula.enrollment.EventTypes.FILLED;
import static org.aula.enrollment.EventTypes.WAITLISTED;
import static org.aula.testsupport.EventScenario.ofType;
import static org.aula.testsupport.EventScenario.withKey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.aula.events.Topics;
import org.aula.testsupport.EventScenario;
import org.aula.testsupport.EventScenario.Event;
import org.aula.testsupport.ServiceApi.Response;
import org.aula.testsupport.reliability.DeadLetterCount;
import org.aula.testsupport.reliability.FaultLedger;
import org.aula.testsupport.reliability.ReliabilityReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Fault scenario 01, the seat race as a ledger: 1,000 nominations over HTTP from 32 client threads into a 25-seat
 * cohort, run after run on fresh cohorts. Every nomination answered with a seat is an acknowledged write, keyed
 * by its cohort and ordered by seat number; its effects are the {@code participant.enrolled} on
 * {@code enrollment.events} and the seat row. None may be lost, doubled or published out of seat order, and no
 * seat may be given twice. The fast form ({@code ./mvnw verify}) runs twice, the long form
 * ({@code -Daula.reliability.form=long}) 20 times.
 */
@EnrollmentIntegrationTest
class SeatRaceFaultIT {

    private static final int SEATS = 25;
    private static final int NOMINATIONS = 1000;
    private static final String FORM = System.getProperty("aula.reliability.form", "fast");
    private static final int RUNS = "long".equals(FORM) ? 20 : 2;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void everySeatAnsweredOverHttpIsPublishedAndStoredOnceInSeatOrder() throws Exception {
        Api api = new Api(port);
        FaultLedger topicLedger = new FaultLedger();
        FaultLedger tableLedger = new FaultLedger();
        Set<String> cohorts = new HashSet<>();
        long started = System.nanoTime();
        try (DeadLetterCount deadLetters = new DeadLetterCount()) {
            for (int run = 1; run <= RUNS; run++) {
                try (EventScenario topic = EventScenario.fromEnd(Topics.ENROLLMENT)) {
                    String cohort = race(api, topic, run, topicLedger, tableLedger);
                    cohorts.add(cohort);
                }
            }
            long took = System.nanoTime() - started;
            long lost = topicLedger.lost().size() + tableLedger.lost().size();
            long duplicates = topicLedger.duplicates() + tableLedger.duplicates();
            long orderViolations = topicLedger.orderViolations() + tableLedger.orderViolations();
            long deadLetterCount = deadLetters.of(cohorts);

            assertThat(topicLedger.acknowledgedCount()).isEqualTo(SEATS * RUNS);
            assertThat(topicLedger.lost()).as("seats answered but never published").isEmpty();
            assertThat(tableLedger.lost()).as("seats answered but not in the seats table").isEmpty();
            assertThat(topicLedger.duplicates()).as("participant.enrolled published twice").isZero();
            assertThat(tableLedger.duplicates()).as("one enrolment holding two seats").isZero();
            assertThat(topicLedger.orderViolations()).as("participant.enrolled out of seat order").isZero();
            assertThat(topicLedger.unacknowledgedEffects()).as("participant.enrolled never answered").isZero();
            assertThat(tableLedger.unacknowledgedEffects()).as("seats never answered").isZero();
            assertThat(deadLetterCount).isZero();

            ReliabilityReport.record(new ReliabilityReport.Row("01-seat-race",
                    "seat race over HTTP: " + NOMINATIONS + " nominations, " + SeatRaceIT.THREADS
                            + " client threads, " + SEATS + "-seat cohort",
                    String.format(Locale.ROOT, "%,d nominations × %d runs", NOMINATIONS, RUNS),
                    "none (contention only)", lost, duplicates, orderViolations, deadLetterCount,
                    "n/a (" + ReliabilityReport.seconds(TimeUnit.NANOSECONDS.toMillis(took)) + " for all runs)", FORM));
        }
    }

    /** One race on a fresh cohort; answers the cohort's id. */
    private String race(Api api, EventScenario topic, int run, FaultLedger topicLedger, FaultLedger tableLedger)
            throws Exception {
        String cohort = api.scheduleCohort("FAULT-RACE-" + run, SEATS);
        String tag = "fault-race-" + cohort.substring(0, 8);

        List<Response> answers = SeatRaceIT.concurrently(NOMINATIONS, n -> () -> api.enrol(cohort, Api.email(tag, n),
                "Official " + n, "RACE"));

        assertThat(answers).extracting(Response::status).containsOnly(201);
        List<JsonNode> seated = answers.stream().map(Response::json)
                .filter(answer -> "ENROLLED".equals(answer.get("status").asString()))
                .sorted(Comparator.comparingInt(answer -> answer.get("seatNumber").asInt()))
                .toList();
        assertThat(seated).extracting(answer -> answer.get("seatNumber").asInt())
                .as("seat numbers answered, each once").containsExactlyElementsOf(range(SEATS));
        assertThat(answers).extracting(Response::json).filteredOn(answer -> "WAITLISTED".equals(answer.get("status").asString()))
                .hasSize(NOMINATIONS - SEATS);
        seated.forEach(answer -> {
            topicLedger.acknowledged(answer.get("enrolmentId").asString(), cohort);
            tableLedger.acknowledged(answer.get("enrolmentId").asString(), cohort);
        });

        // A nomination after the race is waitlisted and published after everything the race published.
        String sentinel = api.enrol(cohort, Api.email("fault-sentinel-" + cohort.substring(0, 8), 1), "Sentinel", "RACE")
                .json().get("enrolmentId").asString();
        List<Event> events = topic.awaitEvents(withKey(cohort).and(ofType(COUNTS).negate()), received -> received.stream()
                .anyMatch(event -> event.has("enrolmentId", sentinel)));
        List<Event> enrolled = events.stream().filter(event -> ENROLLED.equals(event.type())).toList();
        enrolled.forEach(event -> topicLedger.observed(event.data().get("enrolmentId").asString(), cohort));
        assertThat(enrolled).extracting(event -> event.data().get("seatNumber").asInt())
                .as("seat numbers on the topic, in topic order").containsExactlyElementsOf(range(SEATS));
        assertThat(events).extracting(Event::type).filteredOn(FILLED::equals).hasSize(1);
        assertThat(events).extracting(Event::type).filteredOn(WAITLISTED::equals).hasSize(NOMINATIONS - SEATS + 1);

        List<UUID> seats = jdbc.sql("""
                select id from enrolment where cohort_id = :cohort and status = 'ENROLLED' order by seat_number
                """).param("cohort", UUID.fromString(cohort)).query(UUID.class).list();
        seats.forEach(id -> tableLedger.observed(id.toString(), cohort));
        assertThat(jdbc.sql("select count(distinct seat_number) from enrolment where cohort_id = :cohort and status = 'ENROLLED'")
                .param("cohort", UUID.fromString(cohort)).query(Integer.class).single()).isEqualTo(SEATS);
        assertThat(jdbc.sql("select count(*) from enrolment where cohort_id = :cohort and status = 'WAITLISTED'")
                .param("cohort", UUID.fromString(cohort)).query(Integer.class).single()).isEqualTo(NOMINATIONS - SEATS + 1);
        return cohort;
    }

    private static List<Integer> range(int to) {
        List<Integer> numbers = new ArrayList<>();
        for (int n = 1; n <= to; n++) {
            numbers.add(n);
        }
        return numbers;
    }
}
