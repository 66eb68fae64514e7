package org.aula.certification.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

import org.aula.certification.domain.Programme;
import org.aula.certification.domain.ProgrammeId;
import org.aula.certification.domain.Programmes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link Programmes} in table {@code programme}: the latest definition of each programme. */
@Repository
class JdbcProgrammes implements Programmes {

    private final JdbcClient jdbc;

    JdbcProgrammes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean define(Programme programme) {
        // An older definition delivered late must not overwrite a newer one; an equal one is a repeat.
        return jdbc.sql("""
                insert into programme (id, code, title, awarding_institution, required_course_codes, defined_at)
                values (:id, :code, :title, :awardingInstitution, :requiredCourseCodes, :definedAt)
                on conflict (id) do update set
                    code = excluded.code, title = excluded.title, awarding_institution = excluded.awarding_institution,
                    required_course_codes = excluded.required_course_codes, defined_at = excluded.defined_at
                where programme.defined_at < excluded.defined_at
                """)
                .param("id", programme.id().value())
                .param("code", programme.code())
                .param("title", programme.title())
                .param("awardingInstitution", programme.awardingInstitution())
                .param("requiredCourseCodes", programme.requiredCourseCodes().toArray(String[]::new))
                .param("definedAt", Timestamp.from(programme.definedAt()))
                .update() == 1;
    }

    @Override
    public List<Programme> requiring(String courseCode) {
        return jdbc.sql("""
                select id, code, title, awarding_institution, required_course_codes, defined_at from programme
                where required_course_codes @> array[cast(:courseCode as text)]
                order by code, id
                """)
                .param("courseCode", courseCode)
                .query(JdbcProgrammes::programme)
                .list();
    }

    @Override
    public List<Programme> all() {
        return jdbc.sql("""
                select id, code, title, awarding_institution, required_course_codes, defined_at from programme
                order by code, id
                """)
                .query(JdbcProgrammes::programme)
                .list();
    }

    private static Programme programme(ResultSet row, int rowNumber) throws SQLException {
        return new Programme(new ProgrammeId(row.getString("id")), row.getString("code"), row.getString("title"),
                row.getString("awarding_institution"), JdbcCertificates.texts(row, "required_course_codes"),
                row.getTimestamp("defined_at").toInstant());
    }
}
