package org.aula.benchmarks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Each service's start time standalone and its resident memory. A service is started alone (no other service
 * running, none starting) from its executable jar, twice: first on an empty database (its migrations run), then
 * again on the migrated database, as a new replica or a restart starts; start to ready is from just before
 * {@code java -jar} until the readiness probe answers UP. Resident memory ({@code VmRSS}) is read when the second
 * start has been idle for {@link #SETTLE}, and sampled every {@link Sampler#EVERY} under the end-to-end load; the
 * peak is kept.
 */
final class StartAndMemory {

    /** How long a started service idles before its idle memory is read. */
    static final Duration SETTLE = Duration.ofSeconds(5);

    private StartAndMemory() {
    }

    /**
     * One service's figures; {@code peakUnderLoadMiB} is NaN until a load ran. {@code extractedSeconds} and
     * {@code cdsSeconds}: start to ready on the migrated database from the jar extracted by Spring Boot's jar tools,
     * without and with a class data sharing archive of a training run (as the container image runs it).
     */
    record Service(String name, double firstStartSeconds, double startSeconds, double idleMiB, double extractedSeconds,
            double cdsSeconds, double cdsIdleMiB, double peakUnderLoadMiB) {

        Service withPeak(double peak) {
            return new Service(name, firstStartSeconds, startSeconds, idleMiB, extractedSeconds, cdsSeconds, cdsIdleMiB,
                    peak);
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("first_start_to_ready_seconds", Figures.round(firstStartSeconds));
            map.put("start_to_ready_seconds", Figures.round(startSeconds));
            map.put("resident_idle_mib", Figures.round(idleMiB));
            map.put("extracted_start_to_ready_seconds", Figures.round(extractedSeconds));
            map.put("extracted_with_cds_start_to_ready_seconds", Figures.round(cdsSeconds));
            map.put("extracted_with_cds_resident_idle_mib", Figures.round(cdsIdleMiB));
            map.put("resident_peak_under_end_to_end_load_mib", Figures.round(peakUnderLoadMiB));
            return map;
        }

        @Override
        public String toString() {
            return String.format("%s: ready %.1f s after java -jar on an empty database, %.1f s on a migrated one "
                    + "(resident %.0f MiB idle); extracted %.1f s; extracted with a CDS archive %.1f s (resident %.0f MiB "
                    + "idle)", name, firstStartSeconds, startSeconds, idleMiB, extractedSeconds, cdsSeconds, cdsIdleMiB);
        }
    }

    /**
     * Starts each service alone: twice from its executable jar (empty database, then migrated), then extracted, then
     * extracted with a CDS archive, each stopped again before the next.
     */
    static Map<String, Service> measure(Services services) {
        Map<String, Service> figures = new LinkedHashMap<>();
        for (String name : Services.NAMES) {
            double first = services.start(name).startToReady().toMillis() / 1000.0;
            services.stop(name);
            ServiceProcess again = services.start(name);
            double start = again.startToReady().toMillis() / 1000.0;
            LockSupport.parkNanos(SETTLE.toNanos());
            double idle = again.residentMiB();
            services.stop(name);
            ClassDataSharing.Launch extracted = ClassDataSharing.prepare(services, name, services.repository());
            double extractedStart;
            try (ServiceProcess plain = services.launch(name, extracted.jar(), List.of(), name + "-extracted")) {
                extractedStart = plain.awaitReady().toMillis() / 1000.0;
            }
            double cdsStart;
            double cdsIdle;
            try (ServiceProcess shared = services.launch(name, extracted.jar(), extracted.useArchive(), name + "-cds")) {
                cdsStart = shared.awaitReady().toMillis() / 1000.0;
                LockSupport.parkNanos(SETTLE.toNanos());
                cdsIdle = shared.residentMiB();
            }
            Service service = new Service(name, first, start, idle, extractedStart, cdsStart, cdsIdle, Double.NaN);
            Benchmarks.progress("  %s", service);
            figures.put(name, service);
        }
        return figures;
    }

    /** Samples the resident memory of the running services on a thread of its own, keeping each one's peak. */
    static final class Sampler implements AutoCloseable {

        static final Duration EVERY = Duration.ofMillis(100);

        private final Map<String, Double> peaks = new ConcurrentHashMap<>();
        private final Thread thread;
        private volatile boolean running = true;

        Sampler(List<ServiceProcess> processes) {
            this.thread = new Thread(() -> {
                while (running) {
                    for (ServiceProcess process : processes) {
                        try {
                            peaks.merge(process.name(), process.residentMiB(), Math::max);
                        } catch (RuntimeException e) {
                            // exited: its last reading stands
                        }
                    }
                    LockSupport.parkNanos(EVERY.toNanos());
                }
            }, "benchmark-rss-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        Map<String, Double> peaks() {
            return Map.copyOf(peaks);
        }

        @Override
        public void close() {
            running = false;
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
