package org.aula.testsupport.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;

/**
 * Collects one row per fault scenario and writes {@code RELIABILITY.md} at the repository root.
 * Each scenario writes its row as JSON under {@code target/reliability/} of the repository root;
 * after every row the Markdown table is regenerated from all rows present, so the file is complete
 * whichever module or test ran last. A {@code mvn clean} (or a fresh clone) starts an empty table.
 */
public final class ReliabilityReport {

    /** System property overriding where the repository root is (defaults to the folder holding {@code mvnw}). */
    public static final String ROOT_PROPERTY = "aula.repository.root";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReliabilityReport() {
    }

    /**
     * One scenario's result.
     *
     * @param id               a stable id that orders the table, e.g. {@code "01-seat-race"}
     * @param scenario         what was done, in a few words
     * @param load             how much, e.g. "1,000 nominations × 20 runs"
     * @param faults           what failed, e.g. "database read-only 10 s, then unreachable 60 s"
     * @param lost             acknowledged writes never observed
     * @param duplicates       effects repeated
     * @param orderViolations  effects out of key order
     * @param deadLetters      records sent to a dead-letter topic
     * @param recovery         recovery time after the fault ended, e.g. "4.2 s", or "n/a"
     * @param form             "fast" (in ./mvnw verify) or "long" (-Preliability)
     */
    public record Row(String id, String scenario, String load, String faults, long lost, long duplicates,
            long orderViolations, long deadLetters, String recovery, String form) {
    }

    /** Records a row and regenerates {@code RELIABILITY.md}. */
    public static synchronized void record(Row row) {
        Path dir = root().resolve("target").resolve("reliability");
        try {
            Files.createDirectories(dir);
            JSON.writeValue(dir.resolve(row.id() + ".json").toFile(), row);
            write(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Formats a duration in milliseconds as seconds with one decimal. */
    public static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static void write(Path dir) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                rows.add(JSON.readValue(file.toFile(), Row.class));
            }
        }
        rows.sort(Comparator.comparing(Row::id));
        StringBuilder md = new StringBuilder();
        md.append("# Reliability\n\n")
                .append("Written by the fault suite (`./mvnw verify` runs the fast forms; `./mvnw verify -Preliability` the long ones).\n")
                .append("Each scenario records every acknowledged write and every observed effect against a real Kafka\n")
                .append("and a real PostgreSQL, then compares the sets: lost = acknowledged − observed; duplicates =\n")
                .append("effects − distinct effects; order violations per key. A scenario that loses, doubles or\n")
                .append("reorders fails the build. Dead letters are counted only where no poison was sent, except in\n")
                .append("the poison scenario, where exactly the poison is expected there.\n\n")
                .append("- Machine: ").append(machine()).append('\n')
                .append("- Date: ").append(LocalDate.now(ZoneOffset.UTC)).append('\n').append('\n')
                .append("| scenario | load | faults | lost | duplicates | order violations | dead letters | recovery time | form |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            md.append("| ").append(cell(row.scenario())).append(" | ").append(cell(row.load())).append(" | ")
                    .append(cell(row.faults())).append(" | ").append(row.lost()).append(" | ")
                    .append(row.duplicates()).append(" | ").append(row.orderViolations()).append(" | ")
                    .append(row.deadLetters()).append(" | ").append(cell(row.recovery())).append(" | ")
                    .append(row.form()).append(" |\n");
        }
        Files.writeString(root().resolve("RELIABILITY.md"), md.toString(), StandardCharsets.UTF_8);
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }

    private static String machine() {
        Runtime runtime = Runtime.getRuntime();
        return String.format(Locale.ROOT, "%s %s, %d cores, %d GiB heap max, Java %s",
                System.getProperty("os.name"), System.getProperty("os.arch"), runtime.availableProcessors(),
                Math.max(1, runtime.maxMemory() >> 30), System.getProperty("java.version"))
                + ", load average at write " + String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    static Path root() {
        String configured = System.getProperty(ROOT_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.exists(candidate.resolve("mvnw")) && Files.isDirectory(candidate.resolve(".mvn"))) {
                return candidate;
            }
        }
        return dir;
    }
}
