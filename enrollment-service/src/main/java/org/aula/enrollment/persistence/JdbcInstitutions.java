package org.aula.enrollment.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.aula.enrollment.domain.Definition;
import org.aula.enrollment.domain.Institution;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.Institutions;
import org.aula.enrollment.domain.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Institutions in table {@code institution}. */
@Repository
class JdbcInstitutions implements Institutions {

    private final JdbcClient jdbc;

    JdbcInstitutions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Definition define(Institution institution, Instant at) {
        int inserted = jdbc.sql("""
                insert into institution (code, name, defined_at, changed_at) values (:code, :name, :at, :at)
                on conflict (code) do nothing
                """)
                .param("code", institution.code().value())
                .param("name", institution.name())
                .param("at", Timestamps.of(at))
                .update();
        if (inserted == 1) {
            return Definition.CREATED;
        }
        int changed = jdbc.sql("update institution set name = :name, changed_at = :at where code = :code and name <> :name")
                .param("code", institution.code().value())
                .param("name", institution.name())
                .param("at", Timestamps.of(at))
                .update();
        return changed == 1 ? Definition.CHANGED : Definition.UNCHANGED;
    }

    @Override
    public Optional<Institution> find(InstitutionCode code) {
        return jdbc.sql("select code, name from institution where code = :code")
                .param("code", code.value())
                .query(JdbcInstitutions::institution)
                .optional();
    }

    @Override
    public Paging.Page<Institution> list(Paging paging) {
        long total = jdbc.sql("select count(*) from institution").query(Long.class).single();
        List<Institution> items = jdbc.sql("select code, name from institution order by code limit :limit offset :offset")
                .param("limit", paging.size())
                .param("offset", paging.offset())
                .query(JdbcInstitutions::institution)
                .list();
        return new Paging.Page<>(items, total, paging);
    }

    @Override
    public List<Institution> all() {
        return jdbc.sql("select code, name from institution order by code").query(JdbcInstitutions::institution).list();
    }

    private static Institution institution(ResultSet row, int rowNumber) throws SQLException {
        return new Institution(new InstitutionCode(row.getString("code")), row.getString("name"));
    }
}
