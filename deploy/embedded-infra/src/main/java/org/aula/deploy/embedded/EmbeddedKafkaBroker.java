package org.aula.deploy.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.security.scram.ScramLoginModule;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running inside this JVM.
 *
 * <p>Kafka logs heavily at INFO. Callers should set these loggers to WARN: {@code kafka} (server,
 * log manager, coordinators), {@code org.apache.kafka} (raft, controller, metadata, and the
 * client config dumps), {@code state.change.logger} and {@code kafka.request.logger};
 * {@code org.apache.zookeeper} is silent in Kafka 4 but harmless to list.
 *
 * <p>Kafka's threads are not daemons: an unclosed broker keeps the JVM from exiting on its own
 * (test runners that call {@code System.exit} are unaffected).
 *
 * <p>Two modes: {@link #start(Path, int)} serves anyone over PLAINTEXT (tests, local development);
 * {@link #startSecured(Path, int, String, String)} requires SASL/SCRAM-SHA-512 and authorizes
 * every request against ACLs (deny by default), as partner feeds need. See the module README.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    /**
     * Fixed so that restarting on the same log directory finds storage formatted for this
     * cluster; a new id per start would make Kafka refuse the existing data.
     */
    public static final String CLUSTER_ID = "QXVsYUVtYmVkZGVkS2Fmaw";

    /** The only SASL mechanism the secured client listener accepts. */
    public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    /**
     * The broker's principal on the controller listener (SASL/PLAIN, secured mode only). Not a
     * SCRAM user: the controller must authenticate the broker before it has loaded the metadata
     * log in which SCRAM credentials live, so the controller listener uses a static credential
     * with a random secret generated at each start and never leaves this JVM. Do not create a
     * SCRAM user of this name: it is a super user.
     */
    static final String CONTROLLER_PRINCIPAL_NAME = "aula_kraft_controller";

    /** Kafka's own default for SCRAM-SHA-512 is 4096; twice that costs a client a few ms per login. */
    static final int SCRAM_ITERATIONS = 8192;

    // Names go unquoted into super.users (';'-separated), the --add-scram argument (','-separated)
    // and SCRAM messages, so keep them to characters none of those treat specially.
    private static final Pattern ADMIN_NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final String controllerEndpoint;
    private final boolean secured;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers, String controllerEndpoint, boolean secured) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.controllerEndpoint = controllerEndpoint;
        this.secured = secured;
    }

    /**
     * Formats {@code logDir} if needed and starts the broker; returns once it answers clients.
     * Anyone who can reach the port may do anything: no authentication, no authorization.
     *
     * @param port the client port, or 0 to pick a free one
     */
    public static EmbeddedKafkaBroker start(Path logDir, int port) {
        return start(logDir, port, null);
    }

    /**
     * Formats {@code logDir} if needed and starts a broker that authenticates every client with
     * SASL/SCRAM-SHA-512 and authorizes every request with Kafka's {@code StandardAuthorizer},
     * refusing whatever no ACL allows; returns once the admin can use it.
     *
     * <p>The admin is a super user. Its SCRAM credential is written into the metadata log when the
     * storage is first formatted ({@code kafka-storage format --add-scram}), so it exists before
     * the broker serves anyone. A later start on the same {@code logDir} keeps the credential
     * stored then: change the password with {@code Admin.alterUserScramCredentials}, and pass
     * the current one here, otherwise the start fails. Further users (partners) are added at
     * runtime by the admin, see {@link PartnerAccess}.
     *
     * <p>Traffic is not encrypted ({@code SASL_PLAINTEXT}): SCRAM keeps passwords off the wire,
     * but records are readable by anyone on the network path. The broker binds to 127.0.0.1;
     * put TLS in front of it before exposing it beyond the host.
     *
     * @param port          the client port, or 0 to pick a free one
     * @param adminUser     the super user's name: letters, digits, '.', '_' and '-'
     * @param adminPassword the super user's password, not empty
     */
    public static EmbeddedKafkaBroker startSecured(Path logDir, int port, String adminUser, String adminPassword) {
        Objects.requireNonNull(adminUser, "adminUser");
        Objects.requireNonNull(adminPassword, "adminPassword");
        if (!ADMIN_NAME.matcher(adminUser).matches()) {
            throw new IllegalArgumentException("Admin user name must match " + ADMIN_NAME + ": " + adminUser);
        }
        if (adminUser.equals(CONTROLLER_PRINCIPAL_NAME)) {
            throw new IllegalArgumentException("Admin user name is reserved: " + adminUser);
        }
        if (adminPassword.isEmpty()) {
            throw new IllegalArgumentException("Admin password must not be empty");
        }
        return start(logDir, port, new Security(adminUser, adminPassword, randomSecret()));
    }

    private static EmbeddedKafkaBroker start(Path logDir, int port, Security security) {
        try {
            Files.createDirectories(logDir);
            int brokerPort = port == 0 ? freePort() : port;
            // A restart may pick another controller port: the single voter is its own leader and
            // records its new endpoint when it takes over.
            int controllerPort = freePort();
            Properties props = brokerProperties(logDir, brokerPort, controllerPort);
            List<String> formatArgs = new ArrayList<>();
            if (security != null) {
                props.putAll(securityProperties(security, brokerPort, controllerPort));
                // Ignored by --ignore-formatted when the storage exists: the credential stored
                // at the first format stays.
                formatArgs.add("--add-scram");
                formatArgs.add(scramArgument(security.adminUser(), security.adminPassword()));
            }
            format(props, formatArgs);

            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(
                    server, "127.0.0.1:" + brokerPort, "127.0.0.1:" + controllerPort, security != null);
            try {
                server.startup();
                Map<String, Object> readinessClient = security == null
                        ? Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers)
                        : broker.clientConfig(security.adminUser(), security.adminPassword());
                broker.awaitReady(readinessClient);
            } catch (RuntimeException e) {
                broker.close();
                throw e;
            }
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Kafka in " + logDir, e);
        }
    }

    /** The {@code bootstrap.servers} value for clients. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Whether this broker was started with {@link #startSecured}. */
    public boolean secured() {
        return secured;
    }

    /**
     * Client settings that connect to this secured broker as {@code user}: bootstrap servers,
     * {@code SASL_PLAINTEXT}, {@code SCRAM-SHA-512} and the JAAS line for
     * {@link ScramLoginModule}. Usable as is for {@code Admin.create}, or merged into producer
     * and consumer settings. The map is mutable, so callers can add to it.
     *
     * @throws IllegalStateException if the broker was started without security
     */
    public Map<String, Object> clientConfig(String user, String password) {
        if (!secured) {
            throw new IllegalStateException("This broker was started without SASL; use bootstrapServers() alone");
        }
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put(SaslConfigs.SASL_MECHANISM, SCRAM_MECHANISM);
        config.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(ScramLoginModule.class.getName(),
                Map.of("username", Objects.requireNonNull(user, "user"),
                        "password", Objects.requireNonNull(password, "password"))));
        return config;
    }

    /**
     * The controller listener's {@code host:port}. In secured mode it accepts only the broker's
     * own SASL/PLAIN credential; clients have no business there.
     */
    String controllerEndpoint() {
        return controllerEndpoint;
    }

    /** Stops the broker and waits until it has released its ports and files; safe to repeat. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.shutdown();
            server.awaitShutdown();
        }
    }

    private static Properties brokerProperties(Path logDir, int brokerPort, int controllerPort) {
        Properties props = new Properties();
        props.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("log.dirs", logDir.toAbsolutePath().toString()),
                // One node cannot hold more replicas than one.
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                // The 3 s default only helps when many consumers join at once; tests just wait.
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("num.partitions", "3"),
                Map.entry("auto.create.topics.enable", "true")));
        return props;
    }

    /**
     * Listener, SASL and authorizer settings of secured mode.
     *
     * <ul>
     *   <li>{@code CLIENT} (SASL_PLAINTEXT, SCRAM-SHA-512) serves clients and is the inter-broker
     *       listener; the broker's own connections there (e.g. transaction markers it sends to
     *       itself) log in as the admin.</li>
     *   <li>{@code CONTROLLER} (SASL_PLAINTEXT, PLAIN with one static user) carries the broker's
     *       registration and heartbeats. SCRAM cannot serve it: its credentials live in the
     *       metadata log the controller is still loading when the broker first connects. A
     *       PLAINTEXT controller listener would need {@code User:ANONYMOUS} as super user, which
     *       would hand cluster administration (ACLs, SCRAM users) to anyone who can reach the
     *       controller port.</li>
     * </ul>
     */
    private static Map<String, String> securityProperties(Security security, int brokerPort, int controllerPort) {
        String controllerJaas = jaas("org.apache.kafka.common.security.plain.PlainLoginModule", Map.of(
                "username", CONTROLLER_PRINCIPAL_NAME,
                "password", security.controllerSecret(),
                "user_" + CONTROLLER_PRINCIPAL_NAME, security.controllerSecret()));
        String clientJaas = jaas(ScramLoginModule.class.getName(), Map.of(
                "username", security.adminUser(),
                "password", security.adminPassword()));
        return Map.ofEntries(
                Map.entry("listeners", "CLIENT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("listener.security.protocol.map", "CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT"),
                Map.entry("inter.broker.listener.name", "CLIENT"),
                Map.entry("sasl.enabled.mechanisms", SCRAM_MECHANISM),
                Map.entry("listener.name.client.sasl.enabled.mechanisms", SCRAM_MECHANISM),
                Map.entry("listener.name.client.scram-sha-512.sasl.jaas.config", clientJaas),
                Map.entry("sasl.mechanism.inter.broker.protocol", SCRAM_MECHANISM),
                Map.entry("listener.name.controller.sasl.enabled.mechanisms", "PLAIN"),
                Map.entry("listener.name.controller.plain.sasl.jaas.config", controllerJaas),
                Map.entry("sasl.mechanism.controller.protocol", "PLAIN"),
                Map.entry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer"),
                Map.entry("super.users", "User:" + security.adminUser() + ";User:" + CONTROLLER_PRINCIPAL_NAME),
                Map.entry("allow.everyone.if.no.acl.found", "false"),
                // Topics exist because the admin created them, not because someone asked for one.
                Map.entry("auto.create.topics.enable", "false"));
    }

    /**
     * The {@code --add-scram} value for the admin, as {@code salt} and {@code saltedpassword}
     * rather than {@code password}: StorageTool splits the value at every ',' and strips
     * surrounding quotes, so a clear-text password containing those would be mangled.
     * SCRAM's salted password is PBKDF2 over the UTF-8 password with HMAC-SHA-512 (RFC 5802 Hi),
     * which is what Kafka computes from {@code password=} too.
     */
    static String scramArgument(String user, String password) {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        byte[] salted;
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, SCRAM_ITERATIONS, 512);
            try {
                salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA512 is unavailable", e);
        }
        Base64.Encoder base64 = Base64.getEncoder();
        return SCRAM_MECHANISM + "=[name=" + user + ",iterations=" + SCRAM_ITERATIONS
                + ",salt=" + base64.encodeToString(salt) + ",saltedpassword=" + base64.encodeToString(salted) + "]";
    }

    /** A JAAS line; values are quoted and escaped for Kafka's tokenizer (a StreamTokenizer). */
    static String jaas(String loginModule, Map<String, String> options) {
        StringBuilder line = new StringBuilder(loginModule).append(" required");
        options.forEach((key, value) -> line.append(' ').append(key).append("=\"").append(escape(value)).append('"'));
        return line.append(';').toString();
    }

    private static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '"' -> escaped.append("\\\"");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void format(Properties props, List<String> extraArgs) throws IOException {
        // StorageTool only reads its configuration from a file. In secured mode it holds the
        // JAAS secrets: createTempFile makes it readable by its owner only (POSIX), and it is
        // deleted right after.
        Path configFile = Files.createTempFile("aula-infra-kafka-", ".properties");
        try {
            try (OutputStream out = Files.newOutputStream(configFile)) {
                props.store(out, null);
            }
            List<String> args = new ArrayList<>(List.of(
                    "format", "-t", CLUSTER_ID, "-c", configFile.toString(), "--standalone", "--ignore-formatted"));
            args.addAll(extraArgs);
            int exitCode = StorageTool.execute(args.toArray(String[]::new), System.out);
            if (exitCode != 0) {
                throw new IllegalStateException("Formatting Kafka storage failed with exit code " + exitCode);
            }
        } finally {
            Files.deleteIfExists(configFile);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private void awaitReady(Map<String, Object> clientConfig) {
        // Judge readiness the way a client will: by a metadata answer that lists this node,
        // rather than trusting that startup() returning means clients are served.
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(config)) {
            Exception last = null;
            while (System.nanoTime() < deadline) {
                try {
                    if (!admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    if (e instanceof ExecutionException && e.getCause() instanceof SaslAuthenticationException) {
                        // Retrying cannot help: the stored credential differs from the given one.
                        throw new IllegalStateException("Kafka at " + bootstrapServers + " refused the admin's"
                                + " credentials; was the storage formatted with another admin name or"
                                + " password, or without security?", e.getCause());
                    }
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("Interrupted while waiting for Kafka", e);
                    }
                    last = e;
                }
                sleep(100);
            }
            throw new IllegalStateException("Kafka at " + bootstrapServers + " not ready within " + READY_TIMEOUT, last);
        }
    }

    private record Security(String adminUser, String adminPassword, String controllerSecret) {

        @Override
        public String toString() {
            return "Security[adminUser=" + adminUser + "]";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
    }
}
