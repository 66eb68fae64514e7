package org.aula.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.aula.certification.domain.StatusList;
import org.aula.certification.domain.StatusListEntry;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Upgrading a database that holds certificates of the first version (the local platform keeps its
 * data across restarts): each older certificate gets its own status list entry, as a new one would.
 */
@CertificationServiceTest
class MigrationIT {

    @Autowired
    Environment environment;

    @Test
    void certificatesIssuedBeforeCredentialsGetAStatusListEntryEach() {
        String schema = "upgrade_" + UUID.randomUUID().toString().substring(0, 8);
        DriverManagerDataSource database = new DriverManagerDataSource(environment.getRequiredProperty("spring.datasource.url"),
                environment.getRequiredProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password", ""));
        JdbcClient jdbc = JdbcClient.create(database);
        try {
            migrate(database, schema, "1");
            for (int i = 1; i <= 3; i++) {
                jdbc.sql("""
                        insert into %s.certificate (id, number, completion_id, participant_id, holder_name, institution_code,
                            course_code, course_title, course_hours, cohort_id, cohort_code, start_date, end_date, decided_at, issued_at)
                        values (?, ?, ?, ?, 'Constant Pascascio', 'BZ-POLICE', 'BMM', 'Best Practices', 40, 'cohort', 'BMM-2019-05',
                            date '2019-05-13', date '2019-05-18', ?, ?)
                        """.formatted(schema))
                        .params(UUID.randomUUID(), "AULA-BMM-2019-00000" + i, "completion-" + i, "participant-" + i,
                                Timestamp.from(Instant.parse("2019-05-18T16:00:00Z")),
                                Timestamp.from(Instant.parse("2019-05-20T09:00:00Z").plusSeconds(i)))
                        .update();
            }

            migrate(database, schema, "latest");

            List<StatusListEntry> entries = jdbc.sql("select status_list_id, status_list_index from %s.certificate order by issued_at"
                            .formatted(schema))
                    .query((row, n) -> new StatusListEntry(row.getInt("status_list_id"), row.getInt("status_list_index")))
                    .list();
            assertThat(entries).containsExactlyInAnyOrder(StatusList.entryOf(0), StatusList.entryOf(1),
                    StatusList.entryOf(2));
            assertThat(jdbc.sql("select distinct rule_version from %s.certificate".formatted(schema)).query(String.class).list())
                    .containsExactly("unrecorded");
            assertThat(jdbc.sql("select nextval('%s.status_list_entry_seq')".formatted(schema)).query(Long.class).single())
                    .as("new certificates continue after the older ones").isEqualTo(3);
        } finally {
            jdbc.sql("drop schema if exists " + schema + " cascade").update();
        }
    }

    private static void migrate(DriverManagerDataSource database, String schema, String target) {
        Flyway.configure().dataSource(database).schemas(schema).locations("classpath:db/certification").target(target)
                .load().migrate();
    }
}
