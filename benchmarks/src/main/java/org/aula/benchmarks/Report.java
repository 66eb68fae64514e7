package org.aula.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The run's machine, settings, figures and ratios against issue 11's targets, as JSON and as BENCHMARKS.md. */
final class Report {

    private Report() {
    }

    /** What one run measured; a subject that did not run leaves its figures null. */
    static final class Run {
        final Settings settings;
        final Instant started;
        RawKafka.Result kafka;
        Double postgresTxPerSecond;
        RawPostgres.Floors postgresFloors;
        /** A transaction per poll (the targets' floor), and per event (beside it). */
        BareLoop.Result bareLoop;
        BareLoop.Result bareLoopPerEvent;
        /** The measured seat race, warm; and the first race after the service started. */
        SeatRace.Result seatRace;
        SeatRace.Result seatRaceFirst;
        EndToEnd.Result endToEnd;
        /** The same, with the completions spread over the cohorts instead of one cohort after another. */
        EndToEnd.Result endToEndSpread;
        EndToEnd.Saturation saturation;
        Map<String, StartAndMemory.Service> services;
        Map<String, Double> peakUnderLoadMiB;
        Figures.Burst aulaBurst;
        Figures.Burst aulaDrain;
        Figures.Paced aulaPaced;
        /** The services of the commit before issue 11's changes to them (-Dbenchmarks.baseline), same passes. */
        SeatRace.Result baselineSeatRace;
        SeatRace.Result baselineSeatRaceFirst;
        EndToEnd.Result baselineEndToEnd;
        EndToEnd.Saturation baselineSaturation;
        /** The relay with its producer as before issue 11's tuning (linger.ms 5, batch.size 16 KiB). */
        Figures.Burst aulaBeforeDrain;
        Figures.Paced aulaBeforePaced;
        Figures.Burst modulithBurst;
        Figures.Paced modulithPaced;

        Run(Settings settings, Instant started) {
            this.settings = settings;
            this.started = started;
        }

        Map<String, Object> summary() {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("date", started.toString());
            summary.put("command", settings.command());
            summary.put("machine", machine());
            Map<String, Object> targets = new LinkedHashMap<>();
            for (Target target : targets(this)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("target", target.target());
                target.value().ifPresent(value -> row.put("measured", Figures.round(value)));
                row.put("verdict", target.verdict());
                row.put("how", target.how());
                targets.put(target.figure(), row);
            }
            summary.put("targets", targets);
            return summary;
        }
    }

    /** One row of the targets table. */
    record Target(String figure, String target, Optional<Double> value, String verdict, String how) {
    }

    static List<Target> targets(Run run) {
        List<Target> targets = new ArrayList<>();
        if (run.aulaBurst != null && run.modulithBurst != null) {
            double ratio = run.aulaBurst.drainPerSecond() / run.modulithBurst.drainPerSecond();
            int reorders = run.aulaBurst.reorders() + run.aulaPaced.reorders() + run.aulaDrain.reorders();
            targets.add(new Target("relay events/s ÷ Modulith externalization, burst, same run",
                    "≥ 3.5, with 0 per-key order violations", Optional.of(ratio),
                    ratio >= 3.5 && reorders == 0 && run.aulaBurst.complete() ? "PASS" : "MISS",
                    String.format("%.0f ÷ %.0f events/s; Aula %d, Modulith %d per-key order violations",
                            run.aulaBurst.drainPerSecond(), run.modulithBurst.drainPerSecond(), reorders,
                            run.modulithBurst.reorders() + run.modulithPaced.reorders())));
        } else {
            targets.add(notMeasured("relay events/s ÷ Modulith externalization, burst, same run",
                    "≥ 3.5, with 0 per-key order violations", "needs subjects aula and modulith"));
        }
        if (run.aulaDrain != null && run.kafka != null) {
            double ratio = run.aulaDrain.drainPerSecond() / run.kafka.burst().writersPerSecond();
            targets.add(new Target("relay drain events/s ÷ raw producer (`acks=all`, same record size)", "≥ 0.6",
                    Optional.of(ratio), ratio >= 0.6 && run.aulaDrain.complete() ? "PASS" : "MISS",
                    String.format("%.0f (pre-filled outbox) ÷ %.0f records/s acknowledged (batch.size %d KiB, as the "
                            + "relay's producer since issue 11; with Kafka's default %d KiB: %.0f)", run.aulaDrain.drainPerSecond(),
                            run.kafka.burst().writersPerSecond(), RawKafka.FLOOR_BATCH_BYTES / 1024,
                            RawKafka.DEFAULT_BATCH_BYTES / 1024, run.kafka.defaultBatchingBurst().writersPerSecond())
                            + (run.postgresFloors == null ? "" : String.format("; the database's own floor for the same "
                                    + "rounds (select 500 and mark them, plain JDBC, no Kafka): %.0f rows/s, so the relay "
                                    + "reaches %.2f of the lower floor", run.postgresFloors.drainPerSecond(),
                                    run.aulaDrain.drainPerSecond() / Math.min(run.postgresFloors.drainPerSecond(),
                                            run.kafka.burst().writersPerSecond())))));
        } else {
            targets.add(notMeasured("relay drain events/s ÷ raw producer (`acks=all`, same record size)", "≥ 0.6",
                    "needs subjects aula and kafka"));
        }
        if (run.aulaBurst != null) {
            double ratio = run.aulaBurst.drainPerSecond() / run.aulaBurst.writersPerSecond();
            targets.add(new Target("relay with 8 concurrent writers ÷ the writers' own rate", "≥ 0.95",
                    Optional.of(ratio), ratio >= 0.95 && run.aulaBurst.complete() ? "PASS" : "MISS",
                    String.format("%.0f ÷ %.0f events/s", run.aulaBurst.drainPerSecond(),
                            run.aulaBurst.writersPerSecond())));
            double p99 = run.aulaPaced.latency().p99Millis();
            targets.add(new Target("one hop commit→consume p99 at 200 events/s", "≤ 20 ms", Optional.of(p99),
                    p99 <= 20 && run.aulaPaced.received() == run.aulaPaced.events() ? "PASS" : "MISS",
                    String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms at %d/s", run.aulaPaced.latency().p50Millis(),
                            p99, run.aulaPaced.latency().maxMillis(), run.aulaPaced.rate())));
        } else {
            targets.add(notMeasured("relay with 8 concurrent writers ÷ the writers' own rate", "≥ 0.95", "needs subject aula"));
            targets.add(notMeasured("one hop commit→consume p99 at 200 events/s", "≤ 20 ms", "needs subject aula"));
        }
        if (run.endToEnd != null) {
            EndToEnd.Result e2e = run.endToEnd;
            double p99 = Math.max(e2e.enrolmentToRoster().p99Millis(), e2e.completedToCertificate().p99Millis());
            // Held against the target only if every event made it and the services took the offered rate.
            boolean complete = e2e.seenOnRoster() == e2e.enrolments() && e2e.certificates() == e2e.completions()
                    && e2e.enrolmentsPerSecond() >= 0.95 * e2e.rate() && e2e.completionsPerSecond() >= 0.95 * e2e.rate();
            targets.add(new Target("end-to-end p99 (enrolment → roster; completion → certificate) at 200 events/s",
                    "≤ 50 ms", Optional.of(p99), p99 <= 50 && complete ? "PASS" : "MISS",
                    String.format("the larger of: enrolment answer→on roster p99 %.1f ms (p50 %.1f, max %.1f; polled); "
                            + "course.completed→certificate.issued p99 %.1f ms (p50 %.1f, max %.1f); at %d/s; completion "
                            + "answer→certificate.issued p99 %.1f ms; achieved %.0f enrolments/s, %.0f completions/s",
                            e2e.enrolmentToRoster().p99Millis(),
                            e2e.enrolmentToRoster().p50Millis(), e2e.enrolmentToRoster().maxMillis(),
                            e2e.completedToCertificate().p99Millis(), e2e.completedToCertificate().p50Millis(),
                            e2e.completedToCertificate().maxMillis(), e2e.rate(),
                            e2e.completionAnswerToCertificate().p99Millis(), e2e.enrolmentsPerSecond(),
                            e2e.completionsPerSecond())
                            + (run.endToEndSpread == null ? "" : String.format("; the completions one cohort after another, "
                                    + "so on one partition of session.events at a time; spread over the cohorts (another "
                                    + "pass, %d): course.completed→certificate.issued p99 %.1f ms (p50 %.1f, max %.1f)",
                                    run.endToEndSpread.completions(),
                                    run.endToEndSpread.completedToCertificate().p99Millis(),
                                    run.endToEndSpread.completedToCertificate().p50Millis(),
                                    run.endToEndSpread.completedToCertificate().maxMillis()))));
        } else {
            targets.add(notMeasured("end-to-end p99 (enrolment → roster; completion → certificate) at 200 events/s",
                    "≤ 50 ms", "needs subject endtoend"));
        }
        if (run.bareLoop != null && run.saturation != null) {
            double ratio = run.saturation.pipelinePerSecond() / run.bareLoop.eventsPerSecond();
            boolean complete = run.saturation.seenOnRoster() == run.saturation.enrolments()
                    && run.bareLoop.received() == run.bareLoop.events();
            targets.add(new Target("pipeline events/s ÷ bare loop", "≥ 0.7", Optional.of(ratio),
                    ratio >= 0.7 && complete ? "PASS" : "MISS",
                    String.format("%.0f enrolments/s onto session-service's rosters at saturation (%d clients) ÷ bare "
                            + "loop %.0f events/s (a transaction per poll, as session-service's listener; %s a "
                            + "transaction per event)", run.saturation.pipelinePerSecond(), run.saturation.clients(),
                            run.bareLoop.eventsPerSecond(), run.bareLoopPerEvent == null ? "not measured"
                                    : String.format("%.0f events/s", run.bareLoopPerEvent.eventsPerSecond()))
                            + run.saturation.cpu().map(cpu -> "; CPU while saturated: " + cpu.describe(
                                    run.saturation.enrolments(), "enrolment")).orElse("")));
        } else if (run.bareLoop != null) {
            targets.add(new Target("pipeline events/s ÷ bare loop", "≥ 0.7", Optional.empty(), "NOT MEASURED",
                    String.format("bare loop %.0f events/s; the pipeline needs subject endtoend",
                            run.bareLoop.eventsPerSecond())));
        } else {
            targets.add(notMeasured("pipeline events/s ÷ bare loop", "≥ 0.7", "needs subject bare and the pipeline"));
        }
        if (run.seatRace != null) {
            SeatRace.Result race = run.seatRace;
            targets.add(new Target(String.format("seat race %,d → %d seats", race.nominations(), SeatRace.SEATS), "≤ 2 s",
                    Optional.of(race.seconds()), race.seconds() <= 2 && race.correct() ? "PASS" : "MISS",
                    String.format("%.2f s, %.0f nominations/s by %d HTTP clients, the service warm (its first race after "
                            + "start: %.2f s); %d seated, %d waiting, %d cohort.filled: %s", race.seconds(),
                            race.nominationsPerSecond(), race.clients(),
                            run.seatRaceFirst == null ? Double.NaN : run.seatRaceFirst.seconds(), race.seated(),
                            race.waiting(), race.filledEvents(), race.correct() ? "correct" : "WRONG")
                            + race.cpu().map(cpu -> "; CPU during the race: " + cpu.describe(race.nominations(),
                                    "nomination")).orElse("")
                            + (run.postgresFloors == null ? "" : String.format("; the database's floor for %d transactions "
                                    + "serialized on one row's lock by %d threads (lock, insert, update, durable commit; plain "
                                    + "JDBC): %.2f s", run.postgresFloors.lockRaceTransactions(),
                                    run.postgresFloors.lockRaceThreads(), run.postgresFloors.lockRaceSeconds()))));
        } else {
            targets.add(notMeasured("seat race 1,000 → 25 seats", "≤ 2 s", "needs subject seatrace"));
        }
        if (run.services != null) {
            double slowest = run.services.values().stream().mapToDouble(StartAndMemory.Service::cdsSeconds).max()
                    .orElse(Double.NaN);
            double slowestPlain = run.services.values().stream().mapToDouble(StartAndMemory.Service::startSeconds).max()
                    .orElse(Double.NaN);
            targets.add(new Target("one service, standalone jar, start to ready", "≤ 4 s", Optional.of(slowest),
                    slowest <= 4 ? "PASS" : "MISS", "the slowest service on a migrated database, started as the container "
                            + "image starts it (jar extracted, class data sharing archive of a training run): "
                            + String.join(", ", run.services.values().stream().map(service -> String.format(
                                    "%s %.1f s", service.name(), service.cdsSeconds())).toList())
                            + String.format("; the same with `java -jar` on the executable jar: slowest %.1f s (", slowestPlain)
                            + String.join(", ", run.services.values().stream().map(service -> String.format(
                                    "%s %.1f s, %.1f s on an empty database", service.name(), service.startSeconds(),
                                    service.firstStartSeconds())).toList()) + ")"));
        } else {
            targets.add(notMeasured("one service, standalone jar, start to ready", "≤ 4 s", "needs subject startup"));
        }
        return targets;
    }

    private static Target notMeasured(String figure, String target, String why) {
        return new Target(figure, target, Optional.empty(), "NOT MEASURED", why);
    }

    static String targetsTable(Run run) {
        StringBuilder table = new StringBuilder("| figure | target | measured | verdict | from |\n|---|---|---|---|---|\n");
        for (Target target : targets(run)) {
            table.append("| ").append(target.figure()).append(" | ").append(target.target()).append(" | ")
                    .append(target.value().map(value -> String.format("%.2f", value)).orElse("—")).append(" | ")
                    .append(target.verdict()).append(" | ").append(target.how()).append(" |\n");
        }
        return table.toString();
    }

    static String markdown(Run run) {
        Settings settings = run.settings;
        Map<String, Object> machine = machine();
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Generated by the benchmark harness (`benchmarks/`, issue 11); do not edit, run it again. ")
                .append("What each figure means: [benchmarks/README.md](benchmarks/README.md).\n\n");
        if (!settings.isDefault()) {
            md.append("> **Not the full benchmark**: settings differ from the defaults (see the command); these figures ")
                    .append("show the harness works, they are not the ones to hold against the targets.\n\n");
        }
        md.append("- Command: `").append(settings.command()).append("`\n");
        md.append("- Date: ").append(run.started).append("\n");
        String baselineCommit = Settings.baselineCommit();
        if (!baselineCommit.isEmpty()) {
            md.append("- Baseline: the services' jars built at commit ").append(baselineCommit)
                    .append(" (`-Dbenchmarks.baseline`) ran the seat race and the end-to-end passes first, in this run, ")
                    .append("on a broker and PostgreSQL of their own; see *What changed for speed*.\n");
        }
        md.append("- Machine: ").append(machine.get("cores")).append(" cores (").append(machine.get("cpu"))
                .append("), ").append(machine.get("memory")).append(" memory; ").append(machine.get("os"))
                .append("; load average (1, 5, 15 min) when the report was written: ").append(machine.get("load_average"))
                .append("\n");
        md.append("- JDK: ").append(machine.get("jdk")).append("; benchmark JVM options `").append(settings.jvm())
                .append("`\n");
        md.append("- One JVM holds the broker, the subjects and the consumers; PostgreSQL runs as its child process. ")
                .append("PostgreSQL ").append("with `fsync` and `synchronous_commit` on; one KRaft broker; topics of ")
                .append(Infrastructure.PARTITIONS).append(" partitions, replication 1; producers `acks=all`, ")
                .append("idempotent; every subject's pool ").append(Benchmarks.POOL_SIZE).append(" connections. The ")
                .append("services (subjects startup, seatrace, endtoend) run as their executable jars in JVMs of their ")
                .append("own (`").append(settings.serviceJvm()).append("`) on a broker and PostgreSQL of their own.\n");
        md.append("- Size: bursts of ").append(settings.events()).append(" events of ").append(settings.payloadBytes())
                .append(" bytes by ").append(settings.writers()).append(" writers over ").append(settings.keys())
                .append(" keys (warm-up ").append(settings.warmUpEvents()).append(" events first); paced ")
                .append(settings.rate()).append(" events/s for ").append(settings.seconds()).append(" s.\n\n");
        md.append("## Targets (issue 11)\n\n").append(targetsTable(run)).append('\n');
        md.append("## Figures\n\n");
        md.append("| subject | phase | figure | value |\n|---|---|---|---|\n");
        if (run.kafka != null) {
            kafkaBurst(md, "burst, batch.size " + RawKafka.FLOOR_BATCH_BYTES / 1024 + " KiB", run.kafka.burst());
            kafkaBurst(md, "burst, batch.size " + RawKafka.DEFAULT_BATCH_BYTES / 1024 + " KiB (Kafka's default)",
                    run.kafka.defaultBatchingBurst());
            paced(md, "raw Kafka", run.kafka.paced(), "send→consume");
        }
        if (run.postgresTxPerSecond != null) {
            row(md, "raw PostgreSQL", "burst", "one-event transactions/s, " + settings.writers() + " writers",
                    run.postgresTxPerSecond);
        }
        if (run.postgresFloors != null) {
            row(md, "raw PostgreSQL", "drain floor", "select " + RawPostgres.DRAIN_BATCH + " outbox rows and mark them, "
                    + "one transaction a batch, rows/s", run.postgresFloors.drainPerSecond());
            row(md, "raw PostgreSQL", "lock race floor", run.postgresFloors.lockRaceTransactions() + " transactions on one "
                    + "row's lock by " + run.postgresFloors.lockRaceThreads() + " threads, seconds",
                    run.postgresFloors.lockRaceSeconds());
        }
        if (run.bareLoop != null) {
            row(md, "bare loop", "burst", "consume → transaction per poll → produce, events/s", run.bareLoop.eventsPerSecond());
            if (run.bareLoopPerEvent != null) {
                row(md, "bare loop", "burst", "consume → transaction per event → produce, events/s",
                        run.bareLoopPerEvent.eventsPerSecond());
            }
            row(md, "bare loop", "burst", "received of " + run.bareLoop.events(), run.bareLoop.received());
            row(md, "bare loop", "burst", "per-key order violations", run.bareLoop.reorders());
        }
        if (run.aulaBurst != null) {
            burst(md, "Aula relay", run.aulaBurst);
            row(md, "Aula relay", "pre-filled outbox", "relay drain, events/s", run.aulaDrain.drainPerSecond());
            row(md, "Aula relay", "pre-filled outbox", "per-key order violations", run.aulaDrain.reorders());
            paced(md, "Aula relay", run.aulaPaced, "commit→consume");
        }
        if (run.aulaBeforeDrain != null) {
            String subject = "Aula relay, producer as before issue 11 (linger 5 ms, batch 16 KiB)";
            row(md, subject, "pre-filled outbox", "relay drain, events/s", run.aulaBeforeDrain.drainPerSecond());
            row(md, subject, "pre-filled outbox", "per-key order violations", run.aulaBeforeDrain.reorders());
            paced(md, subject, run.aulaBeforePaced, "commit→consume");
        }
        if (run.modulithBurst != null) {
            burst(md, "Spring Modulith", run.modulithBurst);
            paced(md, "Spring Modulith", run.modulithPaced, "commit→consume");
        }
        if (run.seatRace != null) {
            SeatRace.Result race = run.seatRace;
            String phase = race.nominations() + " → " + SeatRace.SEATS + " seats, " + race.clients() + " clients";
            row(md, "seat race (enrollment-service, HTTP)", phase, "seconds", race.seconds());
            row(md, "seat race (enrollment-service, HTTP)", phase, "nominations/s", race.nominationsPerSecond());
            latency(md, "seat race (enrollment-service, HTTP)", phase, "request→answer", race.answers());
            if (run.seatRaceFirst != null) {
                row(md, "seat race (enrollment-service, HTTP)", phase, "seconds, the first race after start",
                        run.seatRaceFirst.seconds());
            }
            race.cpu().ifPresent(cpu -> cpuRows(md, "seat race (enrollment-service, HTTP)", phase, cpu,
                    race.nominations(), "nomination"));
            md.append(String.format("| seat race (enrollment-service, HTTP) | %s | seated / waiting / failed; enrolled / "
                    + "waitlisted / cohort.filled events | %d / %d / %d; %d / %d / %d (%s) |%n", phase, race.seated(),
                    race.waiting(), race.failed(), race.enrolledEvents(), race.waitlistedEvents(), race.filledEvents(),
                    race.correct() ? "correct" : "WRONG"));
        }
        if (run.endToEnd != null) {
            EndToEnd.Result e2e = run.endToEnd;
            String subject = "services end to end";
            String phase = "paced " + e2e.rate() + "/s";
            row(md, subject, phase, "enrolments (cohorts of " + SeatRace.SEATS + ")", e2e.enrolments());
            row(md, subject, phase, "enrolments achieved/s", e2e.enrolmentsPerSecond());
            latency(md, subject, phase, "enrolment request→answer", e2e.enrolAnswer());
            latency(md, subject, phase, "enrolment answer→on session-service's roster (polled)", e2e.enrolmentToRoster());
            latency(md, subject, phase, "one roster read (the polling's resolution)", e2e.rosterRead());
            row(md, subject, phase, "on the roster, of " + e2e.enrolments(), e2e.seenOnRoster());
            latency(md, subject, phase, "course.completed→certificate.issued", e2e.completedToCertificate());
            latency(md, subject, phase, "completion answer→certificate.issued", e2e.completionAnswerToCertificate());
            row(md, subject, phase, "completions achieved/s", e2e.completionsPerSecond());
            row(md, subject, phase, "certificates issued, of " + e2e.completions(), e2e.certificates());
            e2e.listeners().forEach((listener, total) -> row(md, subject, phase,
                    "listener time per record or poll, mean, ms: " + listener,
                    total.meanMillis()));
        }
        if (run.endToEndSpread != null) {
            EndToEnd.Result spread = run.endToEndSpread;
            String subject = "services end to end";
            String phase = "paced " + spread.rate() + "/s, completions spread over the cohorts";
            row(md, subject, phase, "completions", spread.completions());
            latency(md, subject, phase, "course.completed→certificate.issued", spread.completedToCertificate());
            latency(md, subject, phase, "completion answer→certificate.issued", spread.completionAnswerToCertificate());
            row(md, subject, phase, "completions achieved/s", spread.completionsPerSecond());
            row(md, subject, phase, "certificates issued, of " + spread.completions(), spread.certificates());
        }
        if (run.saturation != null) {
            EndToEnd.Saturation saturated = run.saturation;
            String subject = "services end to end";
            String phase = "saturated, " + saturated.clients() + " clients";
            row(md, subject, phase, "enrolments (cohorts of " + SeatRace.SEATS + ")", saturated.enrolments());
            row(md, subject, phase, "enrolment requests/s", saturated.requestsPerSecond());
            latency(md, subject, phase, "enrolment request→answer", saturated.answer());
            row(md, subject, phase, "pipeline: enrolments onto session-service's rosters/s", saturated.pipelinePerSecond());
            latency(md, subject, phase, "enrolment answer→on roster (polled)", saturated.answerToRoster());
            row(md, subject, phase, "on the roster, of " + saturated.enrolments(), saturated.seenOnRoster());
            saturated.cpu().ifPresent(cpu -> cpuRows(md, subject, phase, cpu, saturated.enrolments(), "enrolment"));
            row(md, subject, phase, "then completions, cohort after cohort", saturated.completions().completions());
            row(md, subject, phase, "completion requests/s", saturated.completionRequestsPerSecond());
            row(md, subject, phase, "certificates issued/s (first completion request → last certificate.issued)",
                    saturated.certificatesPerSecond());
            latency(md, subject, phase, "course.completed→certificate.issued", saturated.completions().completedToCertificate());
            row(md, subject, phase, "certificates issued, of " + saturated.completions().completions(),
                    saturated.completions().certificates());
        }
        if (run.services != null) {
            for (StartAndMemory.Service service : run.services.values()) {
                String subject = service.name() + " (java -jar, alone)";
                row(md, subject, "start", "start to ready, empty database (migrations), s", service.firstStartSeconds());
                row(md, subject, "start", "start to ready, migrated database, s", service.startSeconds());
                row(md, subject, "idle", "resident memory, MiB", service.idleMiB());
                row(md, subject, "start", "start to ready, extracted jar, s", service.extractedSeconds());
                row(md, subject, "start", "start to ready, extracted jar with a CDS archive, s", service.cdsSeconds());
                row(md, subject, "idle", "resident memory, extracted jar with a CDS archive, MiB", service.cdsIdleMiB());
                if (!Double.isNaN(service.peakUnderLoadMiB())) {
                    row(md, subject, "end-to-end load", "resident memory, peak, MiB", service.peakUnderLoadMiB());
                }
            }
        }
        md.append('\n');
        speedChanges(md, run);
        md.append("## Other ratios\n\n");
        if (run.aulaBurst != null && run.postgresTxPerSecond != null) {
            md.append(String.format("- Aula's writers ÷ raw PostgreSQL transactions: %.2f (what `Outbox.append` and "
                    + "Spring's transaction cost over plain JDBC)%n", run.aulaBurst.writersPerSecond() / run.postgresTxPerSecond));
        }
        if (run.aulaBurst != null && run.kafka != null) {
            md.append(String.format("- Aula relay (burst, concurrent writers) ÷ raw producer: %.2f%n",
                    run.aulaBurst.drainPerSecond() / run.kafka.burst().writersPerSecond()));
        }
        if (run.aulaPaced != null && run.modulithPaced != null) {
            md.append(String.format("- commit→consume p99 at %d/s, Modulith ÷ Aula: %.2f%n", settings.rate(),
                    run.modulithPaced.latency().p99Millis() / run.aulaPaced.latency().p99Millis()));
        }
        if (run.aulaPaced != null && run.kafka != null) {
            md.append(String.format("- Aula commit→consume p99 ÷ raw Kafka send→consume p99, at %d/s: %.2f%n",
                    settings.rate(), run.aulaPaced.latency().p99Millis() / run.kafka.paced().latency().p99Millis()));
        }
        md.append('\n');
        md.append("## Not measured yet\n\n");
        md.append("The one-hop latency at saturation through the services (the relay's own is in the Aula burst): ")
                .append("issue 11 asks for it.\n");
        return md.toString();
    }

    /** What issue 11 changed for speed, each change measured before and after in this run. */
    private static void speedChanges(StringBuilder md, Run run) {
        List<String> lines = new ArrayList<>();
        if (run.aulaDrain != null && run.aulaBeforeDrain != null) {
            lines.add(String.format("- Relay producer `linger.ms` 5 → 0 and `batch.size` 16 KiB → 256 KiB "
                    + "(`aula.messaging.relay.linger`, `…producer-batch-size`): drain of a pre-filled outbox %.0f → %.0f "
                    + "events/s (after ÷ before %.2f)", run.aulaBeforeDrain.drainPerSecond(), run.aulaDrain.drainPerSecond(),
                    run.aulaDrain.drainPerSecond() / run.aulaBeforeDrain.drainPerSecond()));
        }
        if (run.aulaPaced != null && run.aulaBeforePaced != null) {
            Latencies before = run.aulaBeforePaced.latency();
            Latencies after = run.aulaPaced.latency();
            lines.add(String.format("- The same change, commit→consume at %d/s: p50 %.1f → %.1f ms, p99 %.1f → %.1f ms "
                    + "(after ÷ before: p50 %.2f, p99 %.2f)", run.aulaPaced.rate(), before.p50Millis(), after.p50Millis(),
                    before.p99Millis(), after.p99Millis(), after.p50Millis() / before.p50Millis(),
                    after.p99Millis() / before.p99Millis()));
        }
        if (run.seatRace != null && run.baselineSeatRace != null) {
            lines.add(String.format("- The services at the baseline commit (`-Dbenchmarks.baseline`) and now (all of the "
                    + "above, Spring Security's observations off, verified tokens remembered, certification's three effects "
                    + "of a record in one transaction and its counts published once per transaction, an enrolment's "
                    + "cohort locked without reading it first, certificates found by completion through an index, and "
                    + "a poll at a time in one transaction for certification's completions, session's roster and "
                    + "enrollment's webhook queue, a nomination's new people created before the cohort's lock and its "
                    + "institution's counts read with the cohort, the waitlist's length read as its highest position, "
                    + "and a transaction's outbox rows written in one statement at its commit): seat race, warm, "
                    + "%.2f → %.2f s (after ÷ before %.2f)%s",
                    run.baselineSeatRace.seconds(), run.seatRace.seconds(),
                    run.seatRace.seconds() / run.baselineSeatRace.seconds(),
                    run.baselineSeatRaceFirst == null || run.seatRaceFirst == null ? ""
                            : String.format("; the first race after start %.2f → %.2f s (%.2f)",
                                    run.baselineSeatRaceFirst.seconds(), run.seatRaceFirst.seconds(),
                                    run.seatRaceFirst.seconds() / run.baselineSeatRaceFirst.seconds())));
        }
        if (run.endToEnd != null && run.baselineEndToEnd != null) {
            EndToEnd.Result before = run.baselineEndToEnd;
            EndToEnd.Result after = run.endToEnd;
            lines.add(String.format("- The same, at %d/s: enrolment request→answer p99 %.1f → %.1f ms (%.2f); enrolment "
                    + "answer→on roster p99 %.1f → %.1f ms (%.2f); course.completed→certificate.issued p50 %.1f → %.1f ms, "
                    + "p99 %.1f → %.1f ms (%.2f)", after.rate(), before.enrolAnswer().p99Millis(),
                    after.enrolAnswer().p99Millis(), after.enrolAnswer().p99Millis() / before.enrolAnswer().p99Millis(),
                    before.enrolmentToRoster().p99Millis(), after.enrolmentToRoster().p99Millis(),
                    after.enrolmentToRoster().p99Millis() / before.enrolmentToRoster().p99Millis(),
                    before.completedToCertificate().p50Millis(), after.completedToCertificate().p50Millis(),
                    before.completedToCertificate().p99Millis(), after.completedToCertificate().p99Millis(),
                    after.completedToCertificate().p99Millis() / before.completedToCertificate().p99Millis()));
        }
        if (run.saturation != null && run.baselineSaturation != null) {
            lines.add(String.format("- The same, saturated: enrolments onto session-service's rosters %.0f → %.0f/s "
                    + "(after ÷ before %.2f); then completions, cohort after cohort: certificates issued %.0f → %.0f/s (%.2f)",
                    run.baselineSaturation.pipelinePerSecond(), run.saturation.pipelinePerSecond(),
                    run.saturation.pipelinePerSecond() / run.baselineSaturation.pipelinePerSecond(),
                    run.baselineSaturation.certificatesPerSecond(), run.saturation.certificatesPerSecond(),
                    run.saturation.certificatesPerSecond() / run.baselineSaturation.certificatesPerSecond()));
        }
        if (run.services != null) {
            for (StartAndMemory.Service service : run.services.values()) {
                lines.add(String.format("- %s started as the container image now starts it (jar extracted, CDS archive "
                        + "of a training run) instead of `java -jar`: start to ready %.1f → %.1f s (after ÷ before %.2f; "
                        + "extracted without the archive %.1f s)", service.name(), service.startSeconds(),
                        service.cdsSeconds(), service.cdsSeconds() / service.startSeconds(), service.extractedSeconds()));
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        md.append("## What changed for speed (before and after, measured in this run)\n\n");
        lines.forEach(line -> md.append(line).append('\n'));
        md.append('\n');
    }

    private static void kafkaBurst(StringBuilder md, String phase, Figures.Burst burst) {
        row(md, "raw Kafka", phase, "producer, records acknowledged/s", burst.writersPerSecond());
        row(md, "raw Kafka", phase, "produce→consume, records/s", burst.drainPerSecond());
        latency(md, "raw Kafka", phase, "send→consume", burst.latency());
    }

    private static void burst(StringBuilder md, String subject, Figures.Burst burst) {
        row(md, subject, "burst", "writers' own rate, events/s", burst.writersPerSecond());
        row(md, subject, "burst", "drain with writers running, events/s", burst.drainPerSecond());
        row(md, subject, "burst", "received of " + burst.events(), burst.received());
        row(md, subject, "burst", "per-key order violations", burst.reorders());
        row(md, subject, "burst", "duplicates", burst.duplicates());
        latency(md, subject, "burst", "commit→consume", burst.latency());
    }

    private static void paced(StringBuilder md, String subject, Figures.Paced paced, String what) {
        String phase = "paced " + paced.rate() + "/s";
        latency(md, subject, phase, what, paced.latency());
        row(md, subject, phase, "received of " + paced.events(), paced.received());
        row(md, subject, phase, "per-key order violations", paced.reorders());
    }

    private static void latency(StringBuilder md, String subject, String phase, String what, Latencies latency) {
        md.append(String.format("| %s | %s | %s p50 / p90 / p99 / max, ms | %.1f / %.1f / %.1f / %.1f |%n", subject,
                phase, what, latency.p50Millis(), latency.p90Millis(), latency.p99Millis(), latency.maxMillis()));
    }

    private static void cpuRows(StringBuilder md, String subject, String phase, CpuUse.Spent cpu, int operations,
            String operation) {
        row(md, subject, phase, String.format("machine cores busy (of %d), every process", cpu.cores()), cpu.busyCores());
        cpu.millisPer(operations).forEach((group, millis) -> md.append(String.format("| %s | %s | CPU ms per %s: %s | %.2f |%n",
                subject, phase, operation, group, millis)));
        md.append(String.format("| %s | %s | CPU ms per %s: the whole machine | %.2f |%n", subject, phase, operation,
                cpu.machineBusySeconds() * 1000 / operations));
        md.append(String.format("| %s | %s | the machine's busy CPU spread over its %d cores (the CPU floor), s | %.2f |%n",
                subject, phase, cpu.cores(), cpu.cpuFloorSeconds()));
    }

    private static void row(StringBuilder md, String subject, String phase, String figure, double value) {
        md.append(String.format("| %s | %s | %s | %s |%n", subject, phase, figure,
                value == Math.rint(value) ? String.format("%.0f", value) : String.format("%.1f", value)));
    }

    static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("cpu", procLine("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch")));
        machine.put("memory", procLine("/proc/meminfo", "MemTotal")
                .map(kb -> String.format("%.1f GiB", Long.parseLong(kb.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0))
                .orElse("unknown"));
        // Other work on the machine moves every figure: the load average says how much there was.
        machine.put("load_average", procFirstLine("/proc/loadavg").orElse("unknown"));
        machine.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        return machine;
    }

    private static Optional<String> procFirstLine(String file) {
        try {
            return Files.readAllLines(Path.of(file)).stream().findFirst()
                    .map(line -> String.join(" ", List.of(line.split(" ")).subList(0, 3)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> procLine(String file, String field) {
        try {
            return Files.readAllLines(Path.of(file)).stream()
                    .filter(line -> line.startsWith(field))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
