package org.aula.benchmarks;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Percentiles of measured latencies: every sample kept and sorted, no bucketing. */
record Latencies(int samples, double p50Millis, double p90Millis, double p99Millis, double maxMillis) {

    /** From the start and end instants ({@link System#nanoTime()}) of each event; 0 means not seen, skipped. */
    static Latencies between(long[] startNanos, long[] endNanos) {
        long[] values = new long[startNanos.length];
        int n = 0;
        for (int i = 0; i < startNanos.length; i++) {
            if (startNanos[i] != 0 && endNanos[i] != 0) {
                values[n++] = endNanos[i] - startNanos[i];
            }
        }
        long[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return new Latencies(n, percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                n == 0 ? Double.NaN : sorted[n - 1] / 1e6);
    }

    /** From durations in nanoseconds. */
    static Latencies of(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return new Latencies(n, percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                n == 0 ? Double.NaN : sorted[n - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        // Nearest rank: the smallest value with at least p% of the samples at or below it.
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("samples", samples);
        map.put("p50_ms", Figures.round(p50Millis));
        map.put("p90_ms", Figures.round(p90Millis));
        map.put("p99_ms", Figures.round(p99Millis));
        map.put("max_ms", Figures.round(maxMillis));
        return map;
    }

    @Override
    public String toString() {
        return String.format("p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (%d samples)", p50Millis, p90Millis,
                p99Millis, maxMillis, samples);
    }
}
