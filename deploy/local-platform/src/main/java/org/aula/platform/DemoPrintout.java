package org.aula.platform;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The demo's closing summary: the events of this run, the May cohort's figures and certificates, the timings, the verdict. */
final class DemoPrintout {

    private final PrintStream out;

    DemoPrintout(PrintStream out) {
        this.out = out;
    }

    void print(DemoReport report) {
        out.println();
        out.println("Events of this run (cohorts " + String.join(", ", report.cohortCodes()) + ") on the topics:");
        out.printf(Locale.ROOT, "  %-26s %9s %6s%n", "event type", "expected", "seen");
        Map<String, Integer> others = new TreeMap<>(report.seenEvents());
        report.expectedEvents().forEach((type, count) -> {
            int got = report.seenEvents().getOrDefault(type, 0);
            others.remove(type);
            out.printf(Locale.ROOT, "  %-26s %9d %6d   %s%n", PartnerFeed.shortType(type), count, got, got == count ? "ok" : "MISMATCH");
        });
        others.forEach((type, count) -> out.printf(Locale.ROOT, "  %-26s %9s %6d   (not checked)%n", PartnerFeed.shortType(type), "-", count));
        out.println();
        DemoReport.Metrics figures = report.metrics();
        if (figures != null) {
            int completers = Completions.completers();
            double rate = Figures.expectedCompletionRate();
            out.println("Completion metrics of " + figures.cohortCode() + " (certification-service):");
            out.printf(Locale.ROOT, "  %-58s %8s %8s%n", "", "expected", "seen");
            metricLine("GET /metrics/completions  totals.decided", SeedStory.SEATS, figures.decided());
            metricLine("                          totals.completed", completers, figures.completed());
            metricLine("                          totals.notCompleted", SeedStory.SEATS - completers, figures.notCompleted());
            out.printf(Locale.ROOT, "  %-58s %8s %8s   %s%n", "                          totals.completionRate",
                    rate, figures.completionRate(),
                    figures.completionRate() != null && Math.abs(figures.completionRate() - rate) < 1e-9 ? "ok" : "MISMATCH");
            metricLine("                          totals.certificatesIssued", completers, figures.certificatesIssued());
            out.printf(Locale.ROOT, "  %-58s %8d %8s   %s%n", "GET /actuator/prometheus  " + Figures.CERTIFICATES_ISSUED, completers,
                    PlatformCalls.number(figures.scrapedCertificatesIssued()),
                    figures.scrapedCertificatesIssued() == completers ? "ok (sum of " + figures.scrapedSeries() + " series)" : "MISMATCH");
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

    private void metricLine(String what, long expected, long seen) {
        out.printf(Locale.ROOT, "  %-58s %8d %8d   %s%n", what, expected, seen, expected == seen ? "ok" : "MISMATCH");
    }
}
