package org.aula.session.persistence;

import java.util.Optional;

import org.aula.session.domain.CohortId;
import org.aula.session.domain.ParticipantId;
import org.aula.session.domain.delivery.DeliveryClosure;
import org.aula.session.domain.delivery.DeliveryClosures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Closings in table {@code delivery_closure}, one per cohort. */
@Repository
class JdbcDeliveryClosures implements DeliveryClosures {

    private final JdbcClient jdbc;

    JdbcDeliveryClosures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<DeliveryClosure> of(CohortId cohortId) {
        return jdbc.sql("""
                select participants, completed, not_completed, completion_rate, rule_version, not_decided, closed_at
                from delivery_closure where cohort_id = ?
                """)
                .param(cohortId.value())
                .query((rs, i) -> new DeliveryClosure(cohortId, rs.getInt("participants"), rs.getInt("completed"),
                        rs.getInt("not_completed"), rs.getBigDecimal("completion_rate"), rs.getString("rule_version"),
                        Sql.texts(rs, "not_decided").stream().map(ParticipantId::new).toList(),
                        Sql.instant(rs, "closed_at")))
                .optional();
    }

    @Override
    public void add(DeliveryClosure closure) {
        jdbc.sql("""
                insert into delivery_closure (cohort_id, participants, completed, not_completed, completion_rate,
                                              rule_version, not_decided, closed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(closure.cohortId().value(), closure.participants(), closure.completed(), closure.notCompleted(),
                        closure.completionRate(), closure.ruleVersion(),
                        Sql.textArray(closure.notDecided().stream().map(ParticipantId::value).toList()),
                        Sql.timestamp(closure.closedAt()))
                .update();
    }
}
