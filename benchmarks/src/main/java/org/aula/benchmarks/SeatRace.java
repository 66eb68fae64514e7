package org.aula.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.aula.events.EventCatalog;
import org.aula.events.Topics;

import tools.jackson.databind.JsonNode;

/**
 * The seat race over HTTP on the real enrollment-service: one cohort of {@link #SEATS} seats, {@code nominations}
 * officials nominated by {@code clients} concurrent HTTP clients ({@code POST /cohorts/{id}/enrolments}, a
 * coordinator's token), timed from the first request to the last answer. Correct if exactly {@link #SEATS} were
 * seated and the rest wait, by the answers and by the events on {@code enrollment.events}: as many
 * {@code participant.enrolled} and {@code participant.waitlisted}, and one {@code cohort.filled}.
 */
final class SeatRace {

    static final int SEATS = 25;
    private static final String[] INSTITUTIONS = {"IMMIGRATION", "POLICE", "MFA", "MHD"};
    private static final Duration EVENTS_TIMEOUT = Duration.ofSeconds(120);

    private final Services services;
    private final Http coordinator;

    SeatRace(Services services) {
        this.services = services;
        this.coordinator = new Http(services.token("coordinator"));
    }

    /** One race's figures and its correctness. */
    record Result(int nominations, int clients, double seconds, int seated, int waiting, int failed,
            int enrolledEvents, int waitlistedEvents, int filledEvents, boolean eventsCaughtUp, Latencies answers,
            Optional<CpuUse.Spent> cpu) {

        double nominationsPerSecond() {
            return nominations / seconds;
        }

        boolean correct() {
            return seated == SEATS && waiting == nominations - SEATS && failed == 0 && enrolledEvents == SEATS
                    && waitlistedEvents == nominations - SEATS && filledEvents == 1 && eventsCaughtUp;
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("nominations", nominations);
            map.put("clients", clients);
            map.put("seats", SEATS);
            map.put("seconds", Figures.round(seconds));
            map.put("nominations_per_second", Figures.round(nominationsPerSecond()));
            map.put("seated", seated);
            map.put("waiting", waiting);
            map.put("failed_requests", failed);
            map.put("participant_enrolled_events", enrolledEvents);
            map.put("participant_waitlisted_events", waitlistedEvents);
            map.put("cohort_filled_events", filledEvents);
            map.put("correct", correct());
            map.put("request_latency", answers.toMap());
            cpu.ifPresent(spent -> map.put("cpu", spent.toMap(nominations)));
            return map;
        }

        @Override
        public String toString() {
            return String.format("%d nominations by %d clients in %.2f s (%.0f/s): %d seated, %d waiting, %d failed; "
                    + "events: %d enrolled, %d waitlisted, %d cohort.filled%s; %s; request %s", nominations, clients,
                    seconds, nominationsPerSecond(), seated, waiting, failed, enrolledEvents, waitlistedEvents,
                    filledEvents, eventsCaughtUp ? "" : " (topic not read to its end)", correct() ? "CORRECT" : "WRONG",
                    answers) + cpu.map(spent -> "; " + spent.describe(nominations, "nomination")).orElse("");
        }
    }

    Result race(String phase, int nominations, int clients) {
        URI enrollment = services.get("enrollment-service").baseUrl();
        String run = phase.toUpperCase() + "-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        try (TopicWatch watch = new TopicWatch(services.kafkaBootstrapServers(), List.of(Topics.ENROLLMENT))) {
            JsonNode cohort = coordinator.post(enrollment.resolve("/cohorts"), Map.of("code", "RACE-" + run,
                    "courseCode", "RACE", "courseTitle", "Seat race", "courseHours", 40, "startDate", "2030-05-13",
                    "endDate", "2030-05-18", "location", "Belmopan", "capacity", SEATS, "facilitator", "Benchmark"))
                    .expect(201);
            String cohortId = cohort.path("id").asString();
            URI enrolments = enrollment.resolve("/cohorts/" + cohortId + "/enrolments");
            AtomicInteger next = new AtomicInteger();
            Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
            long[] sent = new long[nominations];
            long[] answered = new long[nominations];
            CountDownLatch gate = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            Optional<CpuUse.Reading> cpuBefore;
            Optional<CpuUse.Spent> cpu;
            long start;
            long end;
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    Http client = new Http(services.token("coordinator"));
                    running.add(pool.submit(() -> {
                        gate.await();
                        for (int i = next.getAndIncrement(); i < nominations; i = next.getAndIncrement()) {
                            sent[i] = System.nanoTime();
                            Http.Answer answer = client.post(enrolments, Map.of("name", "Official " + i,
                                    "email", "race." + run.toLowerCase() + "." + i + "@example.org",
                                    "institutionCode", INSTITUTIONS[i % INSTITUTIONS.length]));
                            answered[i] = System.nanoTime();
                            String outcome = answer.status() == 201 ? answer.body().path("status").asString("?")
                                    : "HTTP " + answer.status();
                            statuses.computeIfAbsent(outcome, key -> new AtomicInteger()).incrementAndGet();
                        }
                        return null;
                    }));
                }
                cpuBefore = services.cpuUse().map(CpuUse::read);
                start = System.nanoTime();
                gate.countDown();
                for (Future<?> client : running) {
                    client.get(10, TimeUnit.MINUTES);
                }
                end = System.nanoTime();
                cpu = cpuBefore.map(CpuUse.Reading::untilNow);
            } catch (Exception e) {
                throw new IllegalStateException("the seat race failed: " + e, e);
            } finally {
                pool.shutdownNow();
            }
            int seated = count(statuses, "ENROLLED");
            int waiting = count(statuses, "WAITLISTED");
            int failed = nominations - seated - waiting;
            if (failed > 0) {
                Benchmarks.progress("  seat race %s: answers other than ENROLLED/WAITLISTED: %s", phase, statuses);
            }
            String enrolled = EventCatalog.PARTICIPANT_ENROLLED.type();
            String waitlisted = EventCatalog.PARTICIPANT_WAITLISTED.type();
            String filled = EventCatalog.COHORT_FILLED.type();
            watch.await(w -> count(w, cohortId, enrolled) >= seated && count(w, cohortId, waitlisted) >= waiting
                    && count(w, cohortId, filled) >= 1, EVENTS_TIMEOUT);
            boolean caughtUp = watch.awaitCaughtUp(Duration.ofSeconds(30));
            return new Result(nominations, clients, (end - start) / 1e9, seated, waiting, failed,
                    count(watch, cohortId, enrolled), count(watch, cohortId, waitlisted), count(watch, cohortId, filled),
                    caughtUp, Latencies.between(sent, answered),
                    cpu);
        }
    }

    private static int count(Map<String, AtomicInteger> statuses, String status) {
        AtomicInteger count = statuses.get(status);
        return count == null ? 0 : count.get();
    }

    private static int count(TopicWatch watch, String cohortId, String type) {
        return watch.matching(seen -> cohortId.equals(seen.key()) && type.equals(seen.type())).size();
    }
}
