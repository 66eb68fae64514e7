package org.aula.session.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.aula.session.domain.delivery.DeliveryMethod;
import org.aula.session.domain.delivery.DeliveryPlan;
import org.aula.session.domain.delivery.Session;
import org.aula.session.domain.roster.Roster;
import org.jspecify.annotations.Nullable;

/** A delivery plan's JSON form: its current revision, the rule version the cohort is judged by, its sessions. */
record PlanView(String planId, String cohortId, String cohortCode, String courseCode, int revision,
        BigDecimal hoursScheduled, String ruleVersion, boolean started, @Nullable Instant closedAt,
        Instant publishedAt, List<SessionView> sessions) {

    static PlanView of(Roster roster, DeliveryPlan plan) {
        return new PlanView(plan.planId().toString(), roster.cohortId().value(), roster.cohortCode(), roster.courseCode(),
                plan.revision(), plan.hoursScheduled(), plan.rule().label(), plan.started(), plan.closedAt().orElse(null),
                plan.publishedAt(), plan.sessions().stream().map(SessionView::of).toList());
    }

    /** One session's JSON form; {@code deliveredAt} is null until it was delivered. */
    record SessionView(String sessionId, int sequence, LocalDate date, String topic, DeliveryMethod method,
            BigDecimal hours, @Nullable Instant deliveredAt) {

        static SessionView of(Session session) {
            return new SessionView(session.id().value(), session.sequence(), session.terms().date(),
                    session.terms().topic(), session.terms().method(), session.hours(), session.deliveredAt());
        }
    }
}
