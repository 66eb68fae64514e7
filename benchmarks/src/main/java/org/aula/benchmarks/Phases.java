package org.aula.benchmarks;

import java.time.Duration;

/** The phases every pipeline runs through: warm-up, burst with concurrent writers, paced stream. */
final class Phases {

    private final Settings settings;
    private final Infrastructure infrastructure;

    Phases(Settings settings, Infrastructure infrastructure) {
        this.settings = settings;
        this.infrastructure = infrastructure;
    }

    /** Long enough for a slow peer to drain a burst: a minute plus 10 ms an event. */
    static Duration drainTimeout(int events) {
        return Duration.ofSeconds(60).plusMillis(10L * events);
    }

    void warmUp(EventPipeline pipeline) {
        Figures.Burst warmUp = burst(pipeline, "warmup", settings.warmUpEvents());
        Benchmarks.progress("  %s warm-up, %d events: %s", pipeline.name(), settings.warmUpEvents(), warmUp);
    }

    /** {@code events} by {@code writers} concurrent writers; drain timed from the first write to the last arrival. */
    Figures.Burst burst(EventPipeline pipeline, String phase, int events) {
        EventPlan plan = new EventPlan(pipeline.name() + "-" + phase, events, settings.keys(), settings.payloadBytes());
        long[] commits = new long[events];
        try (Receiver receiver = new Receiver(infrastructure.bootstrapServers(), pipeline.topic(), plan)) {
            long start = System.nanoTime();
            long writing = Workload.burst(events, settings.keys(), settings.writers(), i -> pipeline.write(plan, i, commits));
            boolean complete = receiver.awaitAll(drainTimeout(events));
            long end = complete ? receiver.lastNanos() : System.nanoTime();
            return new Figures.Burst(events, writing / 1e9, (end - start) / 1e9, receiver.distinct(),
                    receiver.duplicates(), receiver.reorders(), Latencies.between(commits, receiver.receivedNanos()));
        }
    }

    /** {@code rate} events/s for {@code seconds}; latency from each commit to its arrival. */
    Figures.Paced paced(EventPipeline pipeline) {
        int events = settings.pacedEvents();
        EventPlan plan = new EventPlan(pipeline.name() + "-paced", events, settings.keys(), settings.payloadBytes());
        long[] commits = new long[events];
        try (Receiver receiver = new Receiver(infrastructure.bootstrapServers(), pipeline.topic(), plan)) {
            long writing = Workload.paced(events, settings.rate(), settings.writers(), i -> pipeline.write(plan, i, commits));
            receiver.awaitAll(drainTimeout(events));
            return new Figures.Paced(events, settings.rate(), writing / 1e9, receiver.distinct(), receiver.duplicates(),
                    receiver.reorders(), Latencies.between(commits, receiver.receivedNanos()));
        }
    }
}
