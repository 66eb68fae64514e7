package org.aula.events.runtime;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * The runtime's own tables (outbox, inbox) in schema {@code aula_messaging}, migrated by Flyway
 * with their own history table, so they evolve with the runtime and never collide with a
 * service's migration versions.
 */
public final class MessagingSchema {

    public static final String SCHEMA = "aula_messaging";

    private MessagingSchema() {
    }

    /**
     * The schema as someone else keeps it ({@code aula.messaging.schema.migrate=false}: migrated by a job of its own, or
     * not needed, as in a class data sharing training run, which has no database).
     */
    static MessagingSchema unmanaged() {
        return new MessagingSchema();
    }

    static MessagingSchema migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .createSchemas(true)
                .table("flyway_messaging_history")
                .locations("classpath:db/aula-messaging")
                .load()
                .migrate();
        return new MessagingSchema();
    }
}
