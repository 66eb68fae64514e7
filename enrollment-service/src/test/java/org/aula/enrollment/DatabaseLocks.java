package org.aula.enrollment;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.zaxxer.hikari.HikariDataSource;

/**
 * What lock-order tests need from PostgreSQL: a cohort's row held by the test (on a connection of its own, outside
 * the service's pool), how many of the database's sessions wait for a lock, and PostgreSQL's own count of deadlocks.
 */
final class DatabaseLocks {

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    DatabaseLocks(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** A connection of the test's own, outside the service's pool. */
    Connection ownConnection() throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        return DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
    }

    /** Locks the cohort's row in {@code holder}'s open transaction, as every path that changes the cohort does. */
    static void holdCohort(Connection holder, String cohortId) throws SQLException {
        holder.setAutoCommit(false);
        try (PreparedStatement lock = holder.prepareStatement("select id from cohort where id = ? for update")) {
            lock.setObject(1, UUID.fromString(cohortId));
            lock.executeQuery().close();
        }
    }

    /** Sessions of this database waiting for a lock (a row's, or another transaction's end), read on {@code observer}. */
    static int waitingOnLocks(Connection observer) throws SQLException {
        try (PreparedStatement query = observer.prepareStatement(
                "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'");
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    /** PostgreSQL's count of deadlocks in this database (flushed by the backends at their next idle moment). */
    long deadlocks() {
        jdbc.sql("select pg_stat_clear_snapshot()").query((row, n) -> 0).list();
        return jdbc.sql("select deadlocks from pg_stat_database where datname = current_database()").query(Long.class).single();
    }
}
