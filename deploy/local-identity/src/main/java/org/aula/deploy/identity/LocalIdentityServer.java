package org.aula.deploy.identity;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Aula's local OpenID Connect provider (Spring Authorization Server): demo users listed on its
 * sign-in page sign in with one click, and registered clients get ID tokens and access tokens
 * through the authorization code flow with PKCE. Its tokens are signed with the key of a
 * {@link LocalTokenIssuer} on the same directory, so every service that trusts that issuer's public
 * key accepts them; they carry the {@code roles} and {@code institution} claims the services read.
 *
 * <pre>
 * try (LocalIdentityServer identity = LocalIdentityServer.start(0, keyDir,
 *         IdentityClient.staffConsole(URI.create("http://localhost:8080")))) {
 *     identity.issuer();   // http://localhost:PORT: spring.security.oauth2.client.provider.aula.issuer-uri
 * }
 * </pre>
 *
 * For the local platform and tests only; in production the organisation's provider does this.
 */
public final class LocalIdentityServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final String issuer;
    private final List<DemoUser> users;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalIdentityServer(ConfigurableApplicationContext context, String issuer, List<DemoUser> users) {
        this.context = context;
        this.issuer = issuer;
        this.users = users;
    }

    /**
     * Starts the provider on {@code port} (0: a free one) with the signing key in {@code keyDirectory}
     * (created if missing, as {@link LocalTokenIssuer} does), the {@link DemoUser#all() demo users} and
     * {@code clients}; returns once it serves requests.
     */
    public static LocalIdentityServer start(int port, Path keyDirectory, IdentityClient... clients) {
        return start(port, new LocalTokenIssuer(keyDirectory), List.of(clients));
    }

    /** Starts the provider signing with {@code tokens}' key; see {@link #start(int, Path, IdentityClient...)}. */
    public static LocalIdentityServer start(int port, LocalTokenIssuer tokens, List<IdentityClient> clients) {
        int concretePort = port == 0 ? freePort() : port;
        // localhost, not 127.0.0.1: browsers and the console reach it by that name, and the issuer must match exactly.
        String issuer = "http://localhost:" + concretePort;
        List<DemoUser> users = DemoUser.all();
        IdentityServerConfiguration.IdentitySetup setup =
                new IdentityServerConfiguration.IdentitySetup(issuer, tokens, List.copyOf(clients), users);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(IdentityServerConfiguration.class)
                .initializers(started -> started.getBeanFactory().registerSingleton("identitySetup", setup))
                .registerShutdownHook(false)
                .run(arguments(concretePort));
        return new LocalIdentityServer(context, issuer, users);
    }

    /**
     * Command-line arguments rank above environment variables, which in one JVM with the services
     * would otherwise reach this context too ({@code SERVER_PORT}).
     */
    static String[] arguments(int port) {
        return new String[] {
                "--server.port=" + port,
                "--server.address=" + InetAddress.getLoopbackAddress().getHostAddress(),
                // Reads no application.yml that another module put on the classpath.
                "--spring.config.name=local-identity",
                "--spring.application.name=local-identity",
                "--spring.main.banner-mode=off",
                // Cookies ignore ports: the console on the same host keeps its own JSESSIONID.
                "--server.servlet.session.cookie.name=AULA_IDENTITY_SESSION",
                "--logging.register-shutdown-hook=false"};
    }

    /** {@code http://localhost:<port>}: the {@code iss} of its tokens and the base of its discovery document. */
    public String issuer() {
        return issuer;
    }

    /** The OpenID discovery document, {@code <issuer>/.well-known/openid-configuration}. */
    public URI discovery() {
        return URI.create(issuer + "/.well-known/openid-configuration");
    }

    /** The sign-in page listing the demo users. */
    public URI signInPage() {
        return URI.create(issuer + SignInPage.PATH);
    }

    /** The demo users its sign-in page lists. */
    public List<DemoUser> users() {
        return users;
    }

    /** Stops the provider; safe to repeat. Signed-in sessions and issued refresh tokens are forgotten. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            context.close();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port for the local identity provider", e);
        }
    }

    /**
     * Runs the provider alone until Ctrl-C:
     * {@code --port 9000 --dir .aula-data/identity --console http://localhost:8080}.
     */
    public static void main(String[] args) throws InterruptedException {
        int port = 9000;
        Path directory = Path.of(".aula-data", "identity");
        List<IdentityClient> clients = new ArrayList<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--dir" -> directory = Path.of(args[i + 1]);
                case "--console" -> clients.add(IdentityClient.staffConsole(URI.create(args[i + 1])));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: LocalIdentityServer [--port 9000] [--dir .aula-data/identity] [--console http://localhost:8080]");
            }
        }
        if (clients.isEmpty()) {
            clients.add(IdentityClient.staffConsole(URI.create("http://localhost:8080")));
        }
        LocalIdentityServer server = start(port, new LocalTokenIssuer(directory), clients);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "local-identity-stop"));
        System.out.println("Aula local identity provider: " + server.issuer() + " (sign in at " + server.signInPage() + ")");
        new CountDownLatch(1).await();
    }
}
