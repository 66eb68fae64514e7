package org.aula.deploy.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Aula's local token issuer: signs JWTs (RS256) with an RSA key kept as a JWK file in a data
 * directory, created on first use and reused after, and publishes the public half as a PEM file
 * that the services load with
 * {@code spring.security.oauth2.resourceserver.jwt.public-key-location=file:<dir>/token-signing-key.pub.pem}.
 *
 * <p>For the one-command platform and the tests only: in production an identity provider issues
 * the tokens and the services find its keys by {@code issuer-uri} or {@code jwk-set-uri}.
 *
 * <pre>
 * java -cp local-identity.jar:nimbus-jose-jwt.jar org.aula.deploy.identity.LocalTokenIssuer \
 *     --dir .aula-data/identity --role coordinator [--institution POLICE] [--ttl 8h]
 * </pre>
 */
public final class LocalTokenIssuer {

    /** The private signing key, a JWK (owner-only permissions). */
    public static final String KEY_FILE = "token-signing-key.json";
    /** The public key, X.509 PEM, as Spring's {@code public-key-location} reads it. */
    public static final String PUBLIC_KEY_FILE = "token-signing-key.pub.pem";
    /** The public key as a JWK Set, for a {@code jwk-set-uri} or a {@code /.well-known/jwks.json}. */
    public static final String JWK_SET_FILE = "token-signing-key.jwks.json";
    /** The {@code iss} claim unless another is given. */
    public static final String DEFAULT_ISSUER = "aula-local";
    /** The roles that call Aula's API, as they appear in the {@code roles} claim. */
    public static final Set<String> ROLES = Set.of("operations", "coordinator", "facilitator", "partner");
    /** The read-only role of a Prometheus scrape token: {@code /actuator/prometheus} and nothing else. */
    public static final String METRICS_ROLE = "metrics";
    /** The read-only role of donors and dashboards: figures (the donor report), no personal data, no writes. */
    public static final String REPORTING_ROLE = "reporting";
    /** Every role a token may carry: {@link #ROLES}, {@link #METRICS_ROLE} and {@link #REPORTING_ROLE}. */
    public static final Set<String> KNOWN_ROLES = Set.of("operations", "coordinator", "facilitator", "partner", METRICS_ROLE,
            REPORTING_ROLE);
    /** The claim carrying the roles. */
    public static final String ROLES_CLAIM = "roles";
    /** The claim carrying a partner's institution code. */
    public static final String INSTITUTION_CLAIM = "institution";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path directory;
    private final String issuer;
    private final RSAKey key;
    private final RSASSASigner signer;

    /** Opens (or creates) the key in {@code directory}; tokens carry {@code iss} = {@value #DEFAULT_ISSUER}. */
    public LocalTokenIssuer(Path directory) {
        this(directory, DEFAULT_ISSUER);
    }

    /** Opens (or creates) the key in {@code directory}; tokens carry {@code iss} = {@code issuer}. */
    public LocalTokenIssuer(Path directory, String issuer) {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("issuer must not be blank");
        }
        this.directory = directory.toAbsolutePath().normalize();
        this.issuer = issuer;
        this.key = loadOrCreateKey(this.directory);
        try {
            this.signer = new RSASSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("unusable signing key in " + this.directory.resolve(KEY_FILE), e);
        }
        writePublicFiles();
    }

    /** A signed token valid from now for {@code ttl}; {@code institution} is required for, and only meaningful to, partners. */
    public String mint(String subject, Set<String> roles, String institution, Duration ttl) {
        if (ttl == null || ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must be positive, not " + ttl);
        }
        return mint(subject, roles, institution, Instant.now(), ttl);
    }

    /** A signed token issued at {@code issuedAt}: lets tests mint tokens that have already expired. */
    public String mint(String subject, Set<String> roles, String institution, Instant issuedAt, Duration ttl) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("subject must not be blank");
        }
        List<String> checkedRoles = checkRoles(roles, institution);
        Instant issued = issuedAt.truncatedTo(ChronoUnit.SECONDS);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issued))
                .notBeforeTime(Date.from(issued))
                .expirationTime(Date.from(issued.plus(ttl)))
                .claim(ROLES_CLAIM, checkedRoles);
        if (institution != null) {
            claims.claim(INSTITUTION_CLAIM, institution);
        }
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
        return jwt.serialize();
    }

    /** The key id ({@code kid} header of every token): the key's RFC 7638 thumbprint. */
    public String keyId() {
        return key.getKeyID();
    }

    /** The private signing key, for {@link LocalIdentityServer}: its tokens verify with the same public key. */
    RSAKey signingKey() {
        return key;
    }

    /** The {@code iss} claim of every token. */
    public String issuer() {
        return issuer;
    }

    /** The directory holding the key files. */
    public Path directory() {
        return directory;
    }

    /** The public key as X.509 PEM ({@code -----BEGIN PUBLIC KEY-----}). */
    public String publicKeyPem() {
        try {
            RSAPublicKey publicKey = key.toRSAPublicKey();
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(publicKey.getEncoded());
            return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
        } catch (JOSEException e) {
            throw new IllegalStateException("unusable public key", e);
        }
    }

    /** The PEM file services load ({@value #PUBLIC_KEY_FILE}). */
    public Path publicKeyFile() {
        return directory.resolve(PUBLIC_KEY_FILE);
    }

    /** {@code file:} URL of {@link #publicKeyFile()}, the value for {@code spring.security.oauth2.resourceserver.jwt.public-key-location}. */
    public String publicKeyLocation() {
        return publicKeyFile().toUri().toString();
    }

    /** The public key as a JWK Set JSON document (no private parts). */
    public String publicJwkSetJson() {
        return new JWKSet(key.toPublicJWK()).toString(true);
    }

    private static List<String> checkRoles(Set<String> roles, String institution) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("a token needs at least one role of " + new TreeSet<>(KNOWN_ROLES));
        }
        List<String> checked = new ArrayList<>();
        for (String role : new TreeSet<>(roles)) {
            String normalised = role.trim().toLowerCase(Locale.ROOT);
            if (!KNOWN_ROLES.contains(normalised)) {
                throw new IllegalArgumentException("unknown role " + role + "; known: " + new TreeSet<>(KNOWN_ROLES));
            }
            checked.add(normalised);
        }
        if (checked.contains("partner")) {
            // A partner is scoped to one institution; mixing it with a staff role would blur that scope.
            if (checked.size() > 1) {
                throw new IllegalArgumentException("a partner token carries the partner role only, not " + checked);
            }
            if (institution == null || institution.isBlank()) {
                throw new IllegalArgumentException("a partner token needs an institution");
            }
        }
        return checked;
    }

    private static RSAKey loadOrCreateKey(Path directory) {
        Path keyFile = directory.resolve(KEY_FILE);
        try {
            Files.createDirectories(directory);
            if (!Files.exists(keyFile)) {
                createKey(directory, keyFile);
            }
            RSAKey loaded = RSAKey.parse(Files.readString(keyFile, StandardCharsets.UTF_8));
            if (!loaded.isPrivate()) {
                throw new IllegalStateException(keyFile + " holds no private key");
            }
            return loaded;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create the signing key " + keyFile, e);
        } catch (ParseException e) {
            throw new IllegalStateException(keyFile + " is not an RSA JWK", e);
        }
    }

    private static void createKey(Path directory, Path keyFile) throws IOException {
        RSAKey generated;
        try {
            RSAKey withoutId = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
            generated = new RSAKey.Builder(withoutId).keyIDFromThumbprint().build();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate an RSA key", e);
        }
        Path temporary = Files.createTempFile(directory, ".token-signing-key", ".tmp");
        try {
            ownerOnly(temporary);
            Files.writeString(temporary, generated.toJSONString(), StandardCharsets.UTF_8);
            try {
                // A hard link fails if another process created the key meanwhile: the first key wins.
                Files.createLink(keyFile, temporary);
            } catch (FileAlreadyExistsException raced) {
                // Keep the other process's key.
            } catch (UnsupportedOperationException | IOException noLinks) {
                if (!Files.exists(keyFile)) {
                    Files.move(temporary, keyFile, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        } catch (UnsupportedOperationException notPosix) {
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
            file.toFile().setWritable(false, false);
            file.toFile().setWritable(true, true);
        }
    }

    private void writePublicFiles() {
        writeIfChanged(publicKeyFile(), publicKeyPem());
        writeIfChanged(directory.resolve(JWK_SET_FILE), publicJwkSetJson());
    }

    private static void writeIfChanged(Path file, String content) {
        try {
            if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
                return;
            }
            Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            try {
                // Public halves: readable by whoever runs the services.
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException notPosix) {
                temporary.toFile().setReadable(true, false);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    /** Prints one token; see the class comment and {@code deploy/local-identity/README.md}. */
    public static void main(String[] args) {
        try {
            Command command = Command.parse(args);
            if (command == null) {
                System.out.println(Command.USAGE);
                return;
            }
            LocalTokenIssuer tokens = new LocalTokenIssuer(command.directory, command.issuer);
            if (command.printPublicKeyLocation) {
                System.out.println(tokens.publicKeyLocation());
                return;
            }
            System.out.println(tokens.mint(command.subject, command.roles, command.institution, command.ttl));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Command.USAGE);
            System.exit(2);
        }
    }

    /** Parses a token lifetime: {@code 8h}, {@code 30m}, {@code 90s}, {@code 1d} or ISO-8601 ({@code PT8H}). */
    static Duration parseTtl(String text) {
        Matcher compact = Pattern.compile("(\\d+)([smhd])").matcher(text.trim().toLowerCase(Locale.ROOT));
        if (compact.matches()) {
            long amount = Long.parseLong(compact.group(1));
            return switch (compact.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--ttl must look like 8h, 30m, 90s, 1d or PT8H, not " + text);
        }
    }

    private static final class Command {

        static final String USAGE = """
                usage: LocalTokenIssuer [--dir DIR] --role ROLE[,ROLE] [--institution CODE] [--ttl 8h]
                                        [--subject NAME] [--issuer ISS] [--public-key-location]
                  --dir          key directory (default .aula-data/identity); the key is created on first use
                  --role         operations, coordinator, facilitator, partner or metrics (repeatable or comma-separated)
                  --institution  the partner's institution code (required with --role partner)
                  --ttl          lifetime: 8h, 30m, 90s, 1d or PT8H (default 8h)
                  --subject      the sub claim (default local-<role>)
                  --issuer       the iss claim (default aula-local)
                  --public-key-location  print the file: URL services load instead of a token""";

        Path directory = Path.of(".aula-data", "identity");
        String issuer = DEFAULT_ISSUER;
        final Set<String> roles = new LinkedHashSet<>();
        String institution;
        Duration ttl = Duration.ofHours(8);
        String subject;
        boolean printPublicKeyLocation;

        static Command parse(String[] args) {
            Command command = new Command();
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (option.equals("--help") || option.equals("-h")) {
                    return null;
                }
                if (option.equals("--public-key-location")) {
                    command.printPublicKeyLocation = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args[++i];
                switch (option) {
                    case "--dir" -> command.directory = Path.of(value);
                    case "--issuer" -> command.issuer = value;
                    case "--role" -> {
                        for (String role : value.split(",")) {
                            if (!role.isBlank()) {
                                command.roles.add(role.trim());
                            }
                        }
                    }
                    case "--institution" -> command.institution = value;
                    case "--ttl" -> command.ttl = parseTtl(value);
                    case "--subject" -> command.subject = value;
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            if (!command.printPublicKeyLocation && command.roles.isEmpty()) {
                throw new IllegalArgumentException("--role is required");
            }
            if (command.subject == null) {
                command.subject = "local-" + String.join("-", command.roles);
            }
            return command;
        }
    }
}
