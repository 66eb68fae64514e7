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

import org.aula.events.EventCatalog;
import org.aula.events.Topics;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Replays the seed story against a running platform over its public interfaces only: REST calls
 * as a coordinator, a facilitator and a verifier would make them, and a Kafka consumer reading the
 * topics as a partner would. Prints each step with its timing and a table of the events this run
 * caused, expected against seen.
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
    private final PrintStream out;
    private final JsonHttp http = new JsonHttp();

    /** A demo against services at these base URLs and a broker at {@code kafkaBootstrapServers}. */
    public SeedStoryDemo(URI enrollment, URI session, URI certification, String kafkaBootstrapServers, PrintStream out) {
        this.enrollment = enrollment;
        this.session = session;
        this.certification = certification;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.out = out;
    }

    /** A demo against a started platform. */
    public static SeedStoryDemo against(AulaLocalPlatform platform, PrintStream out) {
        return new SeedStoryDemo(platform.baseUrl(PlatformService.ENROLLMENT), platform.baseUrl(PlatformService.SESSION),
                platform.baseUrl(PlatformService.CERTIFICATION), platform.kafkaBootstrapServers(), out);
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
        private Map<String, Integer> seen = Map.of();

        DemoReport run() {
            out.println();
            out.println("Replaying the seed story: IOM and Galen University, \"" + SeedStory.COURSE_TITLE + "\", Belize 2019");
            out.println("  enrollment " + enrollment + "   session " + session + "   certification " + certification
                    + "   kafka " + kafkaBootstrapServers);
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
                        && step("Verify Inspector " + SeedStory.PASCASCIO + "'s certificate as a verifier would", this::verify);
                step(story ? "Wait for every expected event on the topics" : "Count the events that did arrive", () -> countEvents(story));
            } finally {
                if (tally != null) {
                    tally.close();
                }
            }
            Duration total = Duration.ofNanos(System.nanoTime() - begin);
            DemoReport report = new DemoReport(problems.isEmpty(), List.copyOf(cohortCodes), List.copyOf(cohortIds),
                    enrolled, waitlisted, completed, notCompleted, List.copyOf(certificates), verificationStatus,
                    expectedEvents(), seen, List.copyOf(problems), List.copyOf(steps), total);
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
            JsonNode found = http.get(URI.create(enrollment + "/cohorts?code=" + JsonHttp.query(code)));
            return found.isArray() ? !found.isEmpty() : found.path("code").asString("").equals(code);
        }

        private String schedule() {
            List<String> done = new ArrayList<>();
            for (SeedStory.Cohort cohort : SeedStory.cohorts(suffix)) {
                JsonNode created = http.post(URI.create(enrollment + "/cohorts"), cohort.schedulingRequest());
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
                JsonNode enrolment = http.post(enrolments, nominee.nominationRequest());
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
                    http.find(roster).filter(r -> r.path("locked").asBoolean(false)
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
                JsonNode decision = http.post(completions,
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
                JsonNode answer = http.get(list);
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
            JsonNode verification = http.get(URI.create(certification + "/certificates/"
                    + JsonHttp.query(pascascio.number()) + "/verification"));
            verificationStatus = verification.path("status").asString(null);
            if (!"VALID".equals(verificationStatus)) {
                throw new IllegalStateException("certificate " + pascascio.number() + " verified as " + verificationStatus);
            }
            return pascascio.number() + " (" + pascascio.holderName() + "): " + verificationStatus;
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
                out.println("DEMO PASSED: the story ran end to end and every expected event arrived, none extra.");
            } else {
                out.println("DEMO FAILED:");
                report.problems().forEach(problem -> out.println("  - " + problem));
            }
        }
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
