package org.aula.platform;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.aula.deploy.identity.LocalTokenIssuer;
import org.aula.events.EventCatalog;
import org.aula.events.Topics;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Replays the seed story against a running platform over its public interfaces only: REST calls
 * as a coordinator (bearer token), a verifier (no token) and operations (the Prometheus scrape)
 * would make them, and a Kafka consumer reading the topics as a partner would. Tokens come from
 * the platform's own issuer. Prints each step with its timing, the May cohort's completion
 * metrics, and a table of the events this run caused, expected against seen.
 */
public final class SeedStoryDemo {

    /** How long, from the start of the run, every expected event may take to appear. */
    static final Duration EVENT_TIMEOUT = Duration.ofSeconds(120);
    /** How long one asynchronous hop (roster lock, certificates) may take. */
    static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

    private static final List<String> TOPICS = List.of(Topics.ENROLLMENT, Topics.SESSION, Topics.CERTIFICATION);

    private final URI enrollment;
    private final URI session;
    private final URI certification;
    private final String kafkaBootstrapServers;
    private final LocalTokenIssuer tokens;
    private final PrintStream out;

    /**
     * A demo against services at these base URLs and a broker at {@code kafkaBootstrapServers}, with
     * tokens signed by {@code tokens} (the issuer whose key the services trust).
     */
    public SeedStoryDemo(URI enrollment, URI session, URI certification, String kafkaBootstrapServers,
            LocalTokenIssuer tokens, PrintStream out) {
        this.enrollment = enrollment;
        this.session = session;
        this.certification = certification;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.tokens = tokens;
        this.out = out;
    }

    /** A demo against a started platform. */
    public static SeedStoryDemo against(AulaLocalPlatform platform, PrintStream out) {
        return new SeedStoryDemo(platform.baseUrl(PlatformService.ENROLLMENT), platform.baseUrl(PlatformService.SESSION),
                platform.baseUrl(PlatformService.CERTIFICATION), platform.kafkaBootstrapServers(), platform.tokens(), out);
    }

    /** The events one replay causes, by catalog type. */
    static Map<String, Integer> expectedEvents() {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put(EventCatalog.COHORT_SCHEDULED.type(), 3);
        expected.put(EventCatalog.PARTICIPANT_ENROLLED.type(), SeedStory.SEATS);
        expected.put(EventCatalog.PARTICIPANT_WAITLISTED.type(), SeedStory.nominees().size() - SeedStory.SEATS);
        expected.put(EventCatalog.COHORT_FILLED.type(), 1);
        expected.put(EventCatalog.COURSE_COMPLETED.type(), completers());
        expected.put(EventCatalog.CERTIFICATE_ISSUED.type(), completers());
        return expected;
    }

    /** Runs the story once; never throws for a failed step, the report says what failed. */
    public DemoReport run() {
        return new Replay().run();
    }

    /** The May cohort's completion rate the story leads to: 23 of 25. */
    static double expectedCompletionRate() {
        return (double) completers() / SeedStory.SEATS;
    }

    private static int completers() {
        return (int) SeedStory.nominees().stream().limit(SeedStory.SEATS).filter(SeedStory.Nominee::completes).count();
    }

    /** Short form of a type for people: {@code org.aula.enrollment.cohort.filled.v1} -> {@code cohort.filled}. */
    static String shortType(String type) {
        String[] parts = type.split("\\.");
        if (parts.length < 5 || !parts[0].equals("org") || !parts[1].equals("aula")) {
            return type;
        }
        return String.join(".", List.of(parts).subList(3, parts.length - 1));
    }

    /** The state of one replay, filled in step by step. */
    private final class Replay {

        private final long begin = System.nanoTime();
        /** Programme staff: schedules, nominates, records completions, lists certificates, reads the figures. */
        private final JsonHttp coordinator = JsonHttp.withToken(
                tokens.mint("seed-story-coordinator", Set.of("coordinator"), null, Duration.ofHours(1)));
        /** Runs the platform: reads the Prometheus scrape. */
        private final JsonHttp operations = JsonHttp.withToken(
                tokens.mint("seed-story-operations", Set.of("operations"), null, Duration.ofHours(1)));
        /** Anyone holding a certificate's number: no token. */
        private final JsonHttp verifier = JsonHttp.anonymous();
        private final List<DemoReport.Step> steps = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();
        private final List<String> cohortCodes = new ArrayList<>();
        private final List<String> cohortIds = new ArrayList<>();
        private final Map<String, SeedStory.Nominee> seated = new LinkedHashMap<>();
        private final List<DemoReport.Certificate> certificates = new ArrayList<>();
        private @Nullable EventTally tally;
        private String suffix = "";
        private int enrolled;
        private int waitlisted;
        private int completed;
        private int notCompleted;
        private @Nullable String verificationStatus;
        private DemoReport.@Nullable Metrics metrics;
        private final List<DemoReport.PartnerView> partnerViews = new ArrayList<>();
        private Map<String, Integer> seen = Map.of();

        DemoReport run() {
            out.println();
            out.println("Replaying the seed story: IOM and Galen University, \"" + SeedStory.COURSE_TITLE + "\", Belize 2019");
            out.println("  enrollment " + enrollment + "   session " + session + "   certification " + certification
                    + "   kafka " + kafkaBootstrapServers);
            out.println("  staff calls carry a coordinator token, the Prometheus scrape an operations token, both signed with the key in "
                    + tokens.directory() + "; verification carries none");
            out.println();
            try {
                boolean story = step("Attach a partner-style consumer to " + String.join(", ", TOPICS) + " (from the beginning)", this::attach)
                        && step("Choose this run's cohort codes", this::chooseCodes)
                        && step("Schedule the May cohort and the two June replicas", this::schedule)
                        && step("Nominate " + SeedStory.nominees().size() + " officials from " + String.join(", ", SeedStory.INSTITUTIONS)
                                + " to " + cohortCodes.get(0), this::nominate)
                        && step("Wait for session-service to lock the May roster", this::awaitRoster)
                        && step("Record attendance: one completion decision per seated official", this::recordCompletions)
                        && step("Wait for certification-service to issue the certificates", this::awaitCertificates)
                        && step("Verify Inspector " + SeedStory.PASCASCIO + "'s certificate as a verifier would (no token)", this::verify)
                        && step("Read the May cohort's completion metrics: figures (coordinator) and Prometheus scrape (operations)",
                                this::readMetrics)
                        && step("A partner (" + PARTNER_INSTITUTION + ") reads the May cohort over REST: only its own officials",
                                this::partnerSeesOnlyItsOwn);
                step(story ? "Wait for every expected event on the topics" : "Count the events that did arrive", () -> countEvents(story));
            } finally {
                if (tally != null) {
                    tally.close();
                }
            }
            Duration total = Duration.ofNanos(System.nanoTime() - begin);
            DemoReport report = new DemoReport(problems.isEmpty(), List.copyOf(cohortCodes), List.copyOf(cohortIds),
                    enrolled, waitlisted, completed, notCompleted, List.copyOf(certificates), verificationStatus,
                    metrics, List.copyOf(partnerViews), expectedEvents(), seen, List.copyOf(problems), List.copyOf(steps), total);
            print(report);
            return report;
        }

        private String attach() {
            tally = new EventTally(kafkaBootstrapServers, TOPICS);
            return "reading " + TOPICS.size() + " topics";
        }

        private String chooseCodes() {
            String may = SeedStory.cohorts("").get(0).code();
            for (int run = 1; ; run++) {
                String candidate = run == 1 ? "" : "-R" + run;
                boolean taken = SeedStory.cohorts(candidate).stream().anyMatch(cohort -> cohortExists(cohort.code()));
                if (!taken) {
                    suffix = candidate;
                    return run == 1
                            ? "first run on this data: plain codes"
                            : may + " exists from an earlier run on this data, so this is run " + run + ": codes end in " + suffix;
                }
            }
        }

        private boolean cohortExists(String code) {
            JsonNode found = coordinator.get(URI.create(enrollment + "/cohorts?code=" + JsonHttp.query(code)));
            return found.isArray() ? !found.isEmpty() : found.path("code").asString("").equals(code);
        }

        private String schedule() {
            List<String> done = new ArrayList<>();
            for (SeedStory.Cohort cohort : SeedStory.cohorts(suffix)) {
                JsonNode created = coordinator.post(URI.create(enrollment + "/cohorts"), cohort.schedulingRequest());
                String id = required(created, "id");
                cohortCodes.add(cohort.code());
                cohortIds.add(id);
                done.add(cohort.code() + " " + cohort.startDate() + ".." + cohort.endDate() + " (" + SeedStory.SEATS + " seats)");
            }
            return String.join(", ", done) + "; " + SeedStory.LOCATION + ", facilitator " + SeedStory.FACILITATOR;
        }

        private String nominate() {
            URI enrolments = URI.create(enrollment + "/cohorts/" + cohortIds.get(0) + "/enrolments");
            for (SeedStory.Nominee nominee : SeedStory.nominees()) {
                JsonNode enrolment = coordinator.post(enrolments, nominee.nominationRequest());
                String status = required(enrolment, "status");
                switch (status) {
                    case "ENROLLED" -> {
                        enrolled++;
                        seated.put(required(enrolment, "participantId"), nominee);
                    }
                    case "WAITLISTED" -> waitlisted++;
                    default -> throw new IllegalStateException("unexpected enrolment status " + status + " for " + nominee.name());
                }
            }
            int expectedWaitlist = SeedStory.nominees().size() - SeedStory.SEATS;
            if (enrolled != SeedStory.SEATS || waitlisted != expectedWaitlist) {
                throw new IllegalStateException(enrolled + " enrolled and " + waitlisted + " waitlisted; expected "
                        + SeedStory.SEATS + " and " + expectedWaitlist);
            }
            return enrolled + " enrolled (seats 1-" + enrolled + "), " + waitlisted + " waitlisted";
        }

        private String awaitRoster() {
            URI roster = URI.create(session + "/cohorts/" + cohortIds.get(0) + "/roster");
            JsonNode locked = await("a locked roster of " + SeedStory.SEATS + " at " + roster, STEP_TIMEOUT, () ->
                    coordinator.find(roster).filter(r -> r.path("locked").asBoolean(false)
                            && r.path("participants").size() == SeedStory.SEATS
                            && r.path("courseHours").isNumber()));
            return "locked with " + locked.path("participants").size() + " participants ("
                    + locked.path("cohortCode").asString("?") + ", " + locked.path("courseHours").asString("?") + " h)";
        }

        private String recordCompletions() {
            URI completions = URI.create(session + "/cohorts/" + cohortIds.get(0) + "/completions");
            List<String> shortOnes = new ArrayList<>();
            for (Map.Entry<String, SeedStory.Nominee> participant : seated.entrySet()) {
                SeedStory.Nominee nominee = participant.getValue();
                JsonNode decision = coordinator.post(completions,
                        Map.of("participantId", participant.getKey(), "hoursAttended", nominee.hoursAttended()));
                switch (required(decision, "decision")) {
                    case "COMPLETED" -> completed++;
                    case "NOT_COMPLETED" -> {
                        notCompleted++;
                        shortOnes.add(nominee.name() + " " + hours(nominee.hoursAttended()) + " h");
                    }
                    default -> throw new IllegalStateException("unexpected decision " + decision);
                }
            }
            if (completed != completers() || notCompleted != SeedStory.SEATS - completers()) {
                throw new IllegalStateException(completed + " COMPLETED and " + notCompleted + " NOT_COMPLETED; expected "
                        + completers() + " and " + (SeedStory.SEATS - completers()));
            }
            return completed + " COMPLETED (>= " + hours(SeedStory.HOURS_TO_COMPLETE) + " of " + SeedStory.COURSE_HOURS + " h), "
                    + notCompleted + " NOT_COMPLETED (" + String.join(", ", shortOnes) + ")";
        }

        private String awaitCertificates() {
            URI list = URI.create(certification + "/certificates?cohortId=" + JsonHttp.query(cohortIds.get(0)));
            JsonNode issued = await(completers() + " certificates at " + list, STEP_TIMEOUT, () -> {
                JsonNode answer = coordinator.get(list);
                if (answer.size() > completers()) {
                    throw new IllegalStateException(answer.size() + " certificates for " + completers() + " completions");
                }
                return answer.size() == completers() ? Optional.of(answer) : Optional.empty();
            });
            for (JsonNode certificate : issued) {
                certificates.add(new DemoReport.Certificate(certificate.path("number").asString(null),
                        certificate.path("holderName").asString(null), certificate.path("participantId").asString(null),
                        certificate.path("verificationUrl").asString(null)));
            }
            long withNumberAndHolder = certificates.stream()
                    .filter(c -> c.number() != null && !c.number().isBlank() && c.holderName() != null && !c.holderName().isBlank())
                    .count();
            if (withNumberAndHolder != certificates.size()) {
                throw new IllegalStateException((certificates.size() - withNumberAndHolder) + " certificates lack a number or holder");
            }
            return certificates.size() + " certificates, e.g. " + certificates.get(0).number() + " for " + certificates.get(0).holderName();
        }

        private String verify() {
            DemoReport.Certificate pascascio = certificates.stream()
                    .filter(c -> SeedStory.PASCASCIO.equals(c.holderName()))
                    .findFirst().orElse(certificates.get(0));
            JsonNode verification = verifier.get(URI.create(certification + "/certificates/"
                    + JsonHttp.query(pascascio.number()) + "/verification"));
            verificationStatus = verification.path("status").asString(null);
            if (!"VALID".equals(verificationStatus)) {
                throw new IllegalStateException("certificate " + pascascio.number() + " verified as " + verificationStatus);
            }
            return pascascio.number() + " (" + pascascio.holderName() + "): " + verificationStatus;
        }

        /**
         * Issue 5's must-show: after the story, certification-service's figures for the May cohort
         * and its Prometheus counter show 25 decided, 23 completed, 2 not, rate 0.92, 23 certificates.
         * Both are fed asynchronously (course decisions and certificates arrive as events), so this
         * waits until the counts reach the expected ones, then compares exactly.
         */
        private String readMetrics() {
            String may = cohortCodes.get(0);
            int certified = completers();
            URI figures = URI.create(certification + "/metrics/completions?cohort=" + JsonHttp.query(may));
            JsonNode totals = await(SeedStory.SEATS + " decisions and " + certified + " certificates in " + figures, STEP_TIMEOUT, () -> {
                JsonNode answer = coordinator.get(figures).path("totals");
                return answer.path("decided").asLong() >= SeedStory.SEATS && answer.path("certificatesIssued").asLong() >= certified
                        ? Optional.of(answer) : Optional.empty();
            });
            URI prometheus = URI.create(certification + "/actuator/prometheus");
            PrometheusScrape.Sum scraped = await(certified + " in aula_certificates_issued_total{cohort=\"" + may + "\"} at " + prometheus,
                    STEP_TIMEOUT, () -> {
                        PrometheusScrape.Sum sum = PrometheusScrape.sum(operations.text(prometheus), CERTIFICATES_ISSUED, "cohort", may);
                        return sum.value() >= certified ? Optional.of(sum) : Optional.empty();
                    });
            JsonNode rate = totals.path("completionRate");
            metrics = new DemoReport.Metrics(may, totals.path("decided").asLong(), totals.path("completed").asLong(),
                    totals.path("notCompleted").asLong(), rate.isNumber() ? rate.asDouble() : null,
                    totals.path("certificatesIssued").asLong(), scraped.value(), scraped.series());
            List<String> wrong = metricMismatches(metrics);
            if (!wrong.isEmpty()) {
                throw new IllegalStateException(String.join("; ", wrong));
            }
            return String.format(Locale.ROOT, "decided %d, completed %d, not completed %d, rate %s, certificates issued %d;"
                            + " Prometheus %s{cohort=\"%s\"} %s (%d series, one per institution)",
                    metrics.decided(), metrics.completed(), metrics.notCompleted(), metrics.completionRate(),
                    metrics.certificatesIssued(), CERTIFICATES_ISSUED, may, count(metrics.scrapedCertificatesIssued()),
                    metrics.scrapedSeries());
        }

        /**
         * Partner isolation over REST, with a partner token for {@link #PARTNER_INSTITUTION}:
         * enrollment-service's roster of the May cohort holds only its officials' lines and another
         * institution's nominees are refused; certification-service lists only its officials'
         * certificates and refuses another institution's. Each part runs when the service offers
         * it: enrollment-service when it has {@code GET /institutions/{code}/nominees} (a version
         * without partner reads answers 404), certification-service when it checks tokens at all
         * (it answers the listing without a token otherwise). Neither: the step says so and passes.
         */
        private String partnerSeesOnlyItsOwn() {
            JsonHttp partner = JsonHttp.withToken(tokens.mint("seed-story-partner-" + PARTNER_INSTITUTION.toLowerCase(Locale.ROOT),
                    Set.of("partner"), PARTNER_INSTITUTION, Duration.ofHours(1)));
            String other = SeedStory.INSTITUTIONS.stream().filter(code -> !code.equals(PARTNER_INSTITUTION)).findFirst().orElseThrow();
            String may = JsonHttp.query(cohortIds.get(0));
            List<String> said = new ArrayList<>();

            URI ownNominees = URI.create(enrollment + "/institutions/" + PARTNER_INSTITUTION + "/nominees?cohortId=" + may);
            int probe = partner.status(ownNominees);
            if (probe == 200) {
                JsonNode roster = partner.get(URI.create(enrollment + "/cohorts/" + may + "/enrolments"));
                partnerView("enrollment-service", "GET /cohorts/{id}/enrolments", roster, partnerNominations(),
                        "GET /institutions/" + other + "/nominees",
                        partner.status(URI.create(enrollment + "/institutions/" + other + "/nominees?cohortId=" + may)));
                said.add("enrollment: " + roster.size() + " of " + SeedStory.nominees().size() + " enrolments");
            } else if (probe == 404) {
                said.add("enrollment: skipped, no partner-scoped read (GET /institutions/{code}/nominees answers 404)");
            } else {
                throw new IllegalStateException("GET " + ownNominees + " with " + PARTNER_INSTITUTION + "'s own token answered " + probe);
            }

            URI certificatesOfMay = URI.create(certification + "/certificates?cohortId=" + may);
            int anonymous = verifier.status(certificatesOfMay);
            if (anonymous == 401) {
                JsonNode listed = partner.get(certificatesOfMay);
                partnerView("certification-service", "GET /certificates?cohortId={id}", listed, partnerCertificates(),
                        "GET /certificates?cohortId={id}&institutionCode=" + other,
                        partner.status(URI.create(certificatesOfMay + "&institutionCode=" + other)));
                said.add("certification: " + listed.size() + " of " + certificates.size() + " certificates");
            } else {
                said.add("certification: skipped, it answers the listing without a token (" + anonymous + ")");
            }
            if (partnerViews.isEmpty()) {
                return String.join("; ", said);
            }
            return PARTNER_INSTITUTION + " sees only its own: " + String.join("; ", said) + "; another institution's ("
                    + other + ") answers " + partnerViews.stream().map(view -> String.valueOf(view.refusedStatus()))
                            .distinct().reduce((a, b) -> a + "/" + b).orElse("?");
        }

        /** Records what the partner read and fails the step unless it held exactly its own lines and the other was refused. */
        private void partnerView(String service, String read, JsonNode lines, int expected, String refusedRequest, int refused) {
            int others = 0;
            for (JsonNode line : lines) {
                if (!PARTNER_INSTITUTION.equals(line.path("institutionCode").asString(null))) {
                    others++;
                }
            }
            DemoReport.PartnerView view = new DemoReport.PartnerView(service, read, PARTNER_INSTITUTION, lines.size(), others,
                    refusedRequest, refused);
            partnerViews.add(view);
            if (others > 0 || lines.size() != expected || refused != 403) {
                throw new IllegalStateException(service + ": " + PARTNER_INSTITUTION + "'s token read " + lines.size() + " lines of "
                        + read + " (expected " + expected + "), " + others + " of them another institution's; " + refusedRequest
                        + " answered " + refused + " (expected 403)");
            }
        }

        private String countEvents(boolean storyCompleted) {
            if (tally == null) {
                throw new IllegalStateException("no consumer attached");
            }
            Set<String> ours = Set.copyOf(cohortIds);
            Predicate<String> thisRun = ours::contains;
            Map<String, Integer> expected = expectedEvents();
            long waiting = System.nanoTime();
            if (storyCompleted) {
                long deadline = begin + EVENT_TIMEOUT.toNanos();
                while (!atLeast(tally.countsFor(thisRun), expected) && System.nanoTime() < deadline) {
                    pause();
                }
            }
            long allArrived = System.nanoTime();
            // Whatever the topics hold now is read before counting, so a surplus shows too.
            boolean caughtUp = tally.awaitCaughtUp(Duration.ofSeconds(10));
            long readToEnd = System.nanoTime();
            seen = new TreeMap<>(tally.countsFor(thisRun));
            List<String> missing = new ArrayList<>(mismatches(expected, seen));
            if (!caughtUp) {
                missing.add("the consumer did not catch up with the topics within 10 s");
            }
            if (!missing.isEmpty() && storyCompleted) {
                throw new IllegalStateException(String.join("; ", missing));
            }
            int redelivered = tally.redeliveriesFor(thisRun);
            return seen.values().stream().mapToInt(Integer::intValue).sum() + " events of this run among "
                    + tally.totalSeen() + " records on the topics" + (redelivered == 0 ? "" : ", " + redelivered + " redelivered copies counted once")
                    + String.format(Locale.ROOT, " (all expected seen after %d ms, topics read to their end %d ms later)",
                            (allArrived - waiting) / 1_000_000, (readToEnd - allArrived) / 1_000_000);
        }

        private boolean step(String name, Callable<String> work) {
            int number = steps.size() + 1;
            out.printf(Locale.ROOT, "[%d] %s%n", number, name);
            long started = System.nanoTime();
            try {
                String outcome = work.call();
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                steps.add(new DemoReport.Step(name, took, outcome));
                out.printf(Locale.ROOT, "    ok   %6d ms  %s%n", took.toMillis(), outcome);
                return true;
            } catch (Exception e) {
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                String message = e.getMessage() == null ? e.toString() : e.getMessage();
                steps.add(new DemoReport.Step(name, took, "FAILED: " + message));
                problems.add("step " + number + " (" + name + ") failed: " + message);
                out.printf(Locale.ROOT, "    FAIL %6d ms  %s%n", took.toMillis(), message);
                return false;
            }
        }

        private void print(DemoReport report) {
            out.println();
            out.println("Events of this run (cohorts " + String.join(", ", report.cohortCodes()) + ") on the topics:");
            out.printf(Locale.ROOT, "  %-26s %9s %6s%n", "event type", "expected", "seen");
            Map<String, Integer> others = new TreeMap<>(report.seenEvents());
            report.expectedEvents().forEach((type, count) -> {
                int got = report.seenEvents().getOrDefault(type, 0);
                others.remove(type);
                out.printf(Locale.ROOT, "  %-26s %9d %6d   %s%n", shortType(type), count, got, got == count ? "ok" : "MISMATCH");
            });
            others.forEach((type, count) -> out.printf(Locale.ROOT, "  %-26s %9s %6d   (not checked)%n", shortType(type), "-", count));
            out.println();
            DemoReport.Metrics figures = report.metrics();
            if (figures != null) {
                out.println("Completion metrics of " + figures.cohortCode() + " (certification-service):");
                out.printf(Locale.ROOT, "  %-58s %8s %8s%n", "", "expected", "seen");
                metricLine("GET /metrics/completions  totals.decided", SeedStory.SEATS, figures.decided());
                metricLine("                          totals.completed", completers(), figures.completed());
                metricLine("                          totals.notCompleted", SeedStory.SEATS - completers(), figures.notCompleted());
                out.printf(Locale.ROOT, "  %-58s %8s %8s   %s%n", "                          totals.completionRate",
                        expectedCompletionRate(), figures.completionRate(),
                        figures.completionRate() != null && Math.abs(figures.completionRate() - expectedCompletionRate()) < 1e-9 ? "ok" : "MISMATCH");
                metricLine("                          totals.certificatesIssued", completers(), figures.certificatesIssued());
                out.printf(Locale.ROOT, "  %-58s %8d %8s   %s%n", "GET /actuator/prometheus  " + CERTIFICATES_ISSUED, completers(),
                        count(figures.scrapedCertificatesIssued()),
                        figures.scrapedCertificatesIssued() == completers() ? "ok (sum of " + figures.scrapedSeries() + " series)" : "MISMATCH");
                out.println();
            }
            if (!report.certificates().isEmpty()) {
                out.println("Certificates of " + report.cohortCodes().get(0) + ":");
                for (DemoReport.Certificate certificate : report.certificates()) {
                    out.printf(Locale.ROOT, "  %-24s %s%n", certificate.number(), certificate.holderName());
                }
                out.println();
            }
            out.println("Timings:");
            for (DemoReport.Step step : report.steps()) {
                out.printf(Locale.ROOT, "  %7d ms  %s%n", step.took().toMillis(), step.name());
            }
            out.printf(Locale.ROOT, "  %7d ms  end to end%n", report.total().toMillis());
            out.println();
            if (report.succeeded()) {
                out.println("DEMO PASSED: the story ran end to end, the metrics show its figures, and every expected event arrived, none extra.");
            } else {
                out.println("DEMO FAILED:");
                report.problems().forEach(problem -> out.println("  - " + problem));
            }
        }
    }

    private void metricLine(String what, long expected, long seen) {
        out.printf(Locale.ROOT, "  %-58s %8d %8d   %s%n", what, expected, seen, expected == seen ? "ok" : "MISMATCH");
    }

    /** The partner whose view the demo shows: Inspector Pascascio's Police Department. */
    static final String PARTNER_INSTITUTION = "POLICE";

    /** Enrolments (seated or waiting) in the May cohort of officials {@link #PARTNER_INSTITUTION} nominated. */
    static int partnerNominations() {
        return (int) SeedStory.nominees().stream().filter(nominee -> nominee.institutionCode().equals(PARTNER_INSTITUTION)).count();
    }

    /** Certificates of the May cohort held by officials {@link #PARTNER_INSTITUTION} nominated. */
    static int partnerCertificates() {
        return (int) SeedStory.nominees().stream().limit(SeedStory.SEATS)
                .filter(nominee -> nominee.completes() && nominee.institutionCode().equals(PARTNER_INSTITUTION))
                .count();
    }

    /** The Prometheus name of certification-service's {@code aula.certificates.issued} counter. */
    static final String CERTIFICATES_ISSUED = "aula_certificates_issued_total";

    /** One line per figure that differs from what the story leads to. */
    static List<String> metricMismatches(DemoReport.Metrics metrics) {
        List<String> wrong = new ArrayList<>();
        int certified = completers();
        if (metrics.decided() != SeedStory.SEATS) {
            wrong.add("decided: expected " + SeedStory.SEATS + ", seen " + metrics.decided());
        }
        if (metrics.completed() != certified) {
            wrong.add("completed: expected " + certified + ", seen " + metrics.completed());
        }
        if (metrics.notCompleted() != SeedStory.SEATS - certified) {
            wrong.add("not completed: expected " + (SeedStory.SEATS - certified) + ", seen " + metrics.notCompleted());
        }
        if (metrics.completionRate() == null || Math.abs(metrics.completionRate() - expectedCompletionRate()) > 1e-9) {
            wrong.add("completion rate: expected " + expectedCompletionRate() + ", seen " + metrics.completionRate());
        }
        if (metrics.certificatesIssued() != certified) {
            wrong.add("certificates issued: expected " + certified + ", seen " + metrics.certificatesIssued());
        }
        if (metrics.scrapedCertificatesIssued() != certified) {
            wrong.add(CERTIFICATES_ISSUED + "{cohort=\"" + metrics.cohortCode() + "\"}: expected " + certified
                    + ", seen " + count(metrics.scrapedCertificatesIssued()));
        }
        return wrong;
    }

    private static String count(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** One line per expected type whose count differs from what was seen, too few or too many. */
    static List<String> mismatches(Map<String, Integer> expected, Map<String, Integer> seen) {
        List<String> mismatches = new ArrayList<>();
        expected.forEach((type, count) -> {
            int got = seen.getOrDefault(type, 0);
            if (got != count) {
                mismatches.add(shortType(type) + ": expected " + count + ", seen " + got
                        + (got < count ? " (" + (count - got) + " missing)" : " (" + (got - count) + " too many)"));
            }
        });
        return mismatches;
    }

    private static boolean atLeast(Map<String, Integer> seen, Map<String, Integer> expected) {
        return expected.entrySet().stream().allMatch(e -> seen.getOrDefault(e.getKey(), 0) >= e.getValue());
    }

    private static <T> T await(String what, Duration timeout, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + what + " within " + timeout.toSeconds() + " s");
            }
            pause();
        }
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            throw new IllegalStateException("answer has no " + field + ": " + node);
        }
        return value.asString();
    }

    private static String hours(double hours) {
        return hours == Math.rint(hours) ? String.valueOf((long) hours) : String.valueOf(hours);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
