package org.aula.platform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one counter out of a Prometheus text scrape ({@code /actuator/prometheus}). */
final class PrometheusScrape {

    private PrometheusScrape() {
    }

    /** A metric's value summed over the series that carry {@code label="value"}, and how many series those were. */
    record Sum(double value, int series) {
    }

    /**
     * Sums {@code metric}'s samples whose labels include {@code label="value"} exactly, e.g. every
     * institution's {@code aula_certificates_issued_total} series of one cohort.
     */
    static Sum sum(String scrape, String metric, String label, String value) {
        Pattern wanted = Pattern.compile("(?:^|,)\\s*" + Pattern.quote(label) + "=\"((?:[^\"\\\\]|\\\\.)*)\"");
        double total = 0;
        int series = 0;
        for (String line : scrape.split("\n")) {
            if (!line.startsWith(metric + "{")) {
                continue;
            }
            int close = line.lastIndexOf('}');
            if (close < 0) {
                continue;
            }
            Matcher labels = wanted.matcher(line.substring(metric.length() + 1, close));
            if (!labels.find() || !labels.group(1).equals(value)) {
                continue;
            }
            String[] sample = line.substring(close + 1).trim().split("\\s+");
            total += Double.parseDouble(sample[0]);
            series++;
        }
        return new Sum(total, series);
    }
}
