package org.aula.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.aula.events.EventCatalog;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The PostgreSQL floor: the transaction one event costs, with plain JDBC and no framework: one insert of the
 * event (~1 KiB JSON) into a table created by Aula's own messaging migrations (the outbox and its indexes),
 * committed durably, by concurrent writers.
 */
final class RawPostgres {

    private static final String[] MIGRATIONS = {
        "db/aula-messaging/V1__outbox_and_inbox.sql", "db/aula-messaging/V2__parked_rows_and_inbox_pruning.sql"};

    private final Settings settings;
    private final Infrastructure infrastructure;

    RawPostgres(Settings settings, Infrastructure infrastructure) {
        this.settings = settings;
        this.infrastructure = infrastructure;
    }

    /** Transactions per second of {@code settings.writers()} concurrent writers. */
    double run() {
        try (HikariDataSource dataSource = Benchmarks.dataSource(infrastructure, "bench_raw")) {
            migrate(dataSource);
            double warmUp = transactions(dataSource, "warmup", settings.warmUpEvents());
            Benchmarks.progress("  postgres warm-up, %d transactions: %.0f tx/s", settings.warmUpEvents(), warmUp);
            double perSecond = transactions(dataSource, "burst", settings.events());
            Benchmarks.progress("  postgres, %d transactions by %d writers: %.0f tx/s", settings.events(),
                    settings.writers(), perSecond);
            return perSecond;
        }
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
