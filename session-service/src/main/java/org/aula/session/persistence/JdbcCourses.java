package org.aula.session.persistence;

import java.util.Optional;

import org.aula.session.domain.course.CourseDefinition;
import org.aula.session.domain.course.Courses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Catalogue courses in table {@code course}, the newest definition per course code. */
@Repository
class JdbcCourses implements Courses {

    private final JdbcClient jdbc;

    JdbcCourses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<CourseDefinition> find(String courseCode) {
        return jdbc.sql("""
                select course_code, course_id, title, hours, topics, completion_rule_ref, defined_at
                from course where course_code = ?
                """)
                .param(courseCode)
                .query((rs, i) -> new CourseDefinition(rs.getString("course_code"), rs.getString("course_id"),
                        rs.getString("title"), rs.getInt("hours"), Sql.texts(rs, "topics"),
                        rs.getString("completion_rule_ref"), Sql.instant(rs, "defined_at")))
                .optional();
    }

    @Override
    public boolean known(String courseCode) {
        return jdbc.sql("""
                select exists (select 1 from course where course_code = :code)
                    or exists (select 1 from cohort where course_code = :code)
                    or exists (select 1 from completion_rule where course_code = :code)
                """)
                .param("code", courseCode)
                .query(Boolean.class).single();
    }

    @Override
    public boolean define(CourseDefinition definition) {
        // A conditional upsert: concurrent or re-sent definitions leave the newest in place.
        return jdbc.sql("""
                insert into course (course_code, course_id, title, hours, topics, completion_rule_ref, defined_at)
                values (:code, :id, :title, :hours, :topics, :ruleRef, :definedAt)
                on conflict (course_code) do update
                set course_id = excluded.course_id, title = excluded.title, hours = excluded.hours,
                    topics = excluded.topics, completion_rule_ref = excluded.completion_rule_ref,
                    defined_at = excluded.defined_at, updated_at = now()
                where excluded.defined_at > course.defined_at
                """)
                .param("code", definition.courseCode())
                .param("id", definition.courseId())
                .param("title", definition.title())
                .param("hours", definition.hours())
                .param("topics", Sql.textArray(definition.topics()))
                .param("ruleRef", definition.completionRuleRef())
                .param("definedAt", Sql.timestamp(definition.definedAt()))
                .update() == 1;
    }
}
