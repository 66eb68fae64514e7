package org.aula.session.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.aula.session.domain.CohortId;
import org.aula.session.domain.SessionId;
import org.aula.session.domain.roster.CohortSchedule;
import org.aula.session.domain.roster.RosterFixture;
import org.aula.session.domain.rule.RuleId;
import org.junit.jupiter.api.Test;

class DeliveryPlanTest {

    private static final CohortId COHORT = new CohortId("cohort-1");
    private static final Instant T0 = Instant.parse("2019-05-01T09:00:00Z");
    private static final CohortSchedule SCHEDULE = RosterFixture.schedule(40);
    private static final LocalDate MON = SCHEDULE.startDate();

    private final DeliveryPlan plan = DeliveryPlan.publish(COHORT, UUID.randomUUID(), new RuleId("BMM", 1),
            PlanTemplate.standard().draft(List.of(), 40, SCHEDULE.startDate(), SCHEDULE.endDate()), T0);

    @Test
    void aPublishedPlanIsRevisionOneWithNumberedSessionsInDateOrder() {
        assertThat(plan.revision()).isEqualTo(1);
        assertThat(plan.hoursScheduled()).isEqualByComparingTo("40");
        assertThat(plan.sessions()).extracting(s -> s.id().value()).startsWith("S01", "S02", "S03").hasSize(12);
        assertThat(plan.sessions()).extracting(Session::sequence).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(plan.started()).isFalse();
    }

    @Test
    void revisingASessionMakesANewRevisionAndReordersByDate() {
        SessionTerms moved = new SessionTerms(SCHEDULE.endDate(), "Human rights", DeliveryMethod.LECTURE,
                new BigDecimal("3.5"));

        assertThat(plan.revise(new SessionId("S01"), moved, SCHEDULE, T0.plusSeconds(60))).isTrue();

        assertThat(plan.revision()).isEqualTo(2);
        assertThat(plan.publishedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(plan.hoursScheduled()).isEqualByComparingTo("39.5");
        // Saturday holds S11 and S12 already; on one day sessions keep the order they were planned in.
        assertThat(plan.session(new SessionId("S01")).sequence()).isEqualTo(10);
        assertThat(plan.sessions().get(0).id()).isEqualTo(new SessionId("S02"));
    }

    @Test
    void theSameTermsAgainMakeNoRevision() {
        Session first = plan.session(new SessionId("S01"));

        assertThat(plan.revise(first.id(), first.terms(), SCHEDULE, T0.plusSeconds(60))).isFalse();
        assertThat(plan.revision()).isEqualTo(1);
    }

    @Test
    void addingAndRemovingSessionsAreRevisionsAndTheLastSessionStays() {
        SessionId added = plan.add(new SessionTerms(MON, "Field visit", DeliveryMethod.FIELD_VISIT, BigDecimal.valueOf(2)),
                SCHEDULE, T0.plusSeconds(60));
        assertThat(added).isEqualTo(new SessionId("S13"));
        assertThat(plan.revision()).isEqualTo(2);
        assertThat(plan.hoursScheduled()).isEqualByComparingTo("42");

        plan.remove(added, T0.plusSeconds(120));
        assertThat(plan.revision()).isEqualTo(3);

        DeliveryPlan single = DeliveryPlan.publish(COHORT, UUID.randomUUID(), new RuleId("BMM", 1),
                List.of(new SessionTerms(MON, "All", DeliveryMethod.LECTURE, BigDecimal.TEN)), T0);
        assertRefused(() -> single.remove(new SessionId("S01"), T0), DeliveryRefused.Reason.LAST_SESSION);
    }

    @Test
    void aSessionOutsideTheCohortsDatesIsRefused() {
        SessionTerms sunday = new SessionTerms(SCHEDULE.endDate().plusDays(1), "Human rights", DeliveryMethod.LECTURE,
                BigDecimal.ONE);

        assertRefused(() -> plan.revise(new SessionId("S01"), sunday, SCHEDULE, T0),
                DeliveryRefused.Reason.DATE_OUTSIDE_COHORT);
        assertThat(plan.revision()).isEqualTo(1);
    }

    @Test
    void thePlanIsFixedOnceASessionWasDelivered() {
        assertThat(plan.deliver(new SessionId("S01"), T0)).isTrue();
        assertThat(plan.deliver(new SessionId("S01"), T0.plusSeconds(5))).isFalse();
        assertThat(plan.session(new SessionId("S01")).deliveredAt()).isEqualTo(T0);

        Session second = plan.session(new SessionId("S02"));
        assertRefused(() -> plan.revise(second.id(), second.terms(), SCHEDULE, T0), DeliveryRefused.Reason.DELIVERY_STARTED);
        assertRefused(() -> plan.remove(second.id(), T0), DeliveryRefused.Reason.DELIVERY_STARTED);
    }

    @Test
    void attendanceNeedsADeliveredSessionAndAtMostItsHours() {
        SessionId first = new SessionId("S01");   // a 4-hour lecture
        assertRefused(() -> plan.acceptAttendance(first, BigDecimal.ONE), DeliveryRefused.Reason.SESSION_NOT_DELIVERED);
        assertRefused(() -> plan.acceptAttendance(new SessionId("S99"), BigDecimal.ONE), DeliveryRefused.Reason.SESSION_UNKNOWN);

        plan.deliver(first, T0);

        assertThat(plan.acceptAttendance(first, new BigDecimal("4")).id()).isEqualTo(first);
        assertThat(plan.acceptAttendance(first, new BigDecimal("2.5")).id()).isEqualTo(first);
        assertRefused(() -> plan.acceptAttendance(first, new BigDecimal("4.01")), DeliveryRefused.Reason.HOURS_ABOVE_SESSION);
    }

    @Test
    void aClosedDeliveryDeliversNothingMoreButStillTakesCorrections() {
        SessionId first = new SessionId("S01");
        plan.deliver(first, T0);

        assertThat(plan.close(T0.plusSeconds(60))).isTrue();
        assertThat(plan.close(T0.plusSeconds(120))).isFalse();

        assertThat(plan.closedAt()).hasValue(T0.plusSeconds(60));
        assertRefused(() -> plan.deliver(new SessionId("S02"), T0), DeliveryRefused.Reason.DELIVERY_CLOSED);
        assertThat(plan.acceptAttendance(first, BigDecimal.ONE).id()).isEqualTo(first);
    }

    private static void assertRefused(Runnable change, DeliveryRefused.Reason reason) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(DeliveryRefused.class,
                refusal -> assertThat(refusal.reason()).isEqualTo(reason));
    }
}
