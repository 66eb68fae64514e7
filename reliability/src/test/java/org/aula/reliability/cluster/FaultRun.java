package org.aula.reliability.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.aula.events.CohortFilled;
import org.aula.events.Topics;
import org.aula.reliability.cluster.FillsApplication.Fill;
import org.aula.reliability.cluster.FillsApplication.FillingCohort;
import org.aula.testsupport.TestInfrastructure;
import org.aula.testsupport.reliability.FaultLedger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One cluster fault scenario's world: its own three-broker cluster, its own database on the shared
 * PostgreSQL, the fills service, a plain consumer reading the topic, and the ledgers comparing what
 * was acknowledged with what was observed. Closing it stops all of them, whatever state they are in.
 */
final class FaultRun implements AutoCloseable {

    static final String TOPIC = Topics.ENROLLMENT;
    static final String DEAD_LETTER_TOPIC = Topics.deadLetterOf(Topics.ENROLLMENT);

    /** Acknowledged writes against the listener's effects (rows written through the inbox). */
    final FaultLedger effects = new FaultLedger();
    /** Acknowledged writes against the records on the topic (a plain consumer; repeats there are resends, not effects). */
    final FaultLedger records = new FaultLedger();

    private final Set<String> acknowledgedIds = ConcurrentHashMap.newKeySet();
    private final String name;
    private final long startedAt = System.nanoTime();
    private KafkaCluster cluster;
    private ConfigurableApplicationContext app;
    private TopicReader reader;

    private FaultRun(String name) {
        this.name = name;
    }

    /** "fast" in ./mvnw verify, "long" with -Preliability. */
    static String form() {
        return System.getProperty("aula.reliability.form", "fast");
    }

    static boolean longForm() {
        return "long".equals(form());
    }

    static FaultRun start(String name) throws Exception {
        FaultRun run = new FaultRun(name);
        try {
            run.cluster = KafkaCluster.start();
            run.cluster.createTopics(TOPIC, DEAD_LETTER_TOPIC);
            run.progress("cluster up: brokers " + run.cluster.brokerIds() + " at " + run.cluster.bootstrapServers());
            TestInfrastructure postgres = TestInfrastructure.shared();
            String database = "reliability_" + name + "_" + UUID.randomUUID().toString().substring(0, 8);
            run.app = FillsApplication.start(run.cluster.bootstrapServers(), postgres.jdbcUrl(database),
                    postgres.username(), postgres.password());
            run.reader = new TopicReader(run.cluster.bootstrapServers(), run.records);
            run.progress("service up on database " + database);
            return run;
        } catch (Exception | Error e) {
            run.close();
            throw e;
        }
    }

    /** Keeps the fault in place until {@code duration} after it began (a fault's length, not a wait for a result). */
    static void holdFault(long beganNanos, Duration duration) throws InterruptedException {
        long remaining = beganNanos + duration.toNanos() - System.nanoTime();
        if (remaining > 0) {
            TimeUnit.NANOSECONDS.sleep(remaining);
        }
    }

    KafkaCluster cluster() {
        return cluster;
    }

    /** Writers of fills over {@code keys} cohorts; each cohort has one writer thread. */
    Load load(int keys, int writers) {
        return new Load(this, keys, writers);
    }

    void acknowledged(Fill fill) {
        acknowledgedIds.add(fill.id());
        effects.acknowledged(fill.id(), fill.cohortId());
        records.acknowledged(fill.id(), fill.cohortId());
    }

    long published() {
        return jdbc().sql("select count(*) from aula_messaging.outbox where published_at is not null").query(Long.class).single();
    }

    long unpublished() {
        return jdbc().sql("select count(*) from aula_messaging.outbox where published_at is null").query(Long.class).single();
    }

    /** Starts measuring the longest time the relay marks nothing published (sampled every 50 ms). */
    RelayWatch watchRelay() {
        return new RelayWatch(this);
    }

    /** Waits until, for every cohort, the listener applied at least the fills in {@code lastFills}; returns how long that took. */
    long awaitEffects(Map<String, Integer> lastFills, Duration timeout) {
        long from = System.nanoTime();
        await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> appliedUpTo(lastFills));
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - from);
    }

    private boolean appliedUpTo(Map<String, Integer> lastFills) {
        Map<String, Integer> applied = new HashMap<>();
        jdbc().sql("select cohort_id, max(fill_number) as last from observed_fill group by cohort_id")
                .query(rs -> {
                    applied.put(rs.getString("cohort_id"), rs.getInt("last"));
                });
        return lastFills.entrySet().stream().allMatch(last -> applied.getOrDefault(last.getKey(), 0) >= last.getValue());
    }

    /**
     * Reads the effects into the ledger, gives the topic reader a moment to catch up with the end
     * of the topic, and returns the comparison.
     */
    Outcome outcome() {
        jdbc().sql("select cohort_id, fill_number from observed_fill order by seq")
                .query(rs -> {
                    String cohort = rs.getString("cohort_id");
                    effects.observed(cohort + "/" + rs.getInt("fill_number"), cohort);
                });
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> records.lost().isEmpty());
        if (records.orderViolations() > 0) {
            String cohort = firstReorderedCohort();
            progress("topic out of order, e.g. cohort " + cohort + ": " + reader.sightingsOf(cohort));
        }
        double deadLetterMeter = meters().find("aula.messaging.dead.letters").counters().stream().mapToDouble(Counter::count).sum();
        return new Outcome(effects.acknowledgedCount(), effects.lost().size(), effects.duplicates(),
                effects.orderViolations(), records.orderViolations(), effects.unacknowledgedEffects(),
                Math.max(reader.deadLetters(), (long) deadLetterMeter), records.observedCount() - records.acknowledgedCount(),
                missingFromTopic());
    }

    /**
     * Acknowledged fills that a new subscriber reading the topic from its beginning would not find
     * (the reader above may have read a record that a broker later lost).
     */
    private int missingFromTopic() {
        Set<String> onTopic = new java.util.HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<org.apache.kafka.common.TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(info -> new org.apache.kafka.common.TopicPartition(TOPIC, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    CohortFilled fill = TopicReader.JSON.readValue(record.value(), CohortFilled.class);
                    onTopic.add(fill.cohortId() + "/" + fill.fillNumber());
                }
                return partitions.stream().allMatch(partition -> consumer.position(partition) >= end.get(partition));
            });
        }
        return (int) acknowledgedIds.stream().filter(id -> !onTopic.contains(id)).count();
    }

    /** The first cohort whose fills appear on the topic out of order (first sightings). */
    private String firstReorderedCohort() {
        Map<String, Integer> last = new HashMap<>();
        for (String cohortAndFill : reader.firstSightings()) {
            String[] parts = cohortAndFill.split(" ");
            int fill = Integer.parseInt(parts[1]);
            if (fill < last.getOrDefault(parts[0], 0)) {
                return parts[0];
            }
            last.merge(parts[0], fill, Math::max);
        }
        return "none";
    }

    JdbcClient jdbc() {
        return app.getBean(JdbcClient.class);
    }

    FillingCohort useCase() {
        return app.getBean(FillingCohort.class);
    }

    private MeterRegistry meters() {
        return app.getBean(MeterRegistry.class);
    }

    void progress(String message) {
        System.out.printf(Locale.ROOT, "[%s %7.1f s] %s%n", name, (System.nanoTime() - startedAt) / 1e9, message);
    }

    @Override
    public void close() throws Exception {
        try {
            if (reader != null) {
                reader.close();
            }
        } finally {
            try {
                if (app != null) {
                    app.close();
                }
            } finally {
                if (cluster != null) {
                    cluster.close();
                    progress("cluster stopped");
                }
            }
        }
    }

    /** What a scenario observed. */
    record Outcome(int acknowledged, int lost, int duplicates, int effectOrderViolations, int topicOrderViolations,
            int unacknowledgedEffects, long deadLetters, int repeatedRecords, int missingFromTopic) {

        int orderViolations() {
            return effectOrderViolations + topicOrderViolations;
        }

        void assertClean() {
            assertThat(lost).as("acknowledged fills never applied").isZero();
            assertThat(duplicates).as("fills applied twice").isZero();
            assertThat(effectOrderViolations).as("fills applied out of order per cohort").isZero();
            assertThat(topicOrderViolations).as("fills on the topic out of order per cohort").isZero();
            assertThat(unacknowledgedEffects).as("fills applied that were never acknowledged").isZero();
            assertThat(deadLetters).as("dead letters").isZero();
            assertThat(missingFromTopic).as("acknowledged fills a new subscriber would not find on the topic").isZero();
        }
    }

    /**
     * Writer threads driving the use case; every fill it returns is an acknowledged write. Writes
     * come in phases (e.g. before and during a fault), each a number of writes at a rate.
     */
    static final class Load {

        private final FaultRun run;
        private final String prefix = "c" + UUID.randomUUID().toString().substring(0, 6) + "-";
        private final int keysPerWriter;
        private final int[] written;
        private final List<Thread> threads = new CopyOnWriteArrayList<>();
        private final List<Throwable> failures = new CopyOnWriteArrayList<>();
        private final AtomicInteger acknowledged = new AtomicInteger();
        private final Map<String, Integer> lastFills = new ConcurrentHashMap<>();
        private final AtomicLong longestWriteNanos = new AtomicLong();

        private Load(FaultRun run, int keys, int writers) {
            this.run = run;
            this.keysPerWriter = Math.max(1, keys / writers);
            this.written = new int[writers];
        }

        /** Starts a phase of {@code writes} writes at about {@code perSecond}, once the previous phase is done. */
        Load write(int writes, int perSecond) {
            if (!done()) {
                throw new IllegalStateException("the previous phase is still writing");
            }
            threads.clear();
            int writers = written.length;
            long intervalNanos = TimeUnit.SECONDS.toNanos(1) * writers / perSecond;
            for (int t = 0; t < writers; t++) {
                int writer = t;
                int share = writes / writers + (writer < writes % writers ? 1 : 0);
                Thread thread = new Thread(() -> {
                    long start = System.nanoTime();
                    for (int i = 0; i < share; i++) {
                        // Each cohort belongs to one writer, so acknowledgements per cohort are recorded in commit order.
                        String cohort = prefix + (writer + writers * (written[writer]++ % keysPerWriter));
                        long wait = start + i * intervalNanos - System.nanoTime();
                        if (wait > 0) {
                            // Pacing the load generator, not waiting for a result.
                            LockSupport.parkNanos(wait);
                        }
                        long before = System.nanoTime();
                        try {
                            Fill fill = run.useCase().fill(cohort);
                            run.acknowledged(fill);
                            lastFills.put(fill.cohortId(), fill.fillNumber());
                            acknowledged.incrementAndGet();
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                        longestWriteNanos.accumulateAndGet(System.nanoTime() - before, Math::max);
                    }
                }, "fills-writer-" + t);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
            return this;
        }

        int acknowledged() {
            return acknowledged.get();
        }

        List<Throwable> failures() {
            return failures;
        }

        /** The last acknowledged fill of every cohort so far. */
        Map<String, Integer> lastFills() {
            return Map.copyOf(lastFills);
        }

        long longestWriteMillis() {
            return TimeUnit.NANOSECONDS.toMillis(longestWriteNanos.get());
        }

        boolean done() {
            return threads.stream().noneMatch(Thread::isAlive);
        }

        void awaitDone(Duration timeout) {
            await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(this::done);
        }

        void awaitAcknowledged(int count, Duration timeout) {
            await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> acknowledged.get() >= count || done());
        }
    }

    /** Samples the outbox's published count and keeps the longest interval in which it did not grow. */
    static final class RelayWatch implements AutoCloseable {

        private final Thread thread;
        private volatile boolean running = true;
        private volatile long lastProgress = System.nanoTime();
        private volatile long longestStall;

        private RelayWatch(FaultRun run) {
            thread = new Thread(() -> {
                long published = run.published();
                while (running) {
                    long now = run.published();
                    if (now > published) {
                        published = now;
                        long at = System.nanoTime();
                        longestStall = Math.max(longestStall, at - lastProgress);
                        lastProgress = at;
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
                }
            }, "relay-watch");
            thread.setDaemon(true);
            thread.start();
        }

        long longestStallMillis() {
            return TimeUnit.NANOSECONDS.toMillis(longestStall);
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(2_000);
        }
    }

    /** A plain consumer of the topic and its dead-letter topic, outside the service: what any subscriber sees. */
    static final class TopicReader implements AutoCloseable {

        static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

        private final FaultLedger ledger;
        private final AtomicLong deadLetters = new AtomicLong();
        private final List<String> sightings = new CopyOnWriteArrayList<>();
        private final Thread thread;
        private volatile boolean running = true;

        TopicReader(String bootstrapServers, FaultLedger ledger) {
            this.ledger = ledger;
            KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.GROUP_ID_CONFIG, "reliability-reader-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new ByteArrayDeserializer());
            consumer.subscribe(List.of(TOPIC, DEAD_LETTER_TOPIC));
            thread = new Thread(() -> {
                try (consumer) {
                    while (running) {
                        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                            if (record.topic().equals(DEAD_LETTER_TOPIC)) {
                                deadLetters.incrementAndGet();
                            } else {
                                CohortFilled fill = JSON.readValue(record.value(), CohortFilled.class);
                                ledger.observed(fill.cohortId() + "/" + fill.fillNumber(), fill.cohortId());
                                sightings.add(fill.cohortId() + " " + fill.fillNumber() + " @" + record.partition() + ":" + record.offset());
                            }
                        }
                    }
                }
            }, "topic-reader");
            thread.setDaemon(true);
            thread.start();
        }

        long deadLetters() {
            return deadLetters.get();
        }

        /** "cohort fill" of each record, first sightings only, in the order read. */
        List<String> firstSightings() {
            java.util.Set<String> seen = new java.util.HashSet<>();
            List<String> first = new ArrayList<>();
            for (String line : sightings) {
                String cohortAndFill = line.substring(0, line.indexOf(" @"));
                if (seen.add(cohortAndFill)) {
                    first.add(cohortAndFill);
                }
            }
            return first;
        }

        /** What the topic holds for one cohort, in offset order: "fill @partition:offset". */
        List<String> sightingsOf(String cohort) {
            return sightings.stream().filter(line -> line.startsWith(cohort + " ")).map(line -> line.substring(cohort.length() + 1)).toList();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(5_000);
        }
    }
}
