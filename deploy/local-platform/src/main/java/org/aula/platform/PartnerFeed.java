package org.aula.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.aula.events.EventCatalog;
import org.aula.events.Topics;
import org.jspecify.annotations.Nullable;

/**
 * The topics as a partner's consumer reads them: attached before the story, from the beginning,
 * and at the end the events this run caused, counted against those the story should cause, none
 * missing and none too many.
 */
final class PartnerFeed implements AutoCloseable {

    /** How long, from the start of the run, every expected event may take to appear. */
    static final Duration EVENT_TIMEOUT = Duration.ofSeconds(120);
    static final List<String> TOPICS = List.of(Topics.ENROLLMENT, Topics.SESSION, Topics.CERTIFICATION);

    private final PlatformCalls platform;
    private final Cohorts cohorts;
    private final long begin;
    private @Nullable EventTally tally;
    private Map<String, Integer> seen = Map.of();

    /** A feed for the run that began at {@code begin} ({@link System#nanoTime()}). */
    PartnerFeed(PlatformCalls platform, Cohorts cohorts, long begin) {
        this.platform = platform;
        this.cohorts = cohorts;
        this.begin = begin;
    }

    /** The events one replay causes, by catalog type. */
    static Map<String, Integer> expectedEvents() {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put(EventCatalog.COHORT_SCHEDULED.type(), 3);
        expected.put(EventCatalog.PARTICIPANT_ENROLLED.type(), SeedStory.SEATS);
        expected.put(EventCatalog.PARTICIPANT_WAITLISTED.type(), SeedStory.nominees().size() - SeedStory.SEATS);
        expected.put(EventCatalog.COHORT_FILLED.type(), 1);
        expected.put(EventCatalog.COURSE_COMPLETED.type(), Completions.completers());
        expected.put(EventCatalog.CERTIFICATE_ISSUED.type(), Completions.completers());
        return expected;
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

    /** Short form of a type for people: {@code org.aula.enrollment.cohort.filled.v1} -> {@code cohort.filled}. */
    static String shortType(String type) {
        String[] parts = type.split("\\.");
        if (parts.length < 5 || !parts[0].equals("org") || !parts[1].equals("aula")) {
            return type;
        }
        return String.join(".", List.of(parts).subList(3, parts.length - 1));
    }

    String attach() {
        tally = new EventTally(platform.kafkaBootstrapServers, TOPICS);
        return "reading " + TOPICS.size() + " topics";
    }

    /** Counts this run's events; after a completed story, waits for all of them first and fails on any difference. */
    String count(boolean storyCompleted) {
        EventTally tally = this.tally;
        if (tally == null) {
            throw new IllegalStateException("no consumer attached");
        }
        Set<String> ours = Set.copyOf(cohorts.ids());
        Predicate<String> thisRun = ours::contains;
        Map<String, Integer> expected = expectedEvents();
        long waiting = System.nanoTime();
        if (storyCompleted) {
            long deadline = begin + EVENT_TIMEOUT.toNanos();
            while (!atLeast(tally.countsFor(thisRun), expected) && System.nanoTime() < deadline) {
                PlatformCalls.pause();
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

    /** This run's events by type, as counted; empty until counted. */
    Map<String, Integer> seen() {
        return seen;
    }

    @Override
    public void close() {
        if (tally != null) {
            tally.close();
        }
    }

    private static boolean atLeast(Map<String, Integer> seen, Map<String, Integer> expected) {
        return expected.entrySet().stream().allMatch(e -> seen.getOrDefault(e.getKey(), 0) >= e.getValue());
    }
}
