package org.aula.platform;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.aula.deploy.identity.LocalTokenIssuer;
import org.jspecify.annotations.Nullable;

/**
 * {@code ./platform token --role <role> [--institution <code>] [--ttl 8h] [--data-dir=<dir>]}: prints
 * one bearer token signed with the data directory's identity key, the key the platform's services
 * trust. Starts nothing: it only reads (or, on a fresh data directory, creates) the key.
 */
final class TokenCommand {

    /** The first argument that selects this command. */
    static final String NAME = "token";
    /** How long a token lives unless {@code --ttl} says otherwise. */
    static final Duration DEFAULT_TTL = Duration.ofHours(8);

    static final String USAGE = """
            Usage: ./platform token --role coordinator|facilitator|operations|partner|metrics|reporting [--institution <code>] [--ttl 8h]
                                    [--subject <name>] [--data-dir=<dir>]

            Prints a bearer token for the local platform's services (only the token, so TOKEN=$(./platform token ...) works),
            signed with the key in <data-dir>/identity, the key the platform started on that data directory trusts.
            Starts nothing; the platform may be running or not.

              --role <role>          coordinator, facilitator, operations, partner, metrics (read-only: /actuator/prometheus)
                                     or reporting (read-only: the donor report, figures without names);
                                     comma-separated for several staff roles
              --institution <code>   the partner's institution, e.g. POLICE (required with --role partner)
              --ttl <duration>       lifetime: 8h, 30m, 90s, 1d or ISO-8601 such as PT8H (default 8h)
              --subject <name>       the token's sub claim (default local-<role>[-<institution>])
              --data-dir=<dir>       the platform's data directory (default ./.aula-data)
            Options take their value after a space or after '='.

              TOKEN=$(./platform token --role coordinator)
              curl -H "Authorization: Bearer $TOKEN" http://localhost:8081/cohorts
            """;

    private TokenCommand() {
    }

    /** Runs {@code ./platform token <args>}: the token on {@code out}, problems on {@code err}; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Request request;
        try {
            request = Request.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("platform token: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (request == null) {
            out.print(USAGE);
            return 0;
        }
        Path identity = identityDirectory(request.dataDir());
        boolean existed = Files.exists(identity.resolve(LocalTokenIssuer.KEY_FILE));
        try {
            LocalTokenIssuer issuer = new LocalTokenIssuer(identity);
            String token = issuer.mint(request.subject(), request.roles(), request.institution(), request.ttl());
            if (!existed) {
                err.println("platform token: " + identity + " had no signing key yet; created one. A platform started on "
                        + request.dataDir() + " will trust it; a platform running on another data directory will not.");
            }
            out.println(token);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("platform token: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("platform token: cannot use the signing key in " + identity + ": " + e.getMessage());
            return 1;
        }
    }

    /** Where a data directory keeps the token signing key: {@code <data-dir>/identity}. */
    static Path identityDirectory(Path dataDir) {
        return dataDir.resolve("identity");
    }

    /** Parses a token lifetime: {@code 8h}, {@code 30m}, {@code 90s}, {@code 1d} or ISO-8601 ({@code PT8H}); positive only. */
    static Duration parseTtl(String text) {
        String trimmed = text.trim();
        Duration ttl;
        Matcher compact = Pattern.compile("(\\d{1,9})([smhd])").matcher(trimmed.toLowerCase(Locale.ROOT));
        if (compact.matches()) {
            long amount = Long.parseLong(compact.group(1));
            ttl = switch (compact.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        } else {
            try {
                ttl = Duration.parse(trimmed);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--ttl must look like 8h, 30m, 90s, 1d or PT8H, not " + text);
            }
        }
        if (ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException("--ttl must be positive, not " + text);
        }
        return ttl;
    }

    /** What {@code ./platform token} was asked for. */
    record Request(Path dataDir, Set<String> roles, @Nullable String institution, Duration ttl, String subject) {

        /** Reads the options; {@code null} for {@code --help}; throws on anything unknown or missing. */
        static @Nullable Request parse(String... args) {
            Path dataDir = PlatformOptions.DEFAULT_DATA_DIR;
            Set<String> roles = new LinkedHashSet<>();
            String institution = null;
            Duration ttl = DEFAULT_TTL;
            String subject = null;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--help") || arg.equals("-h")) {
                    return null;
                }
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                if (!Set.of("--role", "--institution", "--ttl", "--subject", "--data-dir").contains(name)) {
                    throw new IllegalArgumentException("unknown option " + arg);
                }
                String value;
                if (arg.contains("=")) {
                    value = arg.substring(arg.indexOf('=') + 1);
                } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                if (value.isBlank()) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                switch (name) {
                    case "--role" -> {
                        for (String role : value.split(",")) {
                            if (!role.isBlank()) {
                                roles.add(role.trim().toLowerCase(Locale.ROOT));
                            }
                        }
                    }
                    case "--institution" -> institution = value.trim();
                    case "--ttl" -> ttl = parseTtl(value);
                    case "--subject" -> subject = value.trim();
                    default -> dataDir = Path.of(value);
                }
            }
            if (roles.isEmpty()) {
                throw new IllegalArgumentException("--role is required: one of " + new TreeSet<>(LocalTokenIssuer.KNOWN_ROLES));
            }
            for (String role : roles) {
                if (!LocalTokenIssuer.KNOWN_ROLES.contains(role)) {
                    throw new IllegalArgumentException("unknown role " + role + "; one of " + new TreeSet<>(LocalTokenIssuer.KNOWN_ROLES));
                }
            }
            if (institution != null && !roles.contains("partner")) {
                throw new IllegalArgumentException("--institution scopes a partner token; staff roles see every institution");
            }
            if (subject == null) {
                subject = "local-" + String.join("-", roles) + (institution == null ? "" : "-" + institution);
            }
            return new Request(dataDir.toAbsolutePath().normalize(), Set.copyOf(roles), institution, ttl, subject);
        }
    }
}
