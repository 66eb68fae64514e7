package org.aula.platform;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What one replay of the seed story did and saw.
 *
 * @param succeeded          every step worked and every expected event arrived, none too many
 * @param cohortCodes        the codes this run scheduled (May first), suffixed when a previous run took the plain ones
 * @param cohortIds          their ids, same order
 * @param enrolled           nominations that got a seat
 * @param waitlisted         nominations put on the waitlist
 * @param completed          completion decisions COMPLETED
 * @param notCompleted       completion decisions NOT_COMPLETED
 * @param certificates       the May cohort's certificates as certification-service serves them
 * @param verificationStatus what {@code /certificates/{number}/verification} said of the verified one
 * @param expectedEvents     short event type (e.g. {@code cohort.filled}) to how many this run should cause
 * @param seenEvents         short event type to how many distinct events of this run were seen on the topics
 * @param problems           what went wrong; empty when {@code succeeded}
 * @param steps              each step with its duration
 * @param total              end to end
 */
public record DemoReport(
        boolean succeeded,
        List<String> cohortCodes,
        List<String> cohortIds,
        int enrolled,
        int waitlisted,
        int completed,
        int notCompleted,
        List<Certificate> certificates,
        @Nullable String verificationStatus,
        Map<String, Integer> expectedEvents,
        Map<String, Integer> seenEvents,
        List<String> problems,
        List<Step> steps,
        Duration total) {

    /** A certificate as listed by certification-service. */
    public record Certificate(@Nullable String number, @Nullable String holderName, @Nullable String participantId,
            @Nullable String verificationUrl) {
    }

    /** One step of the story and how long it took. */
    public record Step(String name, Duration took, String outcome) {
    }
}
