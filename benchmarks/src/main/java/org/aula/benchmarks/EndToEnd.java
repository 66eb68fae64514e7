package org.aula.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.aula.events.EventCatalog;
import org.aula.events.Topics;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * End to end through the three services at a paced rate, over their public interfaces only.
 *
 * <p><b>Enrolment → roster</b>: cohorts of {@link SeatRace#SEATS} seats are scheduled on enrollment-service and
 * awaited on session-service; then officials are enrolled at {@code rate}/s ({@code POST /cohorts/{id}/enrolments},
 * each handed to a pool of HTTP clients at its tick of a {@link Pacer}), filling the cohorts one after another.
 * Pollers read the rosters of the cohorts being filled ({@code GET /cohorts/{id}/roster} on session-service) in a
 * loop; the latency of an enrolment is from its HTTP answer (the commit is just before it) to the answer of the
 * first roster read that lists the participant. Session-service publishes no event per roster line, so polling is
 * the only outside view; a read's own duration is in the figure.
 *
 * <p><b>Completion → certificate</b>: every seated official is then decided complete at {@code rate}/s
 * ({@code POST /cohorts/{id}/completions} on session-service, 40 of 40 hours); a consumer of {@code session.events}
 * and {@code certification.events} times each {@code course.completed} and the {@code certificate.issued} it causes
 * (keyed by the participant), both on its own clock; the HTTP answer → {@code certificate.issued} is reported beside.
 */
final class EndToEnd {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** HTTP clients the paced requests are handed to: enough that they, not the services, never set the pace. */
    private static final int CLIENTS = 32;
    private static final int POLLERS = 2;
    /**
     * Shortest time between the starts of one poller's passes over its open cohorts. Unbounded, the pollers read
     * rosters as fast as session-service answers (250 reads/s in one run, more than the enrolments themselves), so
     * the measurement loaded the very service it measures, and the faster it answered the harder it was polled.
     */
    static final Duration POLL_INTERVAL = Duration.ofMillis(20);
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String[] INSTITUTIONS = {"IMMIGRATION", "POLICE", "MFA", "MHD"};

    private final Services services;
    private final Http coordinator;
    /** The paced and flat-out requests' client (one pool of connections), apart from the pollers'. */
    private final Http client;
    /** Reads the services' Prometheus endpoints. */
    private final Http operations;
    private final int rate;

    EndToEnd(Services services, int rate) {
        this.services = services;
        this.coordinator = new Http(services.token("coordinator"));
        this.client = new Http(services.token("coordinator"));
        this.operations = new Http(services.token("operations"));
        this.rate = rate;
    }

    /** One pass's figures. */
    record Result(int enrolments, int cohorts, int rate, double enrolSeconds, Latencies enrolAnswer,
            Latencies enrolmentToRoster, int seenOnRoster, int seenBeforeAnswer, Latencies rosterRead,
            int completions, double completeSeconds, Latencies completedToCertificate,
            Latencies completionAnswerToCertificate, int certificates, Map<String, ListenerTimes.Total> listeners) {

        double enrolmentsPerSecond() {
            return enrolments / enrolSeconds;
        }

        double completionsPerSecond() {
            return completions / completeSeconds;
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("rate_per_second", rate);
            Map<String, Object> roster = new LinkedHashMap<>();
            roster.put("enrolments", enrolments);
            roster.put("cohorts", cohorts);
            roster.put("achieved_per_second", Figures.round(enrolments / enrolSeconds));
            roster.put("enrolment_request_to_answer", enrolAnswer.toMap());
            roster.put("seen_on_roster", seenOnRoster);
            roster.put("seen_before_the_answer_arrived", seenBeforeAnswer);
            roster.put("answer_to_roster", enrolmentToRoster.toMap());
            roster.put("roster_read_duration", rosterRead.toMap());
            map.put("enrolment_to_roster", roster);
            Map<String, Object> certificate = new LinkedHashMap<>();
            certificate.put("completions", completions);
            certificate.put("achieved_per_second", Figures.round(completions / completeSeconds));
            certificate.put("certificates_issued", certificates);
            certificate.put("course_completed_to_certificate_issued", completedToCertificate.toMap());
            certificate.put("completion_answer_to_certificate_issued", completionAnswerToCertificate.toMap());
            map.put("completion_to_certificate", certificate);
            Map<String, Object> perRecord = new LinkedHashMap<>();
            listeners.forEach((name, total) -> perRecord.put(name, Map.of("count", Math.round(total.records()),
                    "mean_ms", Figures.round(total.meanMillis()))));
            map.put("listener_time_per_record", perRecord);
            return map;
        }

        @Override
        public String toString() {
            return String.format("%d enrolments into %d cohorts at %.0f/s (request->answer p50 %.1f ms, p99 %.1f ms): "
                    + "answer->roster %s (%d seen, %d before the answer; roster read %s); %d completions at %.0f/s: "
                    + "course.completed->certificate.issued %s, completion answer->certificate.issued %s (%d "
                    + "certificates)", enrolments, cohorts, enrolmentsPerSecond(), enrolAnswer.p50Millis(),
                    enrolAnswer.p99Millis(), enrolmentToRoster, seenOnRoster, seenBeforeAnswer, rosterRead, completions,
                    completionsPerSecond(), completedToCertificate, completionAnswerToCertificate, certificates)
                    + "; listener time per record: " + ListenerTimes.describe(listeners);
        }
    }

    /**
     * Enrolment → roster at saturation: {@link #CLIENTS} clients enrol as fast as they get answers.
     *
     * @param requestSeconds  from the first request until the last answer
     * @param pipelineSeconds from the first request until the last participant was on its roster
     */
    record Saturation(int enrolments, int clients, double requestSeconds, double pipelineSeconds, Latencies answer,
            Latencies answerToRoster, int seenOnRoster, Optional<CpuUse.Spent> cpu, Completions completions) {

        /** Completion requests answered per second, as fast as the clients get answers. */
        double completionRequestsPerSecond() {
            return completions.completions() / (completions.requestNanos() / 1e9);
        }

        /** Certificates issued per second: from the first completion request until the last certificate.issued arrived. */
        double certificatesPerSecond() {
            return completions.certificates() / (completions.certifiedNanos() / 1e9);
        }

        double requestsPerSecond() {
            return enrolments / requestSeconds;
        }

        /** Enrolments through enrollment-service, its relay and session-service's listener, onto the roster, per second. */
        double pipelinePerSecond() {
            return seenOnRoster / pipelineSeconds;
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("enrolments", enrolments);
            map.put("clients", clients);
            map.put("enrolment_requests_per_second", Figures.round(requestsPerSecond()));
            map.put("enrolment_request_to_answer", answer.toMap());
            map.put("on_roster", seenOnRoster);
            map.put("pipeline_enrolments_on_roster_per_second", Figures.round(pipelinePerSecond()));
            map.put("answer_to_roster", answerToRoster.toMap());
            cpu.ifPresent(spent -> map.put("cpu", spent.toMap(enrolments)));
            map.put("completion_requests_per_second", Figures.round(completionRequestsPerSecond()));
            map.put("certificates_issued", completions.certificates());
            map.put("certificates_per_second", Figures.round(certificatesPerSecond()));
            map.put("course_completed_to_certificate_issued", completions.completedToCertificate().toMap());
            return map;
        }

        @Override
        public String toString() {
            return String.format("%d enrolments by %d clients: %.0f requests/s (request->answer %s); %d on rosters at "
                    + "%.0f/s through the pipeline (answer->roster %s)", enrolments, clients, requestsPerSecond(),
                    answer, seenOnRoster, pipelinePerSecond(), answerToRoster)
                    + cpu.map(spent -> "; " + spent.describe(enrolments, "enrolment")).orElse("")
                    + String.format("; then %d completions: %.0f requests/s, %d certificates at %.0f/s "
                            + "(course.completed->certificate.issued %s)", completions.completions(),
                            completionRequestsPerSecond(), completions.certificates(), certificatesPerSecond(),
                            completions.completedToCertificate());
        }
    }

    /** The scaled seed story's enrolments at saturation. */
    Saturation saturated(String phase, int enrolments) {
        String run = phase.toUpperCase() + "-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        List<String> cohortIds = schedule(services.get("enrollment-service").baseUrl(),
                services.get("session-service").baseUrl(), run, (enrolments + SeatRace.SEATS - 1) / SeatRace.SEATS);
        // CPU from the first request until the last enrolment was seen on a roster (the pipeline's time, and the
        // pollers' last pass).
        Optional<CpuUse.Reading> cpuBefore = services.cpuUse().map(CpuUse::read);
        Enrolments enrolled = enrol(run, cohortIds, enrolments, false);
        Optional<CpuUse.Spent> cpu = cpuBefore.map(CpuUse.Reading::untilNow);
        // Then every one of them decided complete, as fast as the clients get answers, cohort after cohort.
        Completions completed = complete(cohortIds, enrolled.participants(),
                completionOrder(enrolments, cohortIds.size(), false), false);
        return new Saturation(enrolments, CLIENTS, enrolled.requestSeconds(), enrolled.pipelineSeconds(),
                Latencies.between(enrolled.requested(), enrolled.answered()),
                Latencies.between(enrolled.answered(), enrolled.onRoster()), enrolled.seenOnRoster(),
                cpu, completed);
    }

    Result pass(String phase, int enrolments) {
        return pass(phase, enrolments, false);
    }

    /**
     * The paced pass; with {@code spreadCompletions} the completions go round the cohorts (the first official of
     * every cohort, then the second of every cohort, ...) instead of one cohort after another. {@code session.events}
     * is keyed by cohort, so one cohort's completions are one partition's and one certification listener thread's, in
     * order; spread, the 200/s are shared by all partitions. The enrolments go one cohort after another either way
     * (the roster pollers read only the cohorts being filled).
     */
    Result pass(String phase, int enrolments, boolean spreadCompletions) {
        URI enrollment = services.get("enrollment-service").baseUrl();
        URI session = services.get("session-service").baseUrl();
        String run = phase.toUpperCase() + "-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        int cohorts = (enrolments + SeatRace.SEATS - 1) / SeatRace.SEATS;
        List<String> cohortIds = schedule(enrollment, session, run, cohorts);

        Map<String, ListenerTimes.Total> listenersBefore = listenerTimes();
        Enrolments enrolled = enrol(run, cohortIds, enrolments, true);
        long[] answered = enrolled.answered();

        Completions completed = complete(cohortIds, enrolled.participants(),
                completionOrder(enrolments, cohorts, spreadCompletions), true);
        return new Result(enrolments, cohorts, rate, enrolled.requestSeconds(),
                Latencies.between(enrolled.requested(), answered), Latencies.between(answered, enrolled.onRoster()),
                enrolled.seenOnRoster(), enrolled.seenBeforeAnswer(), Latencies.of(enrolled.readDurations()),
                enrolments, completed.requestNanos() / 1e9, completed.completedToCertificate(),
                completed.answerToCertificate(), completed.certificates(),
                ListenerTimes.between(listenersBefore, listenerTimes()));
    }

    /** Every running service's listener totals, by "service: listener". */
    private Map<String, ListenerTimes.Total> listenerTimes() {
        Map<String, ListenerTimes.Total> totals = new LinkedHashMap<>();
        for (ServiceProcess service : services.running()) {
            ListenerTimes.scrape(operations, service.baseUrl())
                    .forEach((listener, total) -> totals.put(service.name() + ": " + listener, total));
        }
        return totals;
    }

    /**
     * What a completion phase saw.
     *
     * @param requestNanos     from the first completion request to the last answer
     * @param certifiedNanos   from the first completion request until the last certificate.issued arrived
     */
    record Completions(int completions, long requestNanos, long certifiedNanos, Latencies completedToCertificate,
            Latencies answerToCertificate, int certificates) {
    }

    /**
     * Decides every official complete ({@code POST /cohorts/{id}/completions}, 40 of 40 hours) in {@code order}, paced at
     * {@link #rate}/s or as fast as {@link #CLIENTS} clients get answers, and times each {@code course.completed} to the
     * {@code certificate.issued} it caused, both arrivals on one consumer's clock.
     */
    private Completions complete(List<String> cohortIds, String[] participants, int[] order, boolean paced) {
        URI session = services.get("session-service").baseUrl();
        int n = participants.length;
        String completedType = EventCatalog.COURSE_COMPLETED.type();
        String issuedType = EventCatalog.CERTIFICATE_ISSUED.type();
        Map<String, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < n; i++) {
            indexOf.put(participants[i], i);
        }
        long[] decided = new long[n];
        long[] completedArrival = new long[n];
        long[] issuedArrival = new long[n];
        try (TopicWatch watch = new TopicWatch(services.kafkaBootstrapServers(),
                List.of(Topics.SESSION, Topics.CERTIFICATION))) {
            Workload.Write decide = k -> {
                int i = order[k];
                URI completions = session.resolve("/cohorts/" + cohortIds.get(i / SeatRace.SEATS) + "/completions");
                JsonNode decision = client.post(completions, Map.of("participantId", participants[i], "hoursAttended", 40))
                        .expect(201);
                decided[i] = System.nanoTime();
                if (!"COMPLETED".equals(decision.path("decision").asString())) {
                    throw new IllegalStateException("completion " + i + " is " + decision.path("decision"));
                }
            };
            long start = System.nanoTime();
            long requests;
            if (paced) {
                requests = paced(n, decide);
            } else {
                flatOut(n, decide);
                requests = System.nanoTime() - start;
            }
            watch.await(w -> w.matching(seen -> issuedType.equals(seen.type()) && indexOf.containsKey(seen.key())).size()
                    >= n, TIMEOUT);
            for (TopicWatch.Seen seen : watch.matching(seen -> completedType.equals(seen.type()))) {
                Integer i = indexOf.get(JSON.readTree(seen.data()).path("participantId").asString());
                if (i != null && completedArrival[i] == 0) {
                    completedArrival[i] = seen.nanos();
                }
            }
            int certificates = 0;
            long lastCertificate = start;
            for (TopicWatch.Seen seen : watch.matching(seen -> issuedType.equals(seen.type()))) {
                Integer i = indexOf.get(seen.key());
                if (i != null && issuedArrival[i] == 0) {
                    issuedArrival[i] = seen.nanos();
                    lastCertificate = Math.max(lastCertificate, seen.nanos());
                    certificates++;
                }
            }
            return new Completions(n, requests, lastCertificate - start, Latencies.between(completedArrival, issuedArrival),
                    Latencies.between(decided, issuedArrival), certificates);
        }
    }

    /** The officials (by enrolment index) in the order they are decided complete; see {@link #pass(String, int, boolean)}. */
    private static int[] completionOrder(int enrolments, int cohorts, boolean spread) {
        int[] order = new int[enrolments];
        int k = 0;
        if (spread) {
            for (int seat = 0; seat < SeatRace.SEATS; seat++) {
                for (int cohort = 0; cohort < cohorts; cohort++) {
                    int i = cohort * SeatRace.SEATS + seat;
                    if (i < enrolments) {
                        order[k++] = i;
                    }
                }
            }
        } else {
            for (; k < enrolments; k++) {
                order[k] = k;
            }
        }
        return order;
    }

    /**
     * What an enrolment pass saw: when each request went and was answered, each participant's id and when a roster
     * read first listed it, every roster read's duration.
     *
     * @param requestSeconds  from the first request until the last answer
     * @param pipelineSeconds from the first request until the last participant was on its roster
     */
    private record Enrolments(long[] requested, long[] answered, String[] participants, long[] onRoster,
            int seenOnRoster, int seenBeforeAnswer, long[] readDurations, double requestSeconds,
            double pipelineSeconds) {
    }

    /**
     * Enrols {@code enrolments} officials into {@code cohortIds} one cohort after another, paced at {@link #rate}/s
     * or as fast as {@link #CLIENTS} clients get answers, while pollers read the rosters of the cohorts being filled.
     */
    private Enrolments enrol(String run, List<String> cohortIds, int enrolments, boolean paced) {
        URI enrollment = services.get("enrollment-service").baseUrl();
        URI session = services.get("session-service").baseUrl();
        long[] answered = new long[enrolments];
        long[] requested = new long[enrolments];
        String[] participants = new String[enrolments];
        Map<String, Long> firstSeen = new ConcurrentHashMap<>();
        // One past the highest enrolment handed to a client: the cohorts up to its cohort are being filled.
        AtomicInteger submitted = new AtomicInteger();
        List<Long> reads = Collections.synchronizedList(new ArrayList<>());
        int cohorts = cohortIds.size();
        int[] seenPerCohort = new int[cohorts];
        AtomicReference<Exception> pollFailure = new AtomicReference<>();
        ExecutorService pollers = Executors.newFixedThreadPool(POLLERS);
        long pollDeadline = System.nanoTime() + TIMEOUT.toNanos() + Duration.ofSeconds(enrolments / rate).toNanos();
        for (int p = 0; p < POLLERS; p++) {
            int poller = p;
            pollers.submit(() -> {
                try {
                    while (System.nanoTime() < pollDeadline) {
                        long pass = System.nanoTime();
                        boolean allSeen = true;
                        boolean read = false;
                        int open = Math.min(cohorts - 1, Math.max(0, submitted.get() - 1) / SeatRace.SEATS);
                        for (int c = poller; c < cohorts; c += POLLERS) {
                            int expected = Math.min(SeatRace.SEATS, enrolments - c * SeatRace.SEATS);
                            if (seenPerCohort[c] >= expected) {
                                continue;
                            }
                            allSeen = false;
                            if (c > open) {
                                continue;
                            }
                            long sent = System.nanoTime();
                            JsonNode roster = coordinator.get(session.resolve("/cohorts/" + cohortIds.get(c) + "/roster"))
                                    .expect(200);
                            long now = System.nanoTime();
                            reads.add(now - sent);
                            read = true;
                            int seen = 0;
                            for (JsonNode line : roster.path("participants")) {
                                firstSeen.putIfAbsent(line.path("participantId").asString(), now);
                                seen++;
                            }
                            seenPerCohort[c] = seen;
                        }
                        if (allSeen) {
                            return;
                        }
                        long rest = read ? pass + POLL_INTERVAL.toNanos() - System.nanoTime()
                                : TimeUnit.MILLISECONDS.toNanos(1);
                        if (rest > 0) {
                            LockSupport.parkNanos(rest);
                        }
                    }
                } catch (Exception e) {
                    pollFailure.compareAndSet(null, e);
                }
            });
        }
        long start = System.nanoTime();
        Workload.Write enrol = i -> {
            submitted.accumulateAndGet(i + 1, Math::max);
            URI enrolmentsOf = enrollment.resolve("/cohorts/" + cohortIds.get(i / SeatRace.SEATS) + "/enrolments");
            requested[i] = System.nanoTime();
            JsonNode enrolment = client.post(enrolmentsOf, Map.of("name", "Official " + i,
                    "email", "e2e." + run.toLowerCase() + "." + i + "@example.org",
                    "institutionCode", INSTITUTIONS[i % INSTITUTIONS.length])).expect(201);
            answered[i] = System.nanoTime();
            if (!"ENROLLED".equals(enrolment.path("status").asString())) {
                throw new IllegalStateException("enrolment " + i + " is " + enrolment.path("status"));
            }
            participants[i] = enrolment.path("participantId").asString();
        };
        if (paced) {
            paced(enrolments, enrol);
        } else {
            flatOut(enrolments, enrol);
        }
        long requestsDone = System.nanoTime();
        pollers.shutdown();
        try {
            if (!pollers.awaitTermination(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                pollers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (pollFailure.get() != null) {
            throw new IllegalStateException("a roster read failed: " + pollFailure.get(), pollFailure.get());
        }
        long[] onRoster = new long[enrolments];
        int seenBeforeAnswer = 0;
        int seenOnRoster = 0;
        for (int i = 0; i < enrolments; i++) {
            Long seen = participants[i] == null ? null : firstSeen.get(participants[i]);
            if (seen != null) {
                seenOnRoster++;
                // The read began before the answer arrived but listed the participant: as good as at once.
                if (seen < answered[i]) {
                    seenBeforeAnswer++;
                }
                onRoster[i] = Math.max(seen, answered[i]);
            }
        }
        long lastOnRoster = Arrays.stream(onRoster).max().orElse(0);
        return new Enrolments(requested, answered, participants, onRoster, seenOnRoster, seenBeforeAnswer,
                reads.stream().mapToLong(Long::longValue).toArray(), (requestsDone - start) / 1e9,
                (lastOnRoster - start) / 1e9);

    }

    /** Schedules {@code cohorts} cohorts of 25 seats and waits until session-service knows each one's schedule. */
    private List<String> schedule(URI enrollment, URI session, String run, int cohorts) {
        List<String> ids = new ArrayList<>();
        for (int c = 0; c < cohorts; c++) {
            ids.add(coordinator.post(enrollment.resolve("/cohorts"), Map.of("code", "E2E-" + run + "-" + c,
                    "courseCode", "E2E", "courseTitle", "End to end", "courseHours", 40, "startDate", "2030-05-13",
                    "endDate", "2030-05-18", "location", "Belmopan", "capacity", SeatRace.SEATS,
                    "facilitator", "Benchmark")).expect(201).path("id").asString());
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        for (String id : ids) {
            while (true) {
                Http.Answer roster = coordinator.get(session.resolve("/cohorts/" + id + "/roster"));
                if (roster.status() == 200 && roster.body().path("courseHours").isNumber()) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("session-service does not know cohort " + id + " after "
                            + TIMEOUT.toSeconds() + " s: " + roster);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
        return ids;
    }

    /** Runs {@code work(0..n-1)} on {@link #CLIENTS} clients, each taking the next as soon as it has an answer. */
    private static void flatOut(int n, Workload.Write work) {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger next = new AtomicInteger();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        work.write(i);
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get(10, TimeUnit.MINUTES);
            }
        } catch (Exception e) {
            throw new IllegalStateException("a request failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs {@code work(0..n-1)} at {@link #rate}/s, each handed to a pool of HTTP clients at its tick. */
    private long paced(int n, Workload.Write work) {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            Pacer pacer = new Pacer(rate);
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                pacer.awaitTick(i);
                int item = i;
                running.add(pool.submit(() -> {
                    work.write(item);
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get(10, TimeUnit.MINUTES);
            }
            return System.nanoTime() - start;
        } catch (Exception e) {
            throw new IllegalStateException("a paced request failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
    }
}
