package org.aula.session.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.aula.session.domain.CohortId;
import org.aula.session.domain.SessionId;
import org.aula.session.domain.delivery.DeliveryMethod;
import org.aula.session.domain.delivery.DeliveryPlan;
import org.aula.session.domain.delivery.DeliveryPlans;
import org.aula.session.domain.delivery.Session;
import org.aula.session.domain.delivery.SessionTerms;
import org.aula.session.domain.rule.RuleId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivery plans in tables {@code delivery_plan} (current revision, pinned rule, closing),
 * {@code planned_session} and {@code delivery_plan_revision} (what each revision changed).
 */
@Repository
class JdbcDeliveryPlans implements DeliveryPlans {

    private final JdbcClient jdbc;

    JdbcDeliveryPlans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<DeliveryPlan> of(CohortId cohortId) {
        // One snapshot for the plan row and its sessions; writers hold the cohort's roster lock.
        return jdbc.sql("""
                select plan_id, revision, published_at, rule_course_code, rule_version, closed_at
                from delivery_plan where cohort_id = ?
                """)
                .param(cohortId.value())
                .query((rs, i) -> DeliveryPlan.restore(cohortId, rs.getObject("plan_id", UUID.class),
                        new RuleId(rs.getString("rule_course_code"), rs.getInt("rule_version")), rs.getInt("revision"),
                        Sql.instant(rs, "published_at"), sessions(cohortId), Sql.nullableInstant(rs, "closed_at")))
                .optional();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void save(DeliveryPlan plan, String change) {
        String cohortId = plan.cohortId().value();
        jdbc.sql("""
                insert into delivery_plan (cohort_id, plan_id, revision, published_at, rule_course_code, rule_version, closed_at)
                values (:cohortId, :planId, :revision, :publishedAt, :ruleCourse, :ruleVersion, :closedAt)
                on conflict (cohort_id) do update
                set revision = excluded.revision, published_at = excluded.published_at, closed_at = excluded.closed_at
                """)
                .param("cohortId", cohortId)
                .param("planId", plan.planId())
                .param("revision", plan.revision())
                .param("publishedAt", Sql.timestamp(plan.publishedAt()))
                .param("ruleCourse", plan.rule().courseCode())
                .param("ruleVersion", plan.rule().version())
                .param("closedAt", Sql.nullableTimestamp(plan.closedAt().orElse(null)))
                .update();
        List<Session> sessions = plan.sessions();
        jdbc.sql("delete from planned_session where cohort_id = ? and not (session_id = any (?))")
                .params(cohortId, sessions.stream().map(s -> s.id().value()).toArray(String[]::new))
                .update();
        for (Session session : sessions) {
            jdbc.sql("""
                    insert into planned_session (cohort_id, session_id, number, sequence, session_date, topic, method,
                                                 hours, delivered_at)
                    values (:cohortId, :sessionId, :number, :sequence, :date, :topic, :method, :hours, :deliveredAt)
                    on conflict (cohort_id, session_id) do update
                    set sequence = excluded.sequence, session_date = excluded.session_date, topic = excluded.topic,
                        method = excluded.method, hours = excluded.hours, delivered_at = excluded.delivered_at
                    """)
                    .param("cohortId", cohortId)
                    .param("sessionId", session.id().value())
                    .param("number", session.number())
                    .param("sequence", session.sequence())
                    .param("date", session.terms().date())
                    .param("topic", session.terms().topic())
                    .param("method", session.terms().method().name())
                    .param("hours", session.hours())
                    .param("deliveredAt", Sql.nullableTimestamp(session.deliveredAt()))
                    .update();
        }
        jdbc.sql("""
                insert into delivery_plan_revision (cohort_id, revision, hours_scheduled, change, published_at)
                values (?, ?, ?, ?, ?)
                on conflict (cohort_id, revision) do nothing
                """)
                .params(cohortId, plan.revision(), plan.hoursScheduled(), change, Sql.timestamp(plan.publishedAt()))
                .update();
    }

    private List<Session> sessions(CohortId cohortId) {
        return jdbc.sql("""
                select session_id, number, sequence, session_date, topic, method, hours, delivered_at
                from planned_session where cohort_id = ? order by sequence
                """)
                .param(cohortId.value())
                .query((rs, i) -> session(rs))
                .list();
    }

    private static Session session(ResultSet rs) throws SQLException {
        return new Session(new SessionId(rs.getString("session_id")), rs.getInt("number"), rs.getInt("sequence"),
                new SessionTerms(rs.getObject("session_date", LocalDate.class), rs.getString("topic"),
                        DeliveryMethod.valueOf(rs.getString("method")), rs.getBigDecimal("hours")),
                Sql.nullableInstant(rs, "delivered_at"));
    }
}
