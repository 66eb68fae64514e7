package org.aula.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One Aula service run as it is deployed: its executable jar with {@code java -jar}, in a JVM of its own, against
 * the benchmark's broker and PostgreSQL, trusting the benchmark's token issuer. Knows its start-to-ready time (from
 * just before the process starts until {@code /actuator/health/readiness} answers UP) and reads its resident memory
 * from {@code /proc}.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration READINESS_POLL = Duration.ofMillis(20);

    private final String name;
    private final Process process;
    private final URI baseUrl;
    private final Path log;
    private final long startedNanos;
    private long readyNanos;

    private ServiceProcess(String name, Process process, URI baseUrl, Path log, long startedNanos) {
        this.name = name;
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    /**
     * Starts {@code jar} with {@code jvmOptions}, then {@code extraJvmOptions} (a CDS archive), and the connection
     * settings the local platform passes its services (as command-line arguments, which outrank the service's own
     * yml), on a free port, output to {@code logs/<logName>.log}.
     */
    static ServiceProcess start(String name, Path jar, List<String> jvmOptions, List<String> extraJvmOptions, Path logs,
            String logName, List<String> arguments) {
        int port = freePort();
        URI baseUrl = URI.create("http://localhost:" + port);
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.addAll(extraJvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.add("--spring.main.banner-mode=off");
        command.addAll(arguments);
        if (name.equals("certification-service")) {
            command.add("--aula.certification.public-base-url=" + baseUrl);
        }
        try {
            Files.createDirectories(logs);
            Path log = logs.resolve(logName + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            long started = System.nanoTime();
            Process process = builder.start();
            // Should the benchmark end without closing it (an exception, Ctrl-C), the service ends with it.
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-" + name));
            return new ServiceProcess(name, process, baseUrl, log, started);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** The {@code java} of the JDK the benchmark runs on. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Waits until the readiness probe answers UP; returns the time from just before the process start. */
    Duration awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(baseUrl.resolve("/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = startedNanos + READINESS_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready; see "
                        + log);
            }
            try {
                HttpResponse<String> answer = http.send(probe, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    readyNanos = System.nanoTime();
                    return startToReady();
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            LockSupport.parkNanos(READINESS_POLL.toNanos());
        }
        throw new IllegalStateException(name + " not ready within " + READINESS_TIMEOUT.toSeconds() + " s; see " + log);
    }

    Duration startToReady() {
        return Duration.ofNanos(readyNanos - startedNanos);
    }

    /** Resident set size of the service's JVM now ({@code VmRSS} in {@code /proc/<pid>/status}), in MiB. */
    double residentMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
            throw new IllegalStateException("no VmRSS for " + name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the resident memory of " + name, e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    URI baseUrl() {
        return baseUrl;
    }

    /** Stops the service as an orchestrator would (SIGTERM, graceful shutdown), forcibly after 30 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
