package org.aula.benchmarks;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The size of one benchmark run, read from system properties {@code benchmarks.*} (the module's pom passes the
 * Maven properties of the same names through).
 *
 * @param events       events (or records, or transactions) in each burst; the warm-up writes a tenth of it
 * @param writers      concurrent writer threads in a burst
 * @param keys         distinct keys (aggregates); each writer owns {@code keys / writers} of them
 * @param payloadBytes size of one event's JSON value
 * @param rate         events per second of the paced phase
 * @param seconds      length of the paced phase
 * @param subjects     which of kafka, postgres, bare, aula, modulith, startup, seatrace, endtoend to run
 * @param jvm          the JVM options of the benchmark's JVM, reported
 * @param seatRaceNominations nominations of the seat race (into a cohort of {@link SeatRace#SEATS} seats)
 * @param seatRaceClients     concurrent HTTP clients of the seat race
 * @param serviceJvm   the JVM options each service's {@code java -jar} gets
 * @param serviceJars  each service's executable jar, by service name (passed by the pom)
 * @param out          folder for the JSON results
 * @param report       the generated markdown report
 */
record Settings(int events, int writers, int keys, int payloadBytes, int rate, int seconds, List<String> subjects,
        String jvm, int seatRaceNominations, int seatRaceClients, String serviceJvm, Map<String, Path> serviceJars,
        Path out, Path report) {

    static final Map<String, String> DEFAULTS = defaults();

    static Settings fromSystemProperties() {
        Settings settings = new Settings(intProperty("events"), intProperty("writers"), intProperty("keys"),
                intProperty("payload-bytes"), intProperty("rate"), intProperty("seconds"),
                List.of(property("subjects").split(",")), property("jvm"), intProperty("seat-race.nominations"),
                intProperty("seat-race.clients"), property("service-jvm"), serviceJarsFromProperties(),
                Path.of(System.getProperty("benchmarks.out", "target/benchmarks")),
                Path.of(System.getProperty("benchmarks.report", "BENCHMARKS.md")));
        if (settings.keys % settings.writers != 0) {
            throw new IllegalArgumentException("benchmarks.keys must be a multiple of benchmarks.writers");
        }
        return settings;
    }

    private static Map<String, Path> serviceJarsFromProperties() {
        Map<String, Path> jars = new LinkedHashMap<>();
        for (String service : List.of("enrollment-service", "session-service", "certification-service")) {
            String jar = System.getProperty("benchmarks.jar." + service);
            if (jar != null && !jar.isBlank()) {
                jars.put(service, Path.of(jar));
            }
        }
        return Map.copyOf(jars);
    }

    /**
     * The executable jars of the commit before issue 11's changes to the services, when {@code -Dbenchmarks.baseline}
     * names a checkout of it with the jars built (empty otherwise): the seat race and the end-to-end passes then run on
     * them too, in the same run, for the before-and-after figures.
     */
    static Map<String, Path> baselineJars() {
        String folder = System.getProperty("benchmarks.baseline", "").trim();
        if (folder.isEmpty()) {
            return Map.of();
        }
        Map<String, Path> jars = new LinkedHashMap<>();
        for (String service : List.of("enrollment-service", "session-service", "certification-service")) {
            Path jar = Path.of(folder, service, "target", service + "-0.1.0-SNAPSHOT-exec.jar");
            if (!java.nio.file.Files.isRegularFile(jar)) {
                throw new IllegalStateException("-Dbenchmarks.baseline=" + folder + " has no " + jar
                        + "; build it there first (see benchmarks/README.md)");
            }
            jars.put(service, jar);
        }
        return jars;
    }

    boolean runs(String subject) {
        return subjects.contains(subject);
    }

    int warmUpEvents() {
        return Math.max(events / 10, keys);
    }

    int pacedEvents() {
        return rate * seconds;
    }

    /** The command that reproduces this run: the documented one plus every setting that differs from its default. */
    String command() {
        StringBuilder command = new StringBuilder("./mvnw -B -Pbenchmarks -pl benchmarks -am verify -DskipTests");
        DEFAULTS.forEach((name, value) -> {
            String actual = property(name);
            if (!actual.equals(value)) {
                command.append(" -Dbenchmarks.").append(name).append('=')
                        .append(actual.contains(" ") ? "\"" + actual + "\"" : actual);
            }
        });
        String baseline = System.getProperty("benchmarks.baseline", "").trim();
        if (!baseline.isEmpty()) {
            command.append(" -Dbenchmarks.baseline=").append(baseline);
        }
        return command.toString();
    }

    /** The commit of the baseline checkout ({@code git rev-parse --short HEAD} there), or empty without one. */
    static String baselineCommit() {
        String folder = System.getProperty("benchmarks.baseline", "").trim();
        if (folder.isEmpty()) {
            return "";
        }
        try {
            Process git = new ProcessBuilder("git", "-C", folder, "rev-parse", "--short", "HEAD").redirectErrorStream(true)
                    .start();
            String commit = new String(git.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            return git.waitFor() == 0 ? commit : "(not a git checkout)";
        } catch (java.io.IOException e) {
            return "(unknown: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(unknown)";
        }
    }

    /** Whether every setting is its default: the full benchmark, not a smoke run. */
    boolean isDefault() {
        return DEFAULTS.entrySet().stream().allMatch(setting -> property(setting.getKey()).equals(setting.getValue()));
    }

    private static Map<String, String> defaults() {
        // Keep in step with benchmarks/pom.xml.
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("events", "20000");
        defaults.put("writers", "8");
        defaults.put("keys", "200");
        defaults.put("payload-bytes", "1024");
        defaults.put("rate", "200");
        defaults.put("seconds", "30");
        defaults.put("subjects", "kafka,postgres,bare,aula,modulith,startup,seatrace,endtoend");
        defaults.put("jvm", "-Xms1g -Xmx1g");
        defaults.put("seat-race.nominations", "1000");
        defaults.put("seat-race.clients", "32");
        defaults.put("service-jvm", "-Xms512m -Xmx768m -XX:+ExitOnOutOfMemoryError");
        return defaults;
    }

    private static String property(String name) {
        return System.getProperty("benchmarks." + name, DEFAULTS.get(name)).trim();
    }

    private static int intProperty(String name) {
        return Integer.parseInt(property(name));
    }
}
