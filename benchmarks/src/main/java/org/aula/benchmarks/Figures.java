package org.aula.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/** The measured figures of the phases, in the shapes the JSON and the report use. */
final class Figures {

    private Figures() {
    }

    static double round(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        return Math.round(value * 100.0) / 100.0;
    }

    /**
     * A burst: {@code events} written by concurrent writers as fast as they go, drained to a consumer.
     *
     * @param writerSeconds from the first write until the last writer's last commit
     * @param drainSeconds  from the first write (or the relay's start, for a pre-filled outbox) until the last
     *                      event arrived at the consumer
     * @param latency       commit (after-commit hook) to first arrival at the consumer, of every event
     */
    record Burst(int events, double writerSeconds, double drainSeconds, int received, int duplicates, int reorders,
            Latencies latency) {

        double writersPerSecond() {
            return events / writerSeconds;
        }

        double drainPerSecond() {
            return received / drainSeconds;
        }

        boolean complete() {
            return received == events;
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("events", events);
            map.put("writers_seconds", round(writerSeconds));
            map.put("writers_events_per_second", round(writersPerSecond()));
            map.put("drain_seconds", round(drainSeconds));
            map.put("drain_events_per_second", round(drainPerSecond()));
            map.put("received", received);
            map.put("complete", complete());
            map.put("duplicates", duplicates);
            map.put("per_key_order_violations", reorders);
            map.put("commit_to_consume", latency.toMap());
            return map;
        }

        @Override
        public String toString() {
            return String.format("writers %.0f ev/s, drain %.0f ev/s, %d/%d received, %d duplicates, %d per-key "
                    + "order violations; commit->consume %s", writersPerSecond(), drainPerSecond(), received, events,
                    duplicates, reorders, latency);
        }
    }

    /** A paced stream at {@code rate} events/s; latency from commit (or send) to first arrival. */
    record Paced(int events, int rate, double seconds, int received, int duplicates, int reorders, Latencies latency) {

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("events", events);
            map.put("rate_per_second", rate);
            map.put("achieved_per_second", round(events / seconds));
            map.put("received", received);
            map.put("duplicates", duplicates);
            map.put("per_key_order_violations", reorders);
            map.put("latency", latency.toMap());
            return map;
        }

        @Override
        public String toString() {
            return String.format("%d/%d received at %.0f/s, %d per-key order violations; %s", received, events,
                    events / seconds, reorders, latency);
        }
    }
}
