package org.aula.enrollment.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.aula.enrollment.domain.Defined;
import org.aula.enrollment.domain.Definition;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.Paging;
import org.aula.enrollment.domain.Programme;
import org.aula.enrollment.domain.ProgrammeId;
import org.aula.enrollment.domain.Programmes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Programmes of the catalogue in table {@code programme}. */
@Repository
class JdbcProgrammes implements Programmes {

    private static final String COLUMNS = "id, code, title, awarding_institution, required_course_codes";

    private final JdbcClient jdbc;

    JdbcProgrammes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Defined<Programme> define(Programme programme, Instant at) {
        int inserted = jdbc.sql("""
                insert into programme (id, code, title, awarding_institution, required_course_codes, defined_at, changed_at)
                values (:id, :code, :title, :institution, :courses, :at, :at)
                on conflict (code) do nothing
                """)
                .param("id", programme.id().value())
                .param("code", programme.code())
                .param("title", programme.title())
                .param("institution", programme.awardingInstitution().value())
                .param("courses", programme.requiredCourseCodes().toArray(String[]::new))
                .param("at", Timestamps.of(at))
                .update();
        if (inserted == 1) {
            return new Defined<>(programme, Definition.CREATED);
        }
        Programme stored = jdbc.sql("select " + COLUMNS + " from programme where code = :code for update")
                .param("code", programme.code())
                .query(JdbcProgrammes::programme)
                .single();
        Programme changed = new Programme(stored.id(), programme.code(), programme.title(),
                programme.awardingInstitution(), programme.requiredCourseCodes());
        if (stored.sameDefinitionAs(changed)) {
            return new Defined<>(stored, Definition.UNCHANGED);
        }
        jdbc.sql("""
                update programme set title = :title, awarding_institution = :institution,
                                     required_course_codes = :courses, changed_at = :at
                 where id = :id
                """)
                .param("title", changed.title())
                .param("institution", changed.awardingInstitution().value())
                .param("courses", changed.requiredCourseCodes().toArray(String[]::new))
                .param("at", Timestamps.of(at))
                .param("id", changed.id().value())
                .update();
        return new Defined<>(changed, Definition.CHANGED);
    }

    @Override
    public Optional<Programme> findByCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from programme where code = :code")
                .param("code", code)
                .query(JdbcProgrammes::programme)
                .optional();
    }

    @Override
    public Paging.Page<Programme> list(Paging paging) {
        long total = jdbc.sql("select count(*) from programme").query(Long.class).single();
        List<Programme> items = jdbc.sql("select " + COLUMNS + " from programme order by code limit :limit offset :offset")
                .param("limit", paging.size())
                .param("offset", paging.offset())
                .query(JdbcProgrammes::programme)
                .list();
        return new Paging.Page<>(items, total, paging);
    }

    private static Programme programme(ResultSet row, int rowNumber) throws SQLException {
        return new Programme(new ProgrammeId(row.getObject("id", UUID.class)), row.getString("code"),
                row.getString("title"), new InstitutionCode(row.getString("awarding_institution")),
                Arrays.asList((String[]) row.getArray("required_course_codes").getArray()));
    }
}
