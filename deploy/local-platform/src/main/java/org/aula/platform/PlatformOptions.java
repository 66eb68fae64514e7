package org.aula.platform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How the local platform starts: where it keeps its data and which ports it listens on.
 * A port of 0 means "pick a free one" (what tests use).
 *
 * @param dataDir           Kafka's log ({@code kafka/}), PostgreSQL's cluster ({@code postgres/}) and the token
 *                          signing key ({@code identity/}) live here
 * @param kafkaPort         the broker's client port
 * @param postgresPort      PostgreSQL's port; when it is taken the platform falls back to a free one
 * @param enrollmentPort    enrollment-service's HTTP port
 * @param sessionPort       session-service's HTTP port
 * @param certificationPort certification-service's HTTP port
 * @param parallelStart     start the three services at the same time rather than one after another
 * @param demo              replay the seed story once everything is up, then exit
 * @param identityPort      the local OpenID Connect provider's HTTP port (its issuer is {@code http://localhost:<port>})
 * @param consolePort       the staff console's HTTP port
 */
public record PlatformOptions(
        Path dataDir,
        int kafkaPort,
        int postgresPort,
        int enrollmentPort,
        int sessionPort,
        int certificationPort,
        boolean parallelStart,
        boolean demo,
        int identityPort,
        int consolePort) {

    /** Where the data lives unless {@code --data-dir} says otherwise; git-ignored in the repository. */
    public static final Path DEFAULT_DATA_DIR = Path.of(".aula-data");

    static final String USAGE = """
            Usage: ./platform [options]        (or: java -jar deploy/local-platform/target/aula-local-platform.jar [options])

            Starts an embedded Kafka broker, an embedded PostgreSQL, Aula's three services, a local OpenID Connect
            provider and the staff console in one JVM.
            Ctrl-C stops everything; data survives in the data directory.

              --data-dir=<dir>              data directory (default ./.aula-data); reset with: rm -rf <dir>
              --demo                        replay the seed story (IOM / Galen University, Belize 2019), print
                                            what happened, stop, exit 0 when every expected event arrived, else 1
              --kafka-port=<port>           Kafka broker port (default 9092)
              --postgres-port=<port>        PostgreSQL port (default 5432; a free port is used if it is taken)
              --enrollment-port=<port>      enrollment-service HTTP port (default 8081)
              --session-port=<port>         session-service HTTP port (default 8082)
              --certification-port=<port>   certification-service HTTP port (default 8083)
              --identity-port=<port>        the local OpenID Connect provider (sign-in page with one button per demo
                                            user: coordinator, facilitator, operations, each institution's focal
                                            point), http://localhost:<port> (default 9000)
              --console-port=<port>         the staff console, http://localhost:<port> (default 8080)
              --sequential                  start the services one after another instead of in parallel
              --help                        this text
            A port of 0 picks a free port.

            Every call but health, OpenAPI and certificate verification needs a bearer token; the start-up block
            prints a coordinator token, and this prints others (it starts nothing; see ./platform token --help):
              ./platform token --role coordinator|facilitator|operations|partner|metrics|reporting [--institution POLICE] [--ttl 8h] [--data-dir=<dir>]
            """;

    public PlatformOptions {
        dataDir = dataDir.toAbsolutePath().normalize();
        for (int port : new int[] {kafkaPort, postgresPort, enrollmentPort, sessionPort, certificationPort, identityPort, consolePort}) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Not a port: " + port);
            }
        }
    }

    /** The defaults: {@code ./.aula-data}, Kafka 9092, PostgreSQL 5432, services 8081-8083, parallel start, identity provider 9000, staff console 8080. */
    public static PlatformOptions defaults() {
        return new PlatformOptions(DEFAULT_DATA_DIR, 9092, 5432, 8081, 8082, 8083, true, false, 9000, 8080);
    }

    /** Every port chosen freely: what tests and side-by-side runs use. */
    public static PlatformOptions freePorts(Path dataDir) {
        return new PlatformOptions(dataDir, 0, 0, 0, 0, 0, true, false, 0, 0);
    }

    /** Reads {@code --name=value} options over the defaults; throws on anything unknown. */
    public static PlatformOptions parse(String... args) {
        PlatformOptions options = defaults();
        List<String> unknown = new ArrayList<>();
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            options = switch (name) {
                case "--data-dir" -> options.withDataDir(Path.of(required(name, value)));
                case "--demo" -> options.withDemo(true);
                case "--sequential" -> options.withParallelStart(false);
                case "--kafka-port" -> options.with(port(name, value), -1, -1, -1, -1);
                case "--postgres-port" -> options.with(-1, port(name, value), -1, -1, -1);
                case "--enrollment-port" -> options.with(-1, -1, port(name, value), -1, -1);
                case "--session-port" -> options.with(-1, -1, -1, port(name, value), -1);
                case "--certification-port" -> options.with(-1, -1, -1, -1, port(name, value));
                case "--identity-port" -> options.withIdentityPort(port(name, value));
                case "--console-port" -> options.withConsolePort(port(name, value));
                default -> {
                    unknown.add(arg);
                    yield options;
                }
            };
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown option(s): " + String.join(" ", unknown));
        }
        return options;
    }

    /** The same options with another data directory. */
    public PlatformOptions withDataDir(Path dir) {
        return new PlatformOptions(dir, kafkaPort, postgresPort, enrollmentPort, sessionPort, certificationPort,
                parallelStart, demo, identityPort, consolePort);
    }

    /** The same options with the identity provider on another port. */
    public PlatformOptions withIdentityPort(int port) {
        return new PlatformOptions(dataDir, kafkaPort, postgresPort, enrollmentPort, sessionPort, certificationPort,
                parallelStart, demo, port, consolePort);
    }

    /** The same options with the staff console on another port. */
    public PlatformOptions withConsolePort(int port) {
        return new PlatformOptions(dataDir, kafkaPort, postgresPort, enrollmentPort, sessionPort, certificationPort,
                parallelStart, demo, identityPort, port);
    }

    /** The same options with demo mode on or off. */
    public PlatformOptions withDemo(boolean on) {
        return new PlatformOptions(dataDir, kafkaPort, postgresPort, enrollmentPort, sessionPort, certificationPort,
                parallelStart, on, identityPort, consolePort);
    }

    /** The same options with parallel or sequential service start. */
    public PlatformOptions withParallelStart(boolean on) {
        return new PlatformOptions(dataDir, kafkaPort, postgresPort, enrollmentPort, sessionPort, certificationPort,
                on, demo, identityPort, consolePort);
    }

    /** The HTTP port configured for a service. */
    public int portOf(PlatformService service) {
        return switch (service) {
            case ENROLLMENT -> enrollmentPort;
            case SESSION -> sessionPort;
            case CERTIFICATION -> certificationPort;
        };
    }

    /** Replaces the ports given as 0 or more; -1 keeps the current one. */
    private PlatformOptions with(int kafka, int postgres, int enrollment, int session, int certification) {
        return new PlatformOptions(dataDir,
                kafka < 0 ? kafkaPort : kafka,
                postgres < 0 ? postgresPort : postgres,
                enrollment < 0 ? enrollmentPort : enrollment,
                session < 0 ? sessionPort : session,
                certification < 0 ? certificationPort : certification,
                parallelStart, demo, identityPort, consolePort);
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " needs a value: " + name + "=...");
        }
        return value;
    }

    private static int port(String name, String value) {
        try {
            int port = Integer.parseInt(required(name, value));
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException(name + " must be between 0 and 65535: " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a port number: " + value, e);
        }
    }
}
