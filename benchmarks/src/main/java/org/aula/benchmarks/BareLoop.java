package org.aula.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.aula.events.runtime.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The floor of one service hop: a bare consume → one PostgreSQL transaction → produce loop with plain clients and
 * the batching Aula is allowed. One consumer (a listener container's default concurrency of 1, Kafka's default
 * {@code max.poll.records} of 500) decodes each record's CloudEvents envelope and applies it (the effect, a ~1 KiB
 * row, and an inbox row in Aula's own {@code processed_event} table, {@code on conflict do nothing}) in one durable
 * transaction per poll, as Aula's batch listeners do (event-runtime's PollTransactions; issue 11), or, reported
 * beside, one per event, as its record listeners do; then sends the results asynchronously with the relay's
 * producer settings ({@code acks=all}, idempotent, Kafka's default batching); after each poll it flushes the
 * producer and commits the offsets, so that nothing is acknowledged before it is on the broker, as Aula's listeners
 * commit offsets after their transaction.
 *
 * <p>Timed from the loop's start over an input topic pre-filled with the burst until the consumer of the output
 * topic had every event.
 */
final class BareLoop {

    static final String INPUT = "bench.bare.in";
    static final String OUTPUT = "bench.bare.out";
    private static final String CONSUMER = "bench-bare-loop";

    private final Settings settings;
    private final Infrastructure infrastructure;

    BareLoop(Settings settings, Infrastructure infrastructure) {
        this.settings = settings;
        this.infrastructure = infrastructure;
    }

    /**
     * A pass of the loop over {@code events} pre-filled events.
     *
     * @param loopSeconds from the loop's start until its last offset commit (every result acknowledged)
     * @param endSeconds  from the loop's start until the output's consumer had every event
     */
    record Result(boolean transactionPerPoll, int events, double loopSeconds, double endSeconds, int received,
            int duplicates, int reorders) {

        double eventsPerSecond() {
            return received / endSeconds;
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("transaction", transactionPerPoll ? "per poll" : "per event");
            map.put("events", events);
            map.put("loop_seconds", Figures.round(loopSeconds));
            map.put("events_per_second", Figures.round(eventsPerSecond()));
            map.put("received", received);
            map.put("complete", received == events);
            map.put("duplicates", duplicates);
            map.put("per_key_order_violations", reorders);
            return map;
        }

        @Override
        public String toString() {
            return String.format("%.0f events/s, a transaction per %s (%d/%d received, %d duplicates, %d per-key order "
                    + "violations)", eventsPerSecond(), transactionPerPoll ? "poll" : "event", received, events, duplicates,
                    reorders);
        }
    }

    /** The loop with a transaction per poll (the floor of the targets), then with a transaction per event. */
    List<Result> run() {
        try (HikariDataSource dataSource = Benchmarks.dataSource(infrastructure, "bench_bare");
                KafkaProducer<String, byte[]> filler = producer();
                KafkaProducer<String, byte[]> producer = producer();
                KafkaConsumer<String, byte[]> consumer = consumer()) {
            RawPostgres.migrate(dataSource);
            createEffectTable(dataSource);
            List<TopicPartition> partitions = consumer.partitionsFor(INPUT, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(INPUT, info.partition()))
                    .toList();
            consumer.assign(partitions);
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                Result warmUp = pass(connection, filler, producer, consumer, partitions, "warmup", settings.warmUpEvents(),
                        false);
                Benchmarks.progress("  bare loop warm-up, %d events: %s", settings.warmUpEvents(), warmUp);
                List<Result> results = new ArrayList<>();
                for (boolean perPoll : new boolean[] {true, false}) {
                    Result result = pass(connection, filler, producer, consumer, partitions,
                            perPoll ? "poll" : "event", settings.events(), perPoll);
                    Benchmarks.progress("  bare loop, %d events: %s", settings.events(), result);
                    results.add(result);
                }
                return results;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the bare loop's database failed", e);
        }
    }

    private Result pass(Connection connection, KafkaProducer<String, byte[]> filler, KafkaProducer<String, byte[]> producer,
            KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions, String phase, int events,
            boolean transactionPerPoll) throws SQLException {
        EventPlan plan = new EventPlan("bare-" + phase, events, settings.keys(), settings.payloadBytes());
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        fill(filler, plan);
        try (Receiver receiver = new Receiver(infrastructure.bootstrapServers(), OUTPUT, plan);
                PreparedStatement effect = connection.prepareStatement(
                        "insert into bench_effect (event_id, key, payload) values (?, ?, ?)");
                PreparedStatement inbox = connection.prepareStatement("""
                        insert into aula_messaging.processed_event (consumer, event_id, event_type)
                        values (?, ?, ?) on conflict do nothing""")) {
            AtomicReference<Exception> failure = new AtomicReference<>();
            long start = System.nanoTime();
            int processed = 0;
            long deadline = start + Phases.drainTimeout(events).toNanos();
            while (processed < events && System.nanoTime() < deadline) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                for (ConsumerRecord<String, byte[]> record : records) {
                    // Sent only after its transaction commits: at once per event, after the poll's commit per poll.
                    IncomingEvent event = IncomingEvent.from(record);
                    inbox.setString(1, CONSUMER);
                    inbox.setObject(2, event.id());
                    inbox.setString(3, event.type());
                    if (inbox.executeUpdate() == 1) {
                        effect.setObject(1, event.id());
                        effect.setString(2, event.key());
                        effect.setString(3, event.data());
                        effect.executeUpdate();
                    }
                    if (!transactionPerPoll) {
                        connection.commit();
                        send(producer, record, failure);
                    }
                    if (record.key() != null && record.key().startsWith(plan.run())) {
                        processed++;
                    }
                }
                if (transactionPerPoll && !records.isEmpty()) {
                    connection.commit();
                    records.forEach(record -> send(producer, record, failure));
                }
                if (!records.isEmpty()) {
                    producer.flush();
                    consumer.commitSync();
                }
                if (failure.get() != null) {
                    throw new IllegalStateException("a send failed", failure.get());
                }
            }
            long looped = System.nanoTime() - start;
            boolean complete = receiver.awaitAll(Phases.drainTimeout(events));
            long end = complete ? receiver.lastNanos() : System.nanoTime();
            return new Result(transactionPerPoll, events, looped / 1e9, (end - start) / 1e9, receiver.distinct(), receiver.duplicates(),
                    receiver.reorders());
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, ConsumerRecord<String, byte[]> record,
            AtomicReference<Exception> failure) {
        producer.send(new ProducerRecord<>(OUTPUT, null, record.key(), record.value(), record.headers()),
                (metadata, exception) -> {
                    if (exception != null) {
                        failure.compareAndSet(null, exception);
                    }
                });
    }

    /** The input, on the broker before the loop's clock starts. */
    private static void fill(KafkaProducer<String, byte[]> filler, EventPlan plan) {
        CountDownLatch acked = new CountDownLatch(plan.events());
        AtomicReference<Exception> failure = new AtomicReference<>();
        for (int i = 0; i < plan.events(); i++) {
            filler.send(RawKafka.record(INPUT, plan, i), (metadata, exception) -> {
                if (exception != null) {
                    failure.compareAndSet(null, exception);
                }
                acked.countDown();
            });
        }
        RawKafka.await(acked, failure);
    }

    private static void createEffectTable(HikariDataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("create table if not exists bench_effect (event_id uuid primary key, key text not null, "
                    + "payload text not null, created_at timestamptz not null default now())");
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        // The relay's producer: Aula's service defaults, Kafka's defaults otherwise.
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5),
                new StringSerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, CONSUMER + "-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
    }
}
