package org.aula.deploy.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code kill -9} of the JVM running the platform leaves its PostgreSQL running, orphaned, on the
 * data directory; the next start on that directory must deal with it rather than fail.
 */
class HardKillRecoveryIT {

    private Path workDir;
    private final List<ProcessHandle> started = new ArrayList<>();

    @BeforeEach
    void createWorkDir() throws IOException {
        // Inside target/: the machine's temp folder is shared with other builds.
        Path base = Files.createDirectories(Path.of("target", "hard-kill-it"));
        workDir = Files.createTempDirectory(base.toAbsolutePath(), "data-");
    }

    @AfterEach
    void killWhatWasStartedAndDeleteWorkDir() throws IOException {
        for (ProcessHandle process : started) {
            killWithDescendants(process);
        }
        try (Stream<Path> paths = Files.walk(workDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void startAfterAHardKillStopsTheOrphanedPostmasterAndKeepsTheData() throws Exception {
        Path postgresDir = workDir.resolve("postgres");
        int port = freePort();

        Process platform = startHardKilledPlatform(port);
        try (Connection connection = connect(port); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE cohort (code text PRIMARY KEY, capacity int NOT NULL)");
            sql.execute("INSERT INTO cohort VALUES ('JAVA-1', 20)");
        }
        platform.destroyForcibly(); // SIGKILL: no shutdown hook runs, as with kill -9
        assertThat(platform.waitFor(30, TimeUnit.SECONDS)).as("the killed JVM exits").isTrue();

        ProcessHandle orphan = postmasterOf(postgresDir).orElseThrow();
        started.add(orphan);
        assertThat(orphan.isAlive()).as("the postmaster outlives the JVM that started it").isTrue();

        // The orphan still holds the old port, so the platform picks another one (Ports.choosePostgresPort).
        long restart = System.nanoTime();
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(postgresDir, 0, true)) {
            System.out.printf("PostgreSQL start over an orphaned postmaster took %d ms%n",
                    (System.nanoTime() - restart) / 1_000_000);
            assertThat(orphan.isAlive()).as("the orphaned postmaster %d is stopped", orphan.pid()).isFalse();
            try (Connection connection = connect(postgres.port()); Statement sql = connection.createStatement();
                    ResultSet rs = sql.executeQuery("SELECT code || ':' || capacity FROM cohort")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("JAVA-1:20");
            }
        }

        // Kafka's log directory lock is a file lock: it died with the JVM, so the broker starts.
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(workDir.resolve("kafka"), 0)) {
            assertThat(kafka.bootstrapServers()).isNotBlank();
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void startOnADataDirectoryInUseIsRefusedAndLeavesTheRunningServerAlone() throws Exception {
        Path postgresDir = workDir.resolve("postgres");
        try (EmbeddedPostgresServer running = EmbeddedPostgresServer.start(postgresDir, 0, false)) {
            ProcessHandle postmaster = postmasterOf(postgresDir).orElseThrow();
            started.add(postmaster);

            assertThatThrownBy(() -> EmbeddedPostgresServer.start(postgresDir, 0, false))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(postgresDir + " is in use by a running process")
                    .hasMessageContaining("postmaster PID " + postmaster.pid());

            assertThat(postmaster.isAlive()).isTrue();
            try (Connection connection = connect(running.port()); Statement sql = connection.createStatement();
                    ResultSet rs = sql.executeQuery("SELECT 1")) {
                assertThat(rs.next()).isTrue();
            }
        }
    }

    private Process startHardKilledPlatform(int postgresPort) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", classPath,
                HardKilledPlatform.class.getName(), workDir.toString(), Integer.toString(postgresPort));
        builder.redirectError(workDir.resolve("hard-killed-platform.err").toFile());
        Process process = builder.start();
        started.add(process.toHandle());
        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.equals("READY")) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        assertThat(ready.get(120, TimeUnit.SECONDS))
                .as("the separate JVM starts PostgreSQL and Kafka (stderr in %s)", workDir.resolve("hard-killed-platform.err"))
                .isTrue();
        return process;
    }

    /** The process named by the first line of {@code postmaster.pid}, if that file exists. */
    private static Optional<ProcessHandle> postmasterOf(Path dataDir) throws IOException {
        File pidFile = dataDir.resolve("postmaster.pid").toFile();
        if (!pidFile.exists()) {
            return Optional.empty();
        }
        String firstLine = Files.readAllLines(pidFile.toPath()).get(0).trim();
        return ProcessHandle.of(Long.parseLong(firstLine));
    }

    private static void killWithDescendants(ProcessHandle process) {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(0, process);
        for (ProcessHandle each : all) {
            each.destroyForcibly();
        }
        for (ProcessHandle each : all) {
            each.onExit().completeOnTimeout(each, 10, TimeUnit.SECONDS).join();
        }
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "postgres");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
