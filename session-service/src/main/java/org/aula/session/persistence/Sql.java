package org.aula.session.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Column reading and writing shared by the stores. */
final class Sql {

    private Sql() {
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant);
    }

    static @Nullable Timestamp nullableTimestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A {@code text[]} parameter (PostgreSQL's driver binds a Java array as an SQL array). */
    static String[] textArray(List<String> values) {
        return values.toArray(String[]::new);
    }

    static List<String> texts(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
