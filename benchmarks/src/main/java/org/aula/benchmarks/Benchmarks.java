package org.aula.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.aula.events.Topics;

import com.zaxxer.hikari.HikariDataSource;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs issue 11's benchmarks in one JVM and one run: the floor (raw Kafka, raw PostgreSQL), Aula's outbox relay and
 * Spring Modulith's event externalization on the same embedded broker and durable PostgreSQL; writes one JSON file
 * per subject and regenerates {@code BENCHMARKS.md}. Run by {@code ./mvnw -B -Pbenchmarks -pl benchmarks -am verify
 * -DskipTests}; see benchmarks/README.md.
 */
public final class Benchmarks {

    /** Connections of every subject's pool. */
    static final int POOL_SIZE = 20;

    /** Untimed seat races between the first after a service's start and the measured ones. */
    static final int SEAT_RACE_WARM_UPS = 10;
    /** Seat races measured after the warm-up; the median counts. */
    static final int SEAT_RACES_MEASURED = 3;

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Benchmarks() {
    }

    public static void main(String[] args) {
        Settings settings = Settings.fromSystemProperties();
        Report.Run run = new Report.Run(settings, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        progress("Aula benchmarks: %d events of %d bytes, %d writers, %d keys; paced %d/s for %d s; subjects %s",
                settings.events(), settings.payloadBytes(), settings.writers(), settings.keys(), settings.rate(),
                settings.seconds(), String.join(",", settings.subjects()));
        clearResults(settings);
        if (Stream.of("kafka", "postgres", "bare", "aula", "modulith").anyMatch(settings::runs)) {
            floorAndPeer(settings, run);
        }
        if (Stream.of("startup", "seatrace", "endtoend").anyMatch(settings::runs)) {
            services(settings, run);
        }
        write(settings, "summary", run.summary());
        try {
            Files.writeString(settings.report(), Report.markdown(run));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        progress("wrote %s and %s", settings.out().resolve("*.json"), settings.report());
        System.out.println(Report.targetsTable(run));
        // Kafka's and Hikari's leftover non-daemon threads must not keep the build waiting.
        System.exit(0);
    }

    /** The floor, Aula's relay and its peer, on one broker and one PostgreSQL. */
    private static void floorAndPeer(Settings settings, Report.Run run) {
        progress("starting embedded Kafka and durable PostgreSQL (fsync on, synchronous_commit on)");
        try (Infrastructure infrastructure = Infrastructure.start(
                List.of(RawKafka.TOPIC, BareLoop.INPUT, BareLoop.OUTPUT, Topics.ENROLLMENT, ModulithExternalization.TOPIC))) {
            Phases phases = new Phases(settings, infrastructure);
            if (settings.runs("kafka")) {
                progress("floor: raw Kafka");
                run.kafka = new RawKafka(settings, infrastructure).run();
                write(settings, "kafka", run.kafka.toMap());
            }
            if (settings.runs("postgres")) {
                progress("floor: raw PostgreSQL");
                RawPostgres.Floors floors = new RawPostgres(settings, infrastructure).run();
                run.postgresTxPerSecond = floors.transactionsPerSecond();
                run.postgresFloors = floors;
                write(settings, "postgres", Map.of("transactions", settings.events(), "writers", settings.writers(),
                        "transactions_per_second", Figures.round(run.postgresTxPerSecond),
                        "select_and_mark_drain_rows_per_second", Figures.round(floors.drainPerSecond()),
                        "lock_race_transactions", floors.lockRaceTransactions(),
                        "lock_race_threads", floors.lockRaceThreads(),
                        "lock_race_seconds", Figures.round(floors.lockRaceSeconds())));
            }
            if (settings.runs("bare")) {
                progress("floor: bare consume -> transaction -> produce loop");
                List<BareLoop.Result> loops = new BareLoop(settings, infrastructure).run();
                run.bareLoop = loops.get(0);
                run.bareLoopPerEvent = loops.get(1);
                write(settings, "bare", Map.of("transaction_per_poll", run.bareLoop.toMap(),
                        "transaction_per_event", run.bareLoopPerEvent.toMap()));
            }
            if (settings.runs("aula")) {
                progress("Aula: outbox + relay (event-runtime)");
                try (AulaRelay aula = new AulaRelay(infrastructure)) {
                    phases.warmUp(aula);
                    run.aulaBurst = phases.burst(aula, "burst", settings.events());
                    progress("  aula burst, %d events: %s", settings.events(), run.aulaBurst);
                    run.aulaDrain = prefilledDrain(settings, infrastructure, aula);
                    progress("  aula drain of a pre-filled outbox, %d events: %.0f events/s (%d received, %d "
                            + "per-key order violations)", settings.events(), run.aulaDrain.drainPerSecond(),
                            run.aulaDrain.received(), run.aulaDrain.reorders());
                    run.aulaPaced = phases.paced(aula);
                    progress("  aula paced at %d/s for %d s: %s", settings.rate(), settings.seconds(), run.aulaPaced);
                }
                write(settings, "aula", Map.of("burst", run.aulaBurst.toMap(), "prefilled_drain", run.aulaDrain.toMap(),
                        "paced", run.aulaPaced.toMap()));
                // The same relay with its producer as it was before issue 11's tuning (Kafka's linger.ms of 5 ms and
                // batch.size of 16 KiB), after the tuned one in the same JVM (so the JIT's warmth favours this one).
                progress("Aula before the tuning: the relay's producer with linger.ms 5, batch.size 16 KiB");
                try (AulaRelay before = new AulaRelay(infrastructure, "aula-before", "bench_aula_before",
                        "--aula.messaging.relay.linger=5ms", "--aula.messaging.relay.producer-batch-size=16384")) {
                    phases.warmUp(before);
                    run.aulaBeforeDrain = prefilledDrain(settings, infrastructure, before);
                    progress("  aula-before drain of a pre-filled outbox, %d events: %.0f events/s (%d received, %d "
                            + "per-key order violations)", settings.events(), run.aulaBeforeDrain.drainPerSecond(),
                            run.aulaBeforeDrain.received(), run.aulaBeforeDrain.reorders());
                    run.aulaBeforePaced = phases.paced(before);
                    progress("  aula-before paced at %d/s for %d s: %s", settings.rate(), settings.seconds(),
                            run.aulaBeforePaced);
                }
                write(settings, "aula-before-tuning", Map.of("prefilled_drain", run.aulaBeforeDrain.toMap(),
                        "paced", run.aulaBeforePaced.toMap()));
            }
            if (settings.runs("modulith")) {
                progress("peer: Spring Modulith event externalization");
                try (ModulithExternalization modulith = new ModulithExternalization(infrastructure)) {
                    phases.warmUp(modulith);
                    run.modulithBurst = phases.burst(modulith, "burst", settings.events());
                    progress("  modulith burst, %d events: %s", settings.events(), run.modulithBurst);
                    run.modulithPaced = phases.paced(modulith);
                    progress("  modulith paced at %d/s for %d s: %s", settings.rate(), settings.seconds(),
                            run.modulithPaced);
                }
                write(settings, "modulith", Map.of("burst", run.modulithBurst.toMap(),
                        "paced", run.modulithPaced.toMap()));
            }
        }
    }

    /**
     * The services of the commit before issue 11's service changes ({@code -Dbenchmarks.baseline}), under the same seat
     * race and end-to-end passes, on a broker and PostgreSQL of their own, before the build's own services.
     */
    private static void baselineServices(Settings settings, Report.Run run) {
        Map<String, java.nio.file.Path> jars = Settings.baselineJars();
        if (jars.isEmpty() || !(settings.runs("seatrace") || settings.runs("endtoend"))) {
            return;
        }
        progress("Aula services before issue 11's changes to them: %s", jars.values());
        try (Infrastructure infrastructure = Infrastructure.start(List.of());
                Services services = new Services(settings, infrastructure, jars)) {
            services.start("enrollment-service");
            if (settings.runs("seatrace")) {
                SeatRaces races = seatRaces(services, settings, "baseline seat race");
                run.baselineSeatRaceFirst = races.first();
                run.baselineSeatRace = races.median();
            }
            if (settings.runs("endtoend")) {
                services.start("session-service");
                services.start("certification-service");
                EndToEnd endToEnd = new EndToEnd(services, settings.rate());
                warmUp(endToEnd, settings, "baseline end to end");
                run.baselineEndToEnd = endToEnd.pass("paced", settings.pacedEvents());
                progress("  baseline end to end: %s", run.baselineEndToEnd);
                run.baselineSaturation = endToEnd.saturated("saturated", settings.pacedEvents());
                progress("  baseline saturated: %s", run.baselineSaturation);
            }
        }
    }

    /**
     * The seat race on a service just started: the first race (timed: what a cold JIT gives), {@link #SEAT_RACE_WARM_UPS}
     * more untimed, each on a fresh cohort, then {@link #SEAT_RACES_MEASURED} measured ones, of which the median counts.
     * A JVM compiles the request path over the first ten thousand requests or so: in one run of this machine with 15
     * races in a row, the race took 6.1, 4.0, 3.5, 3.0, 2.9, 2.9, 2.6, 2.8, 2.6, 2.4, 2.1, 2.2, 2.0, 2.1, 2.3 s while
     * enrollment-service's CPU per nomination fell from 7.5 to 1.2-1.5 ms (its JIT compiler threads were still half
     * of its CPU at the sixth race).
     */
    private static SeatRaces seatRaces(Services services, Settings settings, String label) {
        SeatRace race = new SeatRace(services);
        SeatRace.Result first = race.race("first", settings.seatRaceNominations(), settings.seatRaceClients());
        progress("  %s, the first after start: %s", label, first);
        for (int i = 1; i <= SEAT_RACE_WARM_UPS; i++) {
            progress("  %s warm-up %d: %s", label, i, race.race("warmup", settings.seatRaceNominations(),
                    settings.seatRaceClients()));
        }
        List<SeatRace.Result> measured = new ArrayList<>();
        for (int i = 1; i <= SEAT_RACES_MEASURED; i++) {
            SeatRace.Result result = race.race("race", settings.seatRaceNominations(), settings.seatRaceClients());
            progress("  %s, measured %d of %d: %s", label, i, SEAT_RACES_MEASURED, result);
            measured.add(result);
        }
        measured.sort(Comparator.comparingDouble(SeatRace.Result::seconds));
        SeatRace.Result median = measured.get(measured.size() / 2);
        progress("  %s, the median of the measured: %.2f s (all: %s)", label, median.seconds(),
                measured.stream().map(result -> String.format("%.2f s", result.seconds())).toList());
        return new SeatRaces(first, median);
    }

    /** The first seat race after a service started, and the median of the measured ones. */
    private record SeatRaces(SeatRace.Result first, SeatRace.Result median) {
    }

    /**
     * Warms the three services before the end-to-end figures, for the reason {@link #seatRaces} gives: the saturated
     * pass's enrolments once as fast as they are answered (enrollment-service and session-service, untimed), then a
     * paced pass of half the measured size with its completions (certification-service too).
     */
    private static void warmUp(EndToEnd endToEnd, Settings settings, String label) {
        progress("  %s warm-up, saturated: %s", label, endToEnd.saturated("warmup", settings.pacedEvents()));
        progress("  %s warm-up, paced: %s", label, endToEnd.pass("warmup", Math.max(SeatRace.SEATS * 2,
                settings.pacedEvents() / 2)));
    }

    /** The services, each its executable jar, on a broker and PostgreSQL of their own. */
    private static void services(Settings settings, Report.Run run) {
        baselineServices(settings, run);
        progress("Aula services: each its executable jar (java -jar) on a broker and PostgreSQL of their own");
        try (Infrastructure infrastructure = Infrastructure.start(List.of());
                Services services = new Services(settings, infrastructure)) {
            if (settings.runs("startup")) {
                progress("each service alone: start to ready, resident memory");
                run.services = StartAndMemory.measure(services);
            }
            services.start("enrollment-service");
            if (settings.runs("seatrace")) {
                progress("seat race over HTTP on enrollment-service");
                SeatRaces races = seatRaces(services, settings, "seat race");
                run.seatRaceFirst = races.first();
                run.seatRace = races.median();
                write(settings, "seat-race", run.seatRace.toMap());
            }
            if (settings.runs("endtoend")) {
                services.start("session-service");
                services.start("certification-service");
                progress("end to end at %d/s: enrolment -> roster, completion -> certificate", settings.rate());
                EndToEnd endToEnd = new EndToEnd(services, settings.rate());
                warmUp(endToEnd, settings, "end to end");
                try (StartAndMemory.Sampler memory = new StartAndMemory.Sampler(services.running())) {
                    run.endToEnd = endToEnd.pass("paced", settings.pacedEvents());
                    run.peakUnderLoadMiB = memory.peaks();
                }
                progress("  end to end: %s", run.endToEnd);
                progress("  resident memory under this load, peak: %s", run.peakUnderLoadMiB.entrySet().stream()
                        .map(peak -> String.format("%s %.0f MiB", peak.getKey(), peak.getValue())).toList());
                run.endToEndSpread = endToEnd.pass("spread", Math.max(SeatRace.SEATS * 2, settings.pacedEvents() / 2), true);
                progress("  end to end, completions spread over the cohorts: %s", run.endToEndSpread);
                progress("scaled seed story at saturation: enrolment -> roster, as fast as the clients get answers");
                run.saturation = endToEnd.saturated("saturated", settings.pacedEvents());
                progress("  saturated: %s", run.saturation);
                write(settings, "end-to-end", Map.of("paced", run.endToEnd.toMap(), "paced_completions_spread",
                        run.endToEndSpread.toMap(), "saturated", run.saturation.toMap()));
            }
            if (run.services != null) {
                if (run.peakUnderLoadMiB != null) {
                    run.services.replaceAll((name, service) ->
                            service.withPeak(run.peakUnderLoadMiB.getOrDefault(name, Double.NaN)));
                }
                Map<String, Object> figures = new LinkedHashMap<>();
                run.services.forEach((name, service) -> figures.put(name, service.toMap()));
                write(settings, "services", figures);
            }
        }
    }

    /**
     * The relay's own pace: the outbox filled while the relay's thread is stopped, then the relay started and timed
     * until the consumer has every event. Commits during the fill still wake it: it is stopped, so they are lost.
     */
    private static Figures.Burst prefilledDrain(Settings settings, Infrastructure infrastructure, AulaRelay aula) {
        int events = settings.events();
        EventPlan plan = new EventPlan("aula-drain", events, settings.keys(), settings.payloadBytes());
        long[] commits = new long[events];
        try (Receiver receiver = new Receiver(infrastructure.bootstrapServers(), aula.topic(), plan)) {
            aula.pauseRelay();
            long filling;
            try {
                filling = Workload.burst(events, settings.keys(), settings.writers(), i -> aula.write(plan, i, commits));
            } finally {
                aula.resumeRelay();
            }
            long start = System.nanoTime();
            boolean complete = receiver.awaitAll(Phases.drainTimeout(events));
            long end = complete ? receiver.lastNanos() : System.nanoTime();
            // No latency here: events waited in the outbox on purpose.
            return new Figures.Burst(events, filling / 1e9, (end - start) / 1e9, receiver.distinct(),
                    receiver.duplicates(), receiver.reorders(), Latencies.between(new long[0], new long[0]));
        }
    }

    static HikariDataSource dataSource(Infrastructure infrastructure, String database) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(infrastructure.jdbcUrl(database));
        dataSource.setUsername(infrastructure.username());
        dataSource.setPassword(infrastructure.password());
        dataSource.setMaximumPoolSize(POOL_SIZE);
        return dataSource;
    }

    /** Earlier runs' JSON files go, so that the folder holds only this run's subjects. */
    private static void clearResults(Settings settings) {
        if (!Files.isDirectory(settings.out())) {
            return;
        }
        try (Stream<Path> files = Files.list(settings.out())) {
            for (Path file : files.filter(path -> path.getFileName().toString().endsWith(".json")).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void progress(String format, Object... arguments) {
        System.out.printf("[%s] %s%n", LocalTime.now().truncatedTo(ChronoUnit.SECONDS), String.format(format, arguments));
        System.out.flush();
    }

    private static void write(Settings settings, String name, Map<String, Object> figures) {
        try {
            Files.createDirectories(settings.out());
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("subject", name);
            document.putAll(figures);
            Files.writeString(settings.out().resolve(name + ".json"), JSON.writeValueAsString(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
