package org.aula.enrollment.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.aula.enrollment.domain.CatalogueCourse;
import org.aula.enrollment.domain.Course;
import org.aula.enrollment.domain.CourseId;
import org.aula.enrollment.domain.Courses;
import org.aula.enrollment.domain.Defined;
import org.aula.enrollment.domain.Definition;
import org.aula.enrollment.domain.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Courses of the catalogue in table {@code course}. */
@Repository
class JdbcCourses implements Courses {

    private static final String COLUMNS = "id, code, title, hours, topics, completion_rule_ref";

    private final JdbcClient jdbc;

    JdbcCourses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Defined<CatalogueCourse> define(CatalogueCourse course, Instant at) {
        int inserted = jdbc.sql("""
                insert into course (id, code, title, hours, topics, completion_rule_ref, defined_at, changed_at)
                values (:id, :code, :title, :hours, :topics, :rule, :at, :at)
                on conflict (code) do nothing
                """)
                .param("id", course.id().value())
                .param("code", course.code())
                .param("title", course.course().title())
                .param("hours", course.course().hours())
                .param("topics", course.topics().toArray(String[]::new))
                .param("rule", course.completionRuleRef())
                .param("at", Timestamps.of(at))
                .update();
        if (inserted == 1) {
            return new Defined<>(course, Definition.CREATED);
        }
        // The row exists: lock it, so that concurrent definitions of one course apply one after the other.
        CatalogueCourse stored = jdbc.sql("select " + COLUMNS + " from course where code = :code for update")
                .param("code", course.code())
                .query(JdbcCourses::course)
                .single();
        CatalogueCourse changed = new CatalogueCourse(stored.id(), course.course(), course.topics(), course.completionRuleRef());
        if (stored.sameDefinitionAs(changed)) {
            return new Defined<>(stored, Definition.UNCHANGED);
        }
        jdbc.sql("""
                update course set title = :title, hours = :hours, topics = :topics, completion_rule_ref = :rule,
                                  changed_at = :at
                 where id = :id
                """)
                .param("title", changed.course().title())
                .param("hours", changed.course().hours())
                .param("topics", changed.topics().toArray(String[]::new))
                .param("rule", changed.completionRuleRef())
                .param("at", Timestamps.of(at))
                .param("id", changed.id().value())
                .update();
        return new Defined<>(changed, Definition.CHANGED);
    }

    @Override
    public Optional<CatalogueCourse> findByCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from course where code = :code")
                .param("code", code)
                .query(JdbcCourses::course)
                .optional();
    }

    @Override
    public Paging.Page<CatalogueCourse> list(Paging paging) {
        long total = jdbc.sql("select count(*) from course").query(Long.class).single();
        List<CatalogueCourse> items = jdbc.sql("select " + COLUMNS + " from course order by code limit :limit offset :offset")
                .param("limit", paging.size())
                .param("offset", paging.offset())
                .query(JdbcCourses::course)
                .list();
        return new Paging.Page<>(items, total, paging);
    }

    private static CatalogueCourse course(ResultSet row, int rowNumber) throws SQLException {
        return new CatalogueCourse(new CourseId(row.getObject("id", UUID.class)),
                new Course(row.getString("code"), row.getString("title"), row.getInt("hours")),
                Arrays.asList((String[]) row.getArray("topics").getArray()), row.getString("completion_rule_ref"));
    }
}
