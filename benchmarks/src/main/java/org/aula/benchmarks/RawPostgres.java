package org.aula.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.aula.events.EventCatalog;
import org.aula.events.runtime.OutboxRelay;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The PostgreSQL floor: the transaction one event costs, with plain JDBC and no framework: one insert of the
 * event (~1 KiB JSON) into a table created by Aula's own messaging migrations (the outbox and its indexes),
 * committed durably, by concurrent writers.
 */
final class RawPostgres {

    private static final String[] MIGRATIONS = {
        "db/aula-messaging/V1__outbox_and_inbox.sql", "db/aula-messaging/V2__parked_rows_and_inbox_pruning.sql",
        "db/aula-messaging/V3__outbox_traceparent.sql"};

    private final Settings settings;
    private final Infrastructure infrastructure;

    RawPostgres(Settings settings, Infrastructure infrastructure) {
        this.settings = settings;
        this.infrastructure = infrastructure;
    }

    /**
     * The floors PostgreSQL sets: {@code transactionsPerSecond}, one-event transactions of concurrent writers;
     * {@code drainPerSecond}, the relay's own database work without Kafka (its select of a batch of 500 unpublished
     * rows, every column read, then the update that marks them, one durable transaction per batch, one thread, over
     * the rows the writers left); {@code lockRaceSeconds}, {@link SeatRace}'s shape without HTTP or Spring: as many
     * transactions as nominations, from as many threads as clients, each taking one row's lock ({@code for update}),
     * inserting a row, updating the locked one and committing durably, so they serialize as a cohort's nominations do.
     */
    record Floors(double transactionsPerSecond, double drainPerSecond, double lockRaceSeconds, int lockRaceTransactions,
            int lockRaceThreads) {
    }

    /** Transactions per second of {@code settings.writers()} concurrent writers, then the drain and lock floors. */
    Floors run() {
        try (HikariDataSource dataSource = Benchmarks.dataSource(infrastructure, "bench_raw")) {
            migrate(dataSource);
            double warmUp = transactions(dataSource, "warmup", settings.warmUpEvents());
            Benchmarks.progress("  postgres warm-up, %d transactions: %.0f tx/s", settings.warmUpEvents(), warmUp);
            double perSecond = transactions(dataSource, "burst", settings.events());
            Benchmarks.progress("  postgres, %d transactions by %d writers: %.0f tx/s", settings.events(),
                    settings.writers(), perSecond);
            int rows = settings.warmUpEvents() + settings.events();
            double drain = drain(dataSource, rows);
            Benchmarks.progress("  postgres select-and-mark drain of %d outbox rows, batches of %d, no Kafka: %.0f rows/s",
                    rows, DRAIN_BATCH, drain);
            int nominations = settings.seatRaceNominations();
            int threads = settings.seatRaceClients();
            lockRace(dataSource, "warmup", Math.max(100, nominations / 5), threads);
            double seconds = lockRace(dataSource, "race", nominations, threads);
            Benchmarks.progress("  postgres lock race, %d transactions on one row's lock by %d threads: %.2f s (%.0f tx/s)",
                    nominations, threads, seconds, nominations / seconds);
            return new Floors(perSecond, drain, seconds, nominations, threads);
        }
    }

    /** The relay's batch size (its default). */
    static final int DRAIN_BATCH = 500;

    /** Rows per second of the relay's select-and-mark rounds over {@code rows} unpublished rows, one thread. */
    private static double drain(HikariDataSource dataSource, int rows) {
        long start = System.nanoTime();
        int marked = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            while (true) {
                List<Long> seqs = new ArrayList<>(DRAIN_BATCH);
                // The relay's own query: the floor of the very work the relay does.
                try (PreparedStatement select = connection.prepareStatement(OutboxRelay.NEXT_BATCH)) {
                    select.setInt(1, DRAIN_BATCH);
                    try (ResultSet result = select.executeQuery()) {
                        while (result.next()) {
                            // Every column read, as the relay reads them to build its records.
                            seqs.add(result.getLong("seq"));
                            result.getObject("id", UUID.class);
                            result.getString("aggregate_id");
                            result.getString("type");
                            result.getString("topic");
                            result.getString("subject");
                            result.getString("payload");
                            result.getTimestamp("created_at");
                            result.getString("traceparent");
                        }
                    }
                }
                if (seqs.isEmpty()) {
                    connection.commit();
                    break;
                }
                try (PreparedStatement mark = connection.prepareStatement(
                        "update aula_messaging.outbox set published_at = now() where seq = any (?)")) {
                    mark.setArray(1, connection.createArrayOf("bigint", seqs.toArray()));
                    mark.executeUpdate();
                }
                connection.commit();
                marked += seqs.size();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the select-and-mark floor failed", e);
        }
        if (marked != rows) {
            throw new IllegalStateException("the select-and-mark floor marked " + marked + " rows of " + rows);
        }
        return marked / ((System.nanoTime() - start) / 1e9);
    }

    /** Seconds for {@code count} transactions serialized on one row's lock, from {@code threads} threads. */
    private static double lockRace(HikariDataSource dataSource, String phase, int count, int threads) {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("create table if not exists bench_lock_race (id text primary key, taken int not null)");
            sql.execute("create table if not exists bench_lock_race_entry (race text, n int, at timestamptz, primary key (race, n))");
            sql.execute("insert into bench_lock_race values ('" + phase + "', 0) on conflict do nothing");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    connection.setAutoCommit(false);
                    while (next.getAndIncrement() < count) {
                        try (PreparedStatement lock = connection.prepareStatement(
                                "select taken from bench_lock_race where id = ? for update");
                                PreparedStatement insert = connection.prepareStatement(
                                        "insert into bench_lock_race_entry values (?, ?, now())");
                                PreparedStatement update = connection.prepareStatement(
                                        "update bench_lock_race set taken = taken + 1 where id = ?")) {
                            lock.setString(1, phase);
                            int taken;
                            try (ResultSet result = lock.executeQuery()) {
                                result.next();
                                taken = result.getInt(1);
                            }
                            insert.setString(1, phase);
                            insert.setInt(2, taken);
                            insert.executeUpdate();
                            update.setString(1, phase);
                            update.executeUpdate();
                        }
                        connection.commit();
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> future : done) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the lock race floor failed", e.getCause());
        } finally {
            pool.shutdown();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private double transactions(HikariDataSource dataSource, String phase, int count) {
        EventPlan plan = new EventPlan("postgres-" + phase, count, settings.keys(), settings.payloadBytes());
        EventCatalog entry = EventCatalog.COHORT_FILLED;
        long elapsed = Workload.burst(count, settings.keys(), settings.writers(), i -> {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (PreparedStatement insert = connection.prepareStatement("""
                        insert into aula_messaging.outbox (id, aggregate_type, aggregate_id, type, topic, subject, payload, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, "cohort");
                    insert.setString(3, plan.key(i));
                    insert.setString(4, entry.type());
                    insert.setString(5, entry.topic());
                    insert.setString(6, plan.key(i));
                    insert.setString(7, plan.json(i));
                    insert.setTimestamp(8, Timestamp.from(Instant.now()));
                    insert.executeUpdate();
                }
                connection.commit();
            }
        });
        return count / (elapsed / 1e9);
    }

    /** Creates Aula's messaging tables (outbox, inbox) with its own migrations. */
    static void migrate(HikariDataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("create schema if not exists aula_messaging");
            sql.execute("set search_path to aula_messaging");
            for (String migration : MIGRATIONS) {
                sql.execute(resource(migration));
            }
            sql.execute("reset search_path");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the outbox table for the PostgreSQL floor", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = RawPostgres.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + name + " (event-runtime) on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
