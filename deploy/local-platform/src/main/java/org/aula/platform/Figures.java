package org.aula.platform;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Chapter six, issue 5's must-show: after the story, certification-service's figures for the May
 * cohort (coordinator) and its Prometheus counter (operations) show 25 decided, 23 completed, 2 not,
 * rate 0.92, 23 certificates. Both are fed asynchronously (course decisions and certificates arrive
 * as events), so this waits until the counts reach the expected ones, then compares exactly.
 */
final class Figures {

    /** The Prometheus name of certification-service's {@code aula.certificates.issued} counter. */
    static final String CERTIFICATES_ISSUED = "aula_certificates_issued_total";

    private final PlatformCalls platform;
    private final Cohorts cohorts;
    private DemoReport.@Nullable Metrics metrics;

    Figures(PlatformCalls platform, Cohorts cohorts) {
        this.platform = platform;
        this.cohorts = cohorts;
    }

    /** The May cohort's completion rate the story leads to: 23 of 25. */
    static double expectedCompletionRate() {
        return (double) Completions.completers() / SeedStory.SEATS;
    }

    /** One line per figure that differs from what the story leads to. */
    static List<String> mismatches(DemoReport.Metrics metrics) {
        List<String> wrong = new ArrayList<>();
        int certified = Completions.completers();
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
                    + ", seen " + PlatformCalls.number(metrics.scrapedCertificatesIssued()));
        }
        return wrong;
    }

    String read() {
        String may = cohorts.mayCode();
        int certified = Completions.completers();
        URI figures = platform.certification("/metrics/completions?cohort=" + JsonHttp.query(may));
        JsonNode totals = PlatformCalls.await(SeedStory.SEATS + " decisions and " + certified + " certificates in " + figures,
                PlatformCalls.STEP_TIMEOUT, () -> {
                    JsonNode answer = platform.coordinator.get(figures).path("totals");
                    return answer.path("decided").asLong() >= SeedStory.SEATS && answer.path("certificatesIssued").asLong() >= certified
                            ? Optional.of(answer) : Optional.empty();
                });
        URI prometheus = platform.certification("/actuator/prometheus");
        PrometheusScrape.Sum scraped = PlatformCalls.await(
                certified + " in aula_certificates_issued_total{cohort=\"" + may + "\"} at " + prometheus, PlatformCalls.STEP_TIMEOUT,
                () -> {
                    PrometheusScrape.Sum sum = PrometheusScrape.sum(platform.operations.text(prometheus), CERTIFICATES_ISSUED, "cohort", may);
                    return sum.value() >= certified ? Optional.of(sum) : Optional.empty();
                });
        JsonNode rate = totals.path("completionRate");
        DemoReport.Metrics read = new DemoReport.Metrics(may, totals.path("decided").asLong(), totals.path("completed").asLong(),
                totals.path("notCompleted").asLong(), rate.isNumber() ? rate.asDouble() : null,
                totals.path("certificatesIssued").asLong(), scraped.value(), scraped.series());
        metrics = read;
        List<String> wrong = mismatches(read);
        if (!wrong.isEmpty()) {
            throw new IllegalStateException(String.join("; ", wrong));
        }
        return String.format(Locale.ROOT, "decided %d, completed %d, not completed %d, rate %s, certificates issued %d;"
                        + " Prometheus %s{cohort=\"%s\"} %s (%d series, one per institution)",
                read.decided(), read.completed(), read.notCompleted(), read.completionRate(),
                read.certificatesIssued(), CERTIFICATES_ISSUED, may, PlatformCalls.number(read.scrapedCertificatesIssued()),
                read.scrapedSeries());
    }

    /** What {@link #read} saw; null until it read both. */
    DemoReport.@Nullable Metrics metrics() {
        return metrics;
    }
}
