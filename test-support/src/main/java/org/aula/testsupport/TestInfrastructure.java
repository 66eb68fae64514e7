package org.aula.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.aula.deploy.embedded.EmbeddedKafkaBroker;
import org.aula.deploy.embedded.EmbeddedPostgresServer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One Kafka broker and one PostgreSQL shared by every test in a JVM, started on first use and
 * stopped when the JVM exits.
 *
 * <p>The back end comes from the system property {@value #BACKEND_PROPERTY} or the environment
 * variable {@value #BACKEND_ENV}: {@code embedded}, {@code testcontainers} or {@code auto} (the
 * default: Testcontainers when a Docker daemon answers, else embedded). Give each test its own
 * topics and database rather than restarting anything: each start costs seconds.
 *
 * <p>Kafka logs megabytes at INFO. Modules using this should set the loggers {@code org.apache.kafka},
 * {@code kafka}, {@code state.change.logger} and {@code org.apache.zookeeper} to WARN in their
 * test logging configuration (e.g. {@code src/test/resources/logback-test.xml}).
 */
public final class TestInfrastructure {

    /** System property choosing the back end. */
    public static final String BACKEND_PROPERTY = "aula.test.backend";
    /** Environment variable choosing the back end when the system property is absent. */
    public static final String BACKEND_ENV = "AULA_TEST_BACKEND";

    private static TestInfrastructure shared;

    private final Backend backend;

    private TestInfrastructure(Backend backend) {
        this.backend = backend;
    }

    /** The JVM-wide instance, started on the first call. */
    public static synchronized TestInfrastructure shared() {
        if (shared == null) {
            TestInfrastructure started = new TestInfrastructure(startBackend(requestedBackend()));
            Runtime.getRuntime().addShutdownHook(new Thread(started.backend::close, "aula-test-infrastructure-stop"));
            shared = started;
        }
        return shared;
    }

    /** The {@code bootstrap.servers} value for Kafka clients. */
    public String kafkaBootstrapServers() {
        return backend.kafkaBootstrapServers();
    }

    /** Creates {@code database} unless it exists and returns its JDBC URL. */
    public String jdbcUrl(String database) {
        return backend.jdbcUrl(database);
    }

    /** The database user. */
    public String username() {
        return backend.username();
    }

    /** The database password. */
    public String password() {
        return backend.password();
    }

    /** {@code "embedded"} or {@code "testcontainers"}. */
    public String backend() {
        return backend.name();
    }

    /**
     * Points a Spring test context at the shared infrastructure:
     * {@code @ContextConfiguration(initializers = TestInfrastructure.Initializer.class)}.
     * The database is named by {@code aula.test.database}, else {@code spring.application.name},
     * else {@code aula}. It also sets {@value TestTokens#PUBLIC_KEY_LOCATION_PROPERTY} to
     * {@link TestTokens}' public key, so tokens from {@link TestTokens} are accepted.
     */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            ConfigurableEnvironment environment = context.getEnvironment();
            String database = environment.getProperty("aula.test.database",
                    environment.getProperty("spring.application.name", "aula"));
            TestInfrastructure infrastructure = shared();
            // First place: these must beat whatever application.yml says about localhost.
            environment.getPropertySources().addFirst(new MapPropertySource("aulaTestInfrastructure", Map.of(
                    "spring.datasource.url", infrastructure.jdbcUrl(database),
                    "spring.datasource.username", infrastructure.username(),
                    "spring.datasource.password", infrastructure.password(),
                    "spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers(),
                    // Harmless without Spring Security; with it, the service trusts TestTokens.
                    TestTokens.PUBLIC_KEY_LOCATION_PROPERTY, TestTokens.publicKeyLocation())));
        }
    }

    static String requestedBackend() {
        String value = System.getProperty(BACKEND_PROPERTY);
        if (value == null || value.isBlank()) {
            value = System.getenv(BACKEND_ENV);
        }
        return value == null || value.isBlank() ? "auto" : value.trim().toLowerCase(Locale.ROOT);
    }

    private static Backend startBackend(String requested) {
        return switch (requested) {
            case "embedded" -> EmbeddedBackend.start();
            case "testcontainers" -> ContainerBackend.start();
            case "auto" -> dockerAvailable() ? ContainerBackend.start() : EmbeddedBackend.start();
            default -> throw new IllegalArgumentException(
                    BACKEND_PROPERTY + " must be embedded, testcontainers or auto, not " + requested);
        };
    }

    private static boolean dockerAvailable() {
        try {
            // Without a daemon this fails fast (no socket to connect to) and logs one error.
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Exception | LinkageError e) {
            // Whatever goes wrong while probing, the embedded back end still works.
            return false;
        }
    }

    private interface Backend {
        String name();

        String kafkaBootstrapServers();

        String jdbcUrl(String database);

        String username();

        String password();

        void close();
    }

    private static final class EmbeddedBackend implements Backend {

        private final EmbeddedKafkaBroker kafka;
        private final Path kafkaLogDir;
        private final EmbeddedPostgresServer postgres;

        private EmbeddedBackend(EmbeddedKafkaBroker kafka, Path kafkaLogDir, EmbeddedPostgresServer postgres) {
            this.kafka = kafka;
            this.kafkaLogDir = kafkaLogDir;
            this.postgres = postgres;
        }

        static EmbeddedBackend start() {
            Path logDir;
            try {
                logDir = Files.createTempDirectory("aula-test-kafka-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // PostgreSQL starts in a child process while Kafka starts here; overlapping the two
            // hides most of PostgreSQL's start-up.
            CompletableFuture<EmbeddedPostgresServer> postgres =
                    CompletableFuture.supplyAsync(() -> EmbeddedPostgresServer.start(null, 0, false));
            EmbeddedKafkaBroker kafka;
            try {
                kafka = EmbeddedKafkaBroker.start(logDir, 0);
            } catch (RuntimeException e) {
                postgres.thenAccept(EmbeddedPostgresServer::close);
                throw e;
            }
            try {
                return new EmbeddedBackend(kafka, logDir, postgres.join());
            } catch (RuntimeException e) {
                kafka.close();
                throw e;
            }
        }

        @Override
        public String name() {
            return "embedded";
        }

        @Override
        public String kafkaBootstrapServers() {
            return kafka.bootstrapServers();
        }

        @Override
        public String jdbcUrl(String database) {
            return postgres.jdbcUrl(database);
        }

        @Override
        public String username() {
            return postgres.username();
        }

        @Override
        public String password() {
            return postgres.password();
        }

        @Override
        public void close() {
            try {
                kafka.close();
                deleteRecursively(kafkaLogDir);
            } finally {
                postgres.close();
            }
        }

        private static void deleteRecursively(Path dir) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // Only a leftover temp folder; not worth failing a test run at exit.
            }
        }
    }

    private static final class ContainerBackend implements Backend {

        // Same rule as the embedded server so a name that works here works there.
        private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]{0,62}");

        private final KafkaContainer kafka;
        private final PostgreSQLContainer postgres;
        private final Set<String> knownDatabases = ConcurrentHashMap.newKeySet();

        private ContainerBackend(KafkaContainer kafka, PostgreSQLContainer postgres) {
            this.kafka = kafka;
            this.postgres = postgres;
        }

        static ContainerBackend start() {
            KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");
            PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");
            Startables.deepStart(kafka, postgres).join();
            return new ContainerBackend(kafka, postgres);
        }

        @Override
        public String name() {
            return "testcontainers";
        }

        @Override
        public String kafkaBootstrapServers() {
            return kafka.getBootstrapServers();
        }

        @Override
        public String jdbcUrl(String database) {
            if (!DATABASE_NAME.matcher(database).matches()) {
                throw new IllegalArgumentException("Unsupported database name: " + database);
            }
            if (!knownDatabases.contains(database)) {
                createIfMissing(database);
                knownDatabases.add(database);
            }
            return "jdbc:postgresql://" + postgres.getHost() + ":"
                    + postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/" + database;
        }

        private void createIfMissing(String database) {
            try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl(), username(), password());
                    Statement sql = connection.createStatement()) {
                sql.execute("CREATE DATABASE \"" + database + "\"");
            } catch (SQLException e) {
                // 42P04: it already exists; 23505: a concurrent CREATE DATABASE won the race.
                if (!"42P04".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
                    throw new IllegalStateException("Could not create database " + database, e);
                }
            }
        }

        @Override
        public String username() {
            return postgres.getUsername();
        }

        @Override
        public String password() {
            return postgres.getPassword();
        }

        @Override
        public void close() {
            kafka.stop();
            postgres.stop();
        }
    }
}
