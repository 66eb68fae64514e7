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
 * @param metrics            the May cohort's completion figures and Prometheus counter after the story; null if not reached
 * @param partnerViews       what a partner's token read of the May cohort, per service that offers a partner-scoped
 *                           read and checks tokens; empty if not reached or no service does
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
        @Nullable Metrics metrics,
        List<PartnerView> partnerViews,
        Map<String, Integer> expectedEvents,
        Map<String, Integer> seenEvents,
        List<String> problems,
        List<Step> steps,
        Duration total) {

    /** A certificate as listed by certification-service. */
    public record Certificate(@Nullable String number, @Nullable String holderName, @Nullable String participantId,
            @Nullable String verificationUrl) {
    }

    /**
     * The May cohort's figures as certification-service reports them after the story.
     *
     * @param cohortCode                  the cohort the figures are for
     * @param decided                     {@code GET /metrics/completions?cohort=}: totals.decided
     * @param completed                   totals.completed
     * @param notCompleted                totals.notCompleted
     * @param completionRate              totals.completionRate (completed / decided)
     * @param certificatesIssued          totals.certificatesIssued
     * @param scrapedCertificatesIssued   {@code /actuator/prometheus}: {@code aula_certificates_issued_total} of the cohort,
     *                                    summed over its series (one per institution)
     * @param scrapedSeries               how many series that sum covers
     */
    public record Metrics(String cohortCode, long decided, long completed, long notCompleted, @Nullable Double completionRate,
            long certificatesIssued, double scrapedCertificatesIssued, int scrapedSeries) {
    }

    /**
     * What a partner's token read of the May cohort from one service, and the refusal of another
     * institution's data.
     *
     * @param service        e.g. {@code enrollment-service}
     * @param read           the request, e.g. {@code GET /cohorts/{id}/enrolments}
     * @param institution    the partner's institution (its token's {@code institution} claim)
     * @param linesSeen      lines (enrolments, certificates) the answer held
     * @param othersSeen     of those, lines of another institution's officials (should be 0)
     * @param refusedRequest the request for another institution's data
     * @param refusedStatus  its HTTP status (should be 403)
     */
    public record PartnerView(String service, String read, String institution, int linesSeen, int othersSeen,
            String refusedRequest, int refusedStatus) {
    }

    /** One step of the story and how long it took. */
    public record Step(String name, Duration took, String outcome) {
    }
}
