package org.aula.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Prometheus (Debian's {@code prometheus} package, as {@code .ci/run} installs it) against the
 * local platform, with the repository's scrape configuration and alerting rules: every target is up,
 * every series the dashboard and the rules use exists, and an alert fires when a service's database
 * is taken away.
 *
 * <p>The configuration is {@code deploy/prometheus/prometheus-local.yml} with only the ports, the
 * token file, the rule file and the intervals (1 s) substituted. The rules are {@code aula-rules.yml}
 * with their expressions unchanged; only each {@code for:} is shortened to {@value #SHORT_FOR}, so
 * that an alert held for minutes in production fires within the test.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class RealPrometheusIT {

    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final String SHORT_FOR = "3s";

    /**
     * Series that exist only after an event the seed story does not cause; named with the reason, so a
     * series missing for another reason still fails the test.
     */
    private static final Map<String, String> EVENT_DRIVEN = Map.ofEntries(
            Map.entry("aula_messaging_dead_letters_total", "registered with the first dead-lettered record"),
            Map.entry("aula_inbox_duplicates_total", "registered with the first duplicate an inbox skips"),
            Map.entry("aula_certificates_revoked_total", "registered with the first revocation"),
            Map.entry("aula_enrollment_erasures_total", "registered with the first erasure of a participant"),
            Map.entry("aula_enrollment_withdrawals_total", "registered with the first withdrawal"),
            Map.entry("aula_session_completion_revisions_total", "registered with the first revised completion decision"),
            Map.entry("aula_diplomas_awarded_total", "registered with the first diploma (a whole programme completed)"),
            Map.entry("aula_messaging_consumer_stalled_seconds", "registered when a listener first retries a record"));

    /** Not exported by Aula: kube-state-metrics, which a Kubernetes monitoring stack scrapes. */
    private static final Set<String> NOT_AULAS = Set.of("kube_pod_status_ready", "kube_deployment_status_replicas_available");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path work;

    @Test
    void prometheusScrapesEveryServiceFindsEverySeriesInUseAndFiresAnAlertWhenADatabaseIsLost() throws Exception {
        assumeTrue(Files.isExecutable(PROMETHEUS),
                "skipped: " + PROMETHEUS + " is absent (apt-get install prometheus; .ci/run installs it)");
        Path repository = repositoryRoot();
        Path prometheusDir = repository.resolve("deploy/prometheus");

        try (AulaLocalPlatform platform = AulaLocalPlatform.start(PlatformOptions.freePorts(work.resolve("platform")))) {
            // Counters registered on first use need their first event: the seed story causes most of them.
            DemoReport story = SeedStoryDemo.against(platform, new PrintStream(OutputStream.nullOutputStream())).run();
            assertThat(story.succeeded()).as("seed story: %s", story.problems()).isTrue();

            Path token = work.resolve("metrics-token");
            Files.writeString(token, tokenCommand("--role", "metrics", "--ttl", "1h", "--data-dir=" + platform.dataDir()));
            Path rules = work.resolve("aula-rules.yml");
            Files.writeString(rules, shortenFor(Files.readString(prometheusDir.resolve("aula-rules.yml"))));
            Path config = work.resolve("prometheus.yml");
            Files.writeString(config, localConfig(Files.readString(prometheusDir.resolve("prometheus-local.yml")), platform, token, rules));

            try (PrometheusProcess prometheus = PrometheusProcess.start(config, work.resolve("prometheus-data"), freePort(),
                    work.resolve("prometheus.log"))) {
                URI api = prometheus.url();
                await("Prometheus ready").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                        .until(() -> status(api.resolve("/-/ready")) == 200);
                String version = get(api, "/api/v1/status/buildinfo").path("data").path("version").asString();

                List<String> targets = new ArrayList<>();
                await("every target up").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    JsonNode active = get(api, "/api/v1/targets?state=active").path("data").path("activeTargets");
                    targets.clear();
                    for (JsonNode target : active) {
                        targets.add(String.format(Locale.ROOT, "%-22s %-4s %s (last scrape %.0f ms)",
                                target.path("labels").path("application").asString(), target.path("health").asString(),
                                target.path("scrapeUrl").asString(), target.path("lastScrapeDuration").asDouble() * 1000));
                    }
                    assertThat(active).hasSize(PlatformService.values().length)
                            .allSatisfy(target -> assertThat(target.path("health").asString())
                                    .as("%s: %s", target.path("scrapeUrl").asString(), target.path("lastError").asString())
                                    .isEqualTo("up"));
                });

                Set<String> dashboardNames = new TreeSet<>();
                List<String> dashboardExpressions = dashboardExpressions(repository.resolve("deploy/grafana/aula-dashboard.json"));
                dashboardExpressions.forEach(expr -> dashboardNames.addAll(PromQl.metricNames(expr)));
                Set<String> ruleNames = new TreeSet<>();
                List<String> ruleExpressions = ruleExpressions(Files.readString(prometheusDir.resolve("aula-rules.yml")));
                ruleExpressions.forEach(expr -> ruleNames.addAll(PromQl.metricNames(expr)));
                Set<String> used = new TreeSet<>(dashboardNames);
                used.addAll(ruleNames);

                Set<String> missing = new TreeSet<>();
                Set<String> found = new TreeSet<>();
                // Most series are in the first scrape; aula_cohort_completion_rate follows the story's decisions at the
                // next refresh of its gauge (aula.certification.completion-rate-refresh, 30 s).
                boolean allExplained = awaitQuietly(() -> await("series present").atMost(Duration.ofSeconds(45))
                        .pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
                            Set<String> present = new TreeSet<>();
                            get(api, "/api/v1/label/__name__/values").path("data").forEach(name -> present.add(name.asString()));
                            found.clear();
                            missing.clear();
                            for (String name : used) {
                                (present.contains(name) ? found : missing).add(name);
                            }
                            return missing.stream().allMatch(name -> EVENT_DRIVEN.containsKey(name) || NOT_AULAS.contains(name));
                        }));
                Set<String> unexplained = new TreeSet<>(missing);
                unexplained.removeAll(EVENT_DRIVEN.keySet());
                unexplained.removeAll(NOT_AULAS);
                Set<String> eventDrivenButFound = new TreeSet<>(EVENT_DRIVEN.keySet());
                eventDrivenButFound.retainAll(found);

                StringBuilder summary = new StringBuilder();
                summary.append("\n==== Real Prometheus against the local platform ====\n");
                summary.append(String.format(Locale.ROOT, "prometheus %s, pid %d, %s; scrape and evaluation every 1 s%n",
                        version, prometheus.pid(), api));
                summary.append("config: deploy/prometheus/prometheus-local.yml with ports, token file, rule file and intervals substituted\n");
                summary.append("rules:  deploy/prometheus/aula-rules.yml, expressions unchanged, every for: shortened to " + SHORT_FOR + "\n");
                summary.append("targets (" + targets.size() + " up):\n");
                targets.forEach(target -> summary.append("  ").append(target).append('\n'));
                summary.append(String.format(Locale.ROOT,
                        "series: %d metric names used (dashboard %d in %d expressions, rules %d in %d expressions); %d found%n",
                        used.size(), dashboardNames.size(), dashboardExpressions.size(), ruleNames.size(), ruleExpressions.size(),
                        found.size()));
                missing.forEach(name -> summary.append("  absent, ")
                        .append(NOT_AULAS.contains(name) ? "not Aula's: kube-state-metrics"
                                : EVENT_DRIVEN.containsKey(name) ? "event-driven: " + EVENT_DRIVEN.get(name) : "UNEXPLAINED")
                        .append(": ").append(name).append('\n'));
                if (!eventDrivenButFound.isEmpty()) {
                    summary.append("  listed as event-driven but present now: ").append(eventDrivenButFound).append('\n');
                }
                System.out.print(summary);
                assertThat(unexplained).as("metric names the dashboard or the rules use that Prometheus never saw (all explained: %s)",
                        allExplained).isEmpty();

                List<String> firingBefore = firing(api);

                // Take session-service's database away: open connections are cut and new ones refused.
                String sessionDatabase = PlatformService.SESSION.database();
                String adminUrl = platform.jdbcUrl(PlatformService.SESSION).replaceFirst("/[^/?]+(\\?.*)?$", "/postgres");
                List<String> credentials = platform.databaseCredentials();
                AtomicReference<List<String>> fired = new AtomicReference<>(List.of());
                long lostAt;
                long firedAt;
                String sessionUp;
                try (Connection admin = DriverManager.getConnection(adminUrl, credentials.get(0), credentials.get(1))) {
                    lostAt = System.nanoTime();
                    execute(admin, "alter database \"" + sessionDatabase + "\" with allow_connections false");
                    execute(admin, "select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + sessionDatabase + "'");
                    try {
                        await("an alert for session-service").atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(500))
                                .until(() -> {
                                    fired.set(firing(api).stream().filter(alert -> alert.contains("application=session-service")).toList());
                                    return !fired.get().isEmpty();
                                });
                        firedAt = System.nanoTime();
                        sessionUp = get(api, "/api/v1/query?query=up%7Bapplication%3D%22session-service%22%7D")
                                .path("data").path("result").path(0).path("value").path(1).asString();
                    } finally {
                        execute(admin, "alter database \"" + sessionDatabase + "\" with allow_connections true");
                    }
                }
                double seconds = (firedAt - lostAt) / 1e9;

                StringBuilder outage = new StringBuilder();
                outage.append("firing before the outage: ").append(firingBefore.isEmpty() ? "none" : firingBefore).append('\n');
                outage.append(String.format(Locale.ROOT, "alert: %s firing %.1f s after session-service's database refused connections%n",
                        fired.get(), seconds));
                outage.append("session-service's up during the outage: " + sessionUp + " (the scrape does not read the database)\n");
                outage.append("====================================================\n");
                System.out.print(outage);

                assertThat(firingBefore).as("alerts firing before the outage").noneMatch(alert -> alert.contains("session-service"));
                assertThat(fired.get()).anyMatch(alert -> alert.startsWith("AulaDatabaseErrors{"));
                assertThat(sessionUp).as("session-service still scraped while its database is away").isEqualTo("1");
            }
        }
    }

    /** Runs an await; false instead of an exception when it times out, so that the summary is printed first. */
    private static boolean awaitQuietly(Runnable await) {
        try {
            await.run();
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    /** Every {@code for:} of the rule file set to {@value #SHORT_FOR}; expressions and everything else unchanged. */
    static String shortenFor(String rules) {
        Matcher matcher = Pattern.compile("(?m)^(\\s+for:\\s*)\\S+\\s*$").matcher(rules);
        assertThat(matcher.find()).as("the rules hold for: durations").isTrue();
        return matcher.replaceAll("$1" + SHORT_FOR);
    }

    /** prometheus-local.yml pointed at this platform's ports, the token file, the rule copy, every 1 s. */
    private static String localConfig(String config, AulaLocalPlatform platform, Path token, Path rules) {
        String result = replaceOnce(config, "(?m)^(\\s*scrape_interval:\\s*)\\S+", "$11s");
        result = replaceOnce(result, "(?m)^(\\s*evaluation_interval:\\s*)\\S+", "$11s");
        result = replaceOnce(result, "(?m)^(\\s*credentials_file:\\s*).*$", "$1" + Matcher.quoteReplacement(token.toString()));
        result = replaceOnce(result, "(?m)^(\\s*-\\s*)aula-rules\\.yml\\s*$", "$1" + Matcher.quoteReplacement(rules.toString()));
        for (PlatformService service : PlatformService.values()) {
            int port = platform.baseUrl(service).getPort();
            result = replaceOnce(result, "(targets: \\[\"127\\.0\\.0\\.1:)\\d+(\"\\]\\s*\\n\\s*labels: \\{[^}]*application: "
                    + Pattern.quote(service.serviceName()) + "\\})", "$1" + port + "$2");
        }
        return result;
    }

    private static String replaceOnce(String text, String regex, String replacement) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.results().count()).as("prometheus-local.yml matches %s once", regex).isEqualTo(1);
        return matcher.replaceFirst(replacement);
    }

    private List<String> dashboardExpressions(Path dashboard) throws IOException {
        JsonNode root = json.readTree(Files.readString(dashboard));
        List<String> expressions = new ArrayList<>();
        root.path("panels").forEach(panel -> panel.path("targets").forEach(target -> expressions.add(target.path("expr").asString())));
        root.path("annotations").path("list").forEach(annotation -> {
            if (annotation.has("expr")) {
                expressions.add(annotation.path("expr").asString());
            }
        });
        root.path("templating").path("list").forEach(variable -> {
            if (variable.path("definition").asString("").startsWith("label_values(")) {
                expressions.add(variable.path("definition").asString().replaceFirst("^label_values\\((.*),\\s*\\w+\\)$", "$1"));
            }
        });
        expressions.removeIf(String::isBlank);
        return expressions;
    }

    @SuppressWarnings("unchecked")
    private static List<String> ruleExpressions(String rules) {
        Map<String, Object> root = new Yaml().load(rules);
        List<String> expressions = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) root.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                expressions.add((String) rule.get("expr"));
            }
        }
        return expressions;
    }

    /** Firing alerts as {@code name{label=value,...}}. */
    private List<String> firing(URI api) throws Exception {
        List<String> alerts = new ArrayList<>();
        for (JsonNode alert : get(api, "/api/v1/alerts").path("data").path("alerts")) {
            if ("firing".equals(alert.path("state").asString())) {
                Map<String, String> labels = new LinkedHashMap<>();
                alert.path("labels").properties().forEach(label -> labels.put(label.getKey(), label.getValue().asString()));
                String name = labels.remove("alertname");
                alerts.add(name + labels.entrySet().stream().map(label -> label.getKey() + "=" + label.getValue())
                        .sorted().toList().toString().replace('[', '{').replace(']', '}').replace(", ", ","));
            }
        }
        return alerts;
    }

    private JsonNode get(URI api, String pathAndQuery) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(api.resolve(pathAndQuery)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s: %s", pathAndQuery, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private int status(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String tokenCommand(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = TokenCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("deploy/prometheus/aula-rules.yml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no deploy/prometheus/aula-rules.yml above " + Path.of("").toAbsolutePath());
    }

    /** A {@code prometheus} server process of its own: its own data directory and port; stopped by its pid. */
    private record PrometheusProcess(Process process, URI url) implements AutoCloseable {

        static PrometheusProcess start(Path config, Path dataDir, int port, Path log) throws IOException {
            Files.createDirectories(dataDir);
            Process process = new ProcessBuilder(PROMETHEUS.toString(),
                    "--config.file=" + config,
                    "--storage.tsdb.path=" + dataDir,
                    "--web.listen-address=127.0.0.1:" + port)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new PrometheusProcess(process, URI.create("http://127.0.0.1:" + port));
        }

        long pid() {
            return process.pid();
        }

        @Override
        public void close() throws InterruptedException {
            long pid = process.pid();
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                process.waitFor(10, TimeUnit.SECONDS);
            }
            System.out.println("prometheus pid " + pid + " stopped (exit " + (process.isAlive() ? "still running" : process.exitValue()) + ")");
        }
    }
}
