package org.aula.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.aula.deploy.embedded.EmbeddedKafkaBroker;
import org.aula.deploy.embedded.EmbeddedPostgresServer;
import org.aula.deploy.identity.DemoUser;
import org.aula.deploy.identity.IdentityClient;
import org.aula.deploy.identity.LocalIdentityServer;
import org.aula.deploy.identity.LocalTokenIssuer;
import org.aula.events.Topics;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;

/**
 * Aula on one machine with nothing but a JDK: an embedded Kafka broker (KRaft) and an embedded
 * PostgreSQL, then enrollment-, session- and certification-service and a local OpenID Connect
 * provider, all in this JVM; the services trust the tokens of the local issuer whose key lives in
 * the data directory, and the provider signs with that key. {@link #main} is the
 * {@code ./platform} command; {@link #start} is the same platform for tests.
 */
public final class AulaLocalPlatform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AulaLocalPlatform.class);
    /** How long the coordinator token printed in the start-up block lives. */
    static final Duration BANNER_TOKEN_TTL = Duration.ofHours(8);

    private final Path dataDir;
    private final EmbeddedPostgresServer postgres;
    private final EmbeddedKafkaBroker kafka;
    private final LocalTokenIssuer tokens;
    private final LocalIdentityServer identity;
    private final ConfigurableApplicationContext console;
    private final Map<PlatformService, ConfigurableApplicationContext> services;
    private final Map<PlatformService, URI> baseUrls;
    private final Map<PlatformService, String> jdbcUrls;
    private final List<String> notices;
    private final Duration startupTime;
    private final AtomicBoolean closed = new AtomicBoolean();

    private AulaLocalPlatform(Path dataDir, EmbeddedPostgresServer postgres, EmbeddedKafkaBroker kafka,
            LocalTokenIssuer tokens, LocalIdentityServer identity, ConfigurableApplicationContext console,
            Map<PlatformService, ConfigurableApplicationContext> services,
            Map<PlatformService, URI> baseUrls, Map<PlatformService, String> jdbcUrls, List<String> notices, Duration startupTime) {
        this.dataDir = dataDir;
        this.postgres = postgres;
        this.kafka = kafka;
        this.tokens = tokens;
        this.identity = identity;
        this.console = console;
        this.services = services;
        this.baseUrls = baseUrls;
        this.jdbcUrls = jdbcUrls;
        this.notices = notices;
        this.startupTime = startupTime;
    }

    /**
     * {@code ./platform [options]}: runs until Ctrl-C; with {@code --demo} replays the seed story and exits 0 or 1.
     * {@code ./platform token ...} prints a bearer token and starts nothing ({@link TokenCommand}).
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(TokenCommand.NAME)) {
            System.exit(TokenCommand.run(List.of(args).subList(1, args.length).toArray(String[]::new), System.out, System.err));
            return;
        }
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(PlatformOptions.USAGE);
            return;
        }
        PlatformOptions options;
        try {
            options = PlatformOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(PlatformOptions.USAGE);
            System.exit(2);
            return;
        }
        AulaLocalPlatform platform;
        try {
            platform = start(options);
        } catch (RuntimeException e) {
            log.error("The platform did not start", e);
            System.err.println();
            System.err.println("Aula local platform did not start: " + rootMessage(e));
            System.exit(2);
            return;
        }
        // Ctrl-C is how the platform is meant to stop (exit 0); during the demo it interrupts it (130).
        ShutdownOnSignal.install(platform, options.demo() ? 130 : 0);
        long sinceLaunch = ManagementFactory.getRuntimeMXBean().getUptime();
        System.out.println(platform.describe(Duration.ofMillis(sinceLaunch)));
        if (options.demo()) {
            System.out.println("Demo mode: the services' INFO logs are muted so that the story reads clearly (WARN and ERROR still show).");
            muteInfoLogs();
            DemoReport report = SeedStoryDemo.against(platform, System.out).run();
            platform.close();
            System.exit(report.succeeded() ? 0 : 1);
        }
        System.out.println("Ctrl-C stops everything (services, then Kafka, then PostgreSQL); data stays in " + platform.dataDir());
        System.out.println();
        awaitForever();
    }

    /**
     * Starts PostgreSQL and Kafka on {@code options.dataDir()}, creates the services' databases,
     * starts the three services and returns once each reports readiness UP.
     */
    public static AulaLocalPlatform start(PlatformOptions options) {
        long started = System.nanoTime();
        initializeLoggingOnce();
        List<String> notices = new ArrayList<>();
        Path dataDir = options.dataDir();
        // A run killed with kill -9 leaves its PostgreSQL running on the data directory and its port;
        // stopped first, the port check sees that port free and the JDBC URLs stay what they were.
        EmbeddedPostgresServer.stopLeftoverServer(dataDir.resolve("postgres"));
        int postgresPort = Ports.choosePostgresPort(options.postgresPort(), notices);
        Ports.requireFree(options.kafkaPort(), "Kafka", "--kafka-port");
        Ports.requireFree(options.identityPort(), "the identity provider", "--identity-port");
        Ports.requireFree(options.consolePort(), "the staff console", "--console-port");
        // Chosen now: the provider registers the console's sign-in address before the console starts.
        int consolePort = Ports.concrete(options.consolePort());
        for (PlatformService service : PlatformService.values()) {
            Ports.requireFree(options.portOf(service), service.serviceName(),
                    "--" + service.database() + "-port");
        }
        notices.forEach(log::warn);

        createDirectories(dataDir);
        // PostgreSQL is a child process: it comes up while this thread formats and starts Kafka.
        CompletableFuture<EmbeddedPostgresServer> postgresStart = ServiceLauncher.inNewThread("start-postgresql",
                () -> timed("PostgreSQL", () -> EmbeddedPostgresServer.start(dataDir.resolve("postgres"), postgresPort, true)));
        // The token signing key is generated on the first start (an RSA key: most of a second) and kept
        // in the data directory after, so tokens stay valid across restarts.
        CompletableFuture<LocalTokenIssuer> tokensReady = ServiceLauncher.inNewThread("open-token-issuer",
                () -> timed("Token issuer", () -> new LocalTokenIssuer(TokenCommand.identityDirectory(dataDir))));
        EmbeddedKafkaBroker kafka = null;
        EmbeddedPostgresServer postgres = null;
        CompletableFuture<LocalIdentityServer> identityStart = null;
        ConfigurableApplicationContext console = null;
        Map<PlatformService, ConfigurableApplicationContext> services = new EnumMap<>(PlatformService.class);
        try {
            kafka = timed("Kafka", () -> EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), options.kafkaPort()));
            postgres = join(postgresStart);
            LocalTokenIssuer tokens = join(tokensReady);
            // The provider needs neither Kafka nor PostgreSQL: it comes up while the services do.
            identityStart = ServiceLauncher.inNewThread("start-local-identity", () -> timed("Identity provider",
                    () -> LocalIdentityServer.start(options.identityPort(), tokens, identityClients(consoleBaseUrl(consolePort)))));
            Map<PlatformService, String> jdbcUrls = new EnumMap<>(PlatformService.class);
            for (PlatformService service : PlatformService.values()) {
                jdbcUrls.put(service, postgres.jdbcUrl(service.database()));
            }
            log.info("PostgreSQL on port {}, Kafka at {}, data in {}", postgres.port(), kafka.bootstrapServers(), dataDir);

            ServiceLauncher.launchAll(options, jdbcUrls, List.of(postgres.username(), postgres.password()),
                    kafka.bootstrapServers(), tokens.publicKeyLocation(), services);
            Map<PlatformService, URI> baseUrls = new EnumMap<>(PlatformService.class);
            services.forEach((service, context) -> baseUrls.put(service, ServiceLauncher.baseUrl(context)));
            LocalIdentityServer identity = join(identityStart);
            console = timed("Staff console", () -> StaffConsoleLauncher.launch(consolePort, baseUrls, identity));

            Duration startupTime = Duration.ofNanos(System.nanoTime() - started);
            log.info("All services ready {} ms after start", startupTime.toMillis());
            return new AulaLocalPlatform(dataDir, postgres, kafka, tokens, identity, console, services, baseUrls, jdbcUrls,
                    Collections.unmodifiableList(notices), startupTime);
        } catch (RuntimeException e) {
            if (postgres == null) {
                postgres = postgresStart.exceptionally(failure -> null).join();
            }
            LocalIdentityServer identity = identityStart == null ? null : identityStart.exceptionally(failure -> null).join();
            stopAll(console, identity, services, kafka, postgres);
            throw e;
        }
    }

    /** The HTTP base URL of a service, e.g. {@code http://localhost:8081}. */
    public URI baseUrl(PlatformService service) {
        return baseUrls.get(service);
    }

    /** The broker's {@code bootstrap.servers}: where partners attach a consumer. */
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The JDBC URL of a service's database. */
    public String jdbcUrl(PlatformService service) {
        return jdbcUrls.get(service);
    }

    /** The PostgreSQL superuser name and password, in that order. */
    public List<String> databaseCredentials() {
        return List.of(postgres.username(), postgres.password());
    }

    /**
     * The local token issuer whose public key every service trusts: its key lives in
     * {@code <data-dir>/identity} and survives restarts.
     */
    public LocalTokenIssuer tokens() {
        return tokens;
    }

    /**
     * The local OpenID Connect provider: its {@link LocalIdentityServer#issuer() issuer} is what a web
     * application's {@code spring.security.oauth2.client.provider.<id>.issuer-uri} names, and its demo
     * users get tokens that every service accepts.
     */
    public LocalIdentityServer identity() {
        return identity;
    }

    /**
     * The applications registered with the provider: the staff console at the address the platform
     * starts it on, so that signing in to it works out of the box.
     */
    static List<IdentityClient> identityClients(URI consoleBaseUrl) {
        return List.of(IdentityClient.staffConsole(consoleBaseUrl));
    }

    /** Where the staff console runs, and where its sign-in comes back to (its redirect URI's base). */
    static URI consoleBaseUrl(int port) {
        return URI.create("http://localhost:" + port);
    }

    /** The staff console: programme staff, facilitators and partners sign in here at the identity provider. */
    public URI consoleUrl() {
        return ServiceLauncher.baseUrl(console);
    }

    /** A bearer token for one role (lower case, e.g. {@code coordinator}); {@code institution} for partners only. */
    public String token(String role, @Nullable String institution, Duration ttl) {
        String subject = "local-" + role + (institution == null ? "" : "-" + institution);
        return tokens.mint(subject, Set.of(role), institution, ttl);
    }

    /** Where Kafka's log, PostgreSQL's cluster and the token signing key live. */
    public Path dataDir() {
        return dataDir;
    }

    /** From {@link #start} being called to every service reporting readiness UP. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Things the operator should know, e.g. that PostgreSQL's port was taken and another was used. */
    public List<String> notices() {
        return notices;
    }

    /** The block printed once everything is up: URLs, Kafka, JDBC URLs, data directory, start-up time. */
    public String describe(Duration sinceLaunch) {
        StringBuilder out = new StringBuilder();
        String rule = "=".repeat(100);
        out.append('\n').append(rule).append('\n');
        out.append(String.format(Locale.ROOT, " Aula local platform is up: all services ready %.1f s after launch (platform start %.1f s)%n",
                sinceLaunch.toMillis() / 1000.0, startupTime.toMillis() / 1000.0));
        out.append(rule).append('\n');
        for (PlatformService service : PlatformService.values()) {
            URI url = baseUrl(service);
            out.append(String.format(Locale.ROOT, " %-22s %s%n", service.serviceName(), url));
            out.append(String.format(Locale.ROOT, " %-22s   OpenAPI %s/v3/api-docs   metrics %s/actuator/prometheus   health %s/actuator/health%n",
                    "", url, url, url));
        }
        out.append('\n');
        out.append(String.format(Locale.ROOT, " %-22s %s   <- partners: attach a consumer here%n", "Kafka bootstrap", kafkaBootstrapServers()));
        out.append(String.format(Locale.ROOT, " %-22s %s, %s, %s (+ dead letters: <topic>%s)%n", "topics",
                Topics.ENROLLMENT, Topics.SESSION, Topics.CERTIFICATION, Topics.DEAD_LETTER_SUFFIX));
        String jdbcLabel = "PostgreSQL (JDBC)";
        for (PlatformService service : PlatformService.values()) {
            out.append(String.format(Locale.ROOT, " %-22s %s%n", jdbcLabel, jdbcUrl(service)));
            jdbcLabel = "";
        }
        out.append(String.format(Locale.ROOT, " %-22s user %s, password %s%n", "", postgres.username(), postgres.password()));
        out.append(String.format(Locale.ROOT, " %-22s %s   (reset: stop, then rm -rf it)%n", "data directory", dataDir));
        out.append('\n');
        out.append(String.format(Locale.ROOT, " %-22s %s   <- programme staff, facilitators and partners: open it in a browser%n",
                "staff console", consoleUrl()));
        describeIdentity(out);
        out.append('\n');
        describeTokens(out);
        for (String notice : notices) {
            out.append(" NOTE: ").append(notice).append('\n');
        }
        out.append(rule).append('\n');
        return out.toString();
    }

    /**
     * Every call but health, OpenAPI and certificate verification needs a bearer token: print one for
     * a coordinator and how to get the others.
     */
    private void describeTokens(StringBuilder out) {
        Instant until = Instant.now().plus(BANNER_TOKEN_TTL);
        String dataDirOption = dataDir.equals(PlatformOptions.DEFAULT_DATA_DIR.toAbsolutePath().normalize())
                ? "" : " --data-dir=" + dataDir;
        out.append(String.format(Locale.ROOT, " %-22s every call but health, OpenAPI and certificate verification needs%n", "tokens"));
        out.append(String.format(Locale.ROOT, " %-22s \"Authorization: Bearer <token>\"; the services trust %s%n", "",
                tokens.publicKeyFile()));
        out.append(String.format(Locale.ROOT, " %-22s valid %d h, until %s:%n", "coordinator token", BANNER_TOKEN_TTL.toHours(),
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).format(until.atOffset(ZoneOffset.UTC))));
        out.append(token("coordinator", null, BANNER_TOKEN_TTL)).append('\n');
        out.append(String.format(Locale.ROOT, " %-22s ./platform token --role coordinator|facilitator|operations|partner|metrics|reporting"
                + " [--institution POLICE] [--ttl 8h]%s%n", "other tokens", dataDirOption));
        out.append(String.format(Locale.ROOT, " %-22s TOKEN=$(./platform token --role coordinator%s)%n", "e.g.", dataDirOption));
        out.append(String.format(Locale.ROOT, " %-22s curl -H \"Authorization: Bearer $TOKEN\" %s/cohorts%n", "", baseUrl(PlatformService.ENROLLMENT)));
        out.append(String.format(Locale.ROOT, " %-22s /actuator/prometheus needs --role metrics (or operations), the other actuator endpoints but health --role operations%n", ""));
    }

    /** People sign in at the provider: its URL, its demo users and that the services accept its tokens. */
    private void describeIdentity(StringBuilder out) {
        out.append(String.format(Locale.ROOT, " %-22s %s   <- OpenID Connect issuer (discovery %s)%n", "identity provider",
                identity.issuer(), identity.discovery()));
        out.append(String.format(Locale.ROOT, " %-22s %s: one click signs in a demo user, tokens the services accept%n", "",
                identity.signInPage()));
        StringBuilder users = new StringBuilder();
        for (DemoUser user : identity.users()) {
            users.append(users.isEmpty() ? "" : ", ").append(user.username());
        }
        out.append(String.format(Locale.ROOT, " %-22s %s%n", "demo users", users));
    }

    /** Stops the identity provider, the services (in reverse start order), then Kafka, then PostgreSQL; safe to repeat. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            long stopping = System.nanoTime();
            stopAll(console, identity, services, kafka, postgres);
            log.info("Aula local platform stopped in {} ms", (System.nanoTime() - stopping) / 1_000_000);
        }
    }

    private static void stopAll(@Nullable ConfigurableApplicationContext console, @Nullable LocalIdentityServer identity, Map<PlatformService, ConfigurableApplicationContext> services,
            EmbeddedKafkaBroker kafka, EmbeddedPostgresServer postgres) {
        if (console != null) {
            stop("Staff console", console::close);
        }
        if (identity != null) {
            stop("Identity provider", identity::close);
        }
        List<PlatformService> reverse = new ArrayList<>(services.keySet());
        Collections.reverse(reverse);
        for (PlatformService service : reverse) {
            stop(service.serviceName(), () -> services.get(service).close());
        }
        if (kafka != null) {
            stop("Kafka", kafka::close);
        }
        if (postgres != null) {
            stop("PostgreSQL", postgres::close);
        }
    }

    private static void stop(String what, Runnable stop) {
        long begin = System.nanoTime();
        try {
            stop.run();
            log.info("{} stopped in {} ms", what, (System.nanoTime() - begin) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Stopping {} failed", what, e);
        }
    }

    /**
     * Spring Boot configures logging per application; with three applications starting at once
     * in one JVM they would reset Logback concurrently. Initialising it once here makes their
     * own initialisation a no-op (they still apply their {@code logging.level.*}).
     */
    private static void initializeLoggingOnce() {
        LoggingSystem logging = LoggingSystem.get(AulaLocalPlatform.class.getClassLoader());
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(new StandardEnvironment()), null, null);
    }

    private static void muteInfoLogs() {
        LoggingSystem logging = LoggingSystem.get(AulaLocalPlatform.class.getClassLoader());
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
        // The services' own one-line-per-fact logs under org.aula.* would interleave with the story.
        for (String service : List.of("org.aula.enrollment", "org.aula.session", "org.aula.certification")) {
            logging.setLogLevel(service, LogLevel.WARN);
        }
    }

    private static <T> T timed(String what, java.util.function.Supplier<T> start) {
        long begin = System.nanoTime();
        T result = start.get();
        log.info("{} started in {} ms", what, (System.nanoTime() - begin) / 1_000_000);
        return result;
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dir, e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 20; depth++) {
            root = root.getCause();
        }
        return e == root ? String.valueOf(e.getMessage()) : e.getMessage() + " (cause: " + root + ")";
    }

    private static void awaitForever() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
