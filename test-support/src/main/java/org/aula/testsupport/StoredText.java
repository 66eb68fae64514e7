package org.aula.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

/**
 * Every text, text-array and JSON column of every table in a service's database, searched for values: where an
 * erased participant's name could still be kept. One place for the erasure tests of every service.
 */
public final class StoredText {

    private final DataSource dataSource;
    private final List<Column> columns;

    private record Column(String schema, String table, String column) {

        String text() {
            return "cast(\"" + column + "\" as text)";
        }

        String from() {
            return "\"" + schema + "\".\"" + table + "\"";
        }

        String name() {
            return schema + "." + table + "." + column;
        }
    }

    private StoredText(DataSource dataSource, List<Column> columns) {
        this.dataSource = dataSource;
        this.columns = columns;
    }

    /** Reads the database's text columns now (tables created later are not searched). */
    public static StoredText of(DataSource dataSource) {
        List<Column> columns = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        select c.table_schema, c.table_name, c.column_name
                        from information_schema.columns c
                        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                        where t.table_type = 'BASE TABLE'
                          and c.table_schema not in ('pg_catalog', 'information_schema')
                          and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')
                        """);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                columns.add(new Column(rows.getString(1), rows.getString(2), rows.getString(3)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new StoredText(dataSource, List.copyOf(columns));
    }

    /** The tables that have a text column (so a test can check the search reaches the ones it cares about). */
    public Set<String> tables() {
        Set<String> tables = new LinkedHashSet<>();
        columns.forEach(column -> tables.add(column.table()));
        return tables;
    }

    /** Every {@code schema.table.column} holding {@code value} somewhere in its text. */
    public List<String> columnsHolding(String value) {
        return columns.stream().filter(column -> !matches(column, List.of(value)).isEmpty()).map(Column::name).toList();
    }

    /** Which of {@code values} any column holds. */
    public Set<String> held(Collection<String> values) {
        Set<String> held = new LinkedHashSet<>();
        for (Column column : columns) {
            held.addAll(matches(column, values));
        }
        return held;
    }

    private List<String> matches(Column column, Collection<String> values) {
        List<String> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select " + column.text() + " from " + column.from() + " where " + column.text() + " like any (?)")) {
            statement.setArray(1, connection.createArrayOf("text", values.stream().map(value -> "%" + value + "%").toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String text = rows.getString(1);
                    values.stream().filter(text::contains).filter(value -> !found.contains(value)).forEach(found::add);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }
}
