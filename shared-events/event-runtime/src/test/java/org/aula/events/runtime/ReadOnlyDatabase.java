package org.aula.events.runtime;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.aula.testsupport.TestInfrastructure;

/** A test's database made to refuse writes, as a failover's old primary does (SQLSTATE 25006), and back. */
final class ReadOnlyDatabase {

    private ReadOnlyDatabase() {
    }

    /** Makes {@code database} read-only (or writable) for new sessions and ends the current ones. */
    static void set(String database, boolean readOnly) throws SQLException {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        try (Connection admin = DriverManager.getConnection(infrastructure.jdbcUrl("postgres"), infrastructure.username(),
                infrastructure.password()); Statement statement = admin.createStatement()) {
            statement.execute("alter database " + database + " set default_transaction_read_only = " + (readOnly ? "on" : "off"));
            statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database
                    + "' and pid <> pg_backend_pid()");
        }
    }
}
