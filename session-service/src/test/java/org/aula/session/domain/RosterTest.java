package org.aula.session.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.aula.session.domain.RosterFixture.enrolment;
import static org.aula.session.domain.RosterFixture.minutesLater;
import static org.aula.session.domain.RosterFixture.scheduledRoster;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RosterTest {

    private static final ParticipantId ANA = new ParticipantId("ana");
    private static final Instant DECIDED = Instant.parse("2019-05-18T17:00:00Z");

    @Test
    void enrolmentPutsTheParticipantOnTheRoster() {
        Roster roster = scheduledRoster();

        assertThat(roster.enrol(enrolment("ana", 3, minutesLater(1)))).isTrue();

        assertThat(roster.entry(ANA)).hasValueSatisfying(entry -> {
            assertThat(entry.seatNumber()).isEqualTo(3);
            assertThat(entry.status()).isEqualTo(EntryStatus.ENROLLED);
        });
    }

    @Test
    void theSameEnrolmentTwiceChangesNothing() {
        Roster roster = scheduledRoster();
        roster.enrol(enrolment("ana", 3, minutesLater(1)));

        assertThat(roster.enrol(enrolment("ana", 3, minutesLater(1)))).isFalse();
        assertThat(roster.entries()).hasSize(1);
    }

    @Test
    void reEnrolmentAfterWithdrawalReactivatesTheEntry() {
        Roster roster = scheduledRoster();
        roster.enrol(enrolment("ana", 3, minutesLater(1)));
        roster.withdraw(ANA, minutesLater(2));

        assertThat(roster.enrol(enrolment("ana", 7, minutesLater(3)))).isTrue();

        assertThat(roster.entry(ANA)).hasValueSatisfying(entry -> {
            assertThat(entry.status()).isEqualTo(EntryStatus.ENROLLED);
            assertThat(entry.seatNumber()).isEqualTo(7);
            assertThat(entry.withdrawnAt()).isNull();
        });
        assertThat(roster.entries()).hasSize(1);
    }

    @Test
    void anOldEnrolmentResentAfterTheWithdrawalDoesNotReactivate() {
        Roster roster = scheduledRoster();
        roster.enrol(enrolment("ana", 3, minutesLater(1)));
        roster.withdraw(ANA, minutesLater(2));

        assertThat(roster.enrol(enrolment("ana", 3, minutesLater(1)))).isFalse();
        assertThat(roster.entry(ANA).orElseThrow().status()).isEqualTo(EntryStatus.WITHDRAWN);
    }

    @Test
    void withdrawalOfAnUnknownParticipantIsIgnored() {
        Roster roster = scheduledRoster();

        assertThat(roster.withdraw(ANA, minutesLater(2))).isFalse();
        assertThat(roster.entries()).isEmpty();
    }

    @Test
    void aWithdrawalOlderThanTheEnrolmentIsIgnored() {
        Roster roster = scheduledRoster();
        roster.enrol(enrolment("ana", 3, minutesLater(5)));

        assertThat(roster.withdraw(ANA, minutesLater(2))).isFalse();
        assertThat(roster.entry(ANA).orElseThrow().active()).isTrue();
    }

    @Test
    void fillLocksTheRosterAndOnlyANewerFillMovesTheLock() {
        Roster roster = scheduledRoster();

        assertThat(roster.lock(1, minutesLater(10))).isTrue();
        assertThat(roster.lock(1, minutesLater(10))).isFalse();
        assertThat(roster.lock(2, minutesLater(20))).isTrue();
        assertThat(roster.lock(1, minutesLater(30))).isFalse();

        assertThat(roster.locked()).isTrue();
        assertThat(roster.lock()).hasValue(new RosterLock(2, minutesLater(20)));
    }

    @Test
    void enrolmentsKeepApplyingAfterTheLock() {
        Roster roster = scheduledRoster();
        roster.lock(1, minutesLater(10));

        assertThat(roster.enrol(enrolment("ana", 25, minutesLater(11)))).isTrue();
    }

    @Test
    void decidesAnEnrolledParticipantOnTheCoursesScheduledHours() {
        Roster roster = scheduledRoster();
        roster.enrol(enrolment("ana", 3, minutesLater(1)));
        CompletionId id = CompletionId.random();

        Completion completion = roster.decide(ANA, new BigDecimal("38.5"), CompletionRule.standard(), id, DECIDED);

        assertThat(completion).isEqualTo(new Completion(id, new CohortId("cohort-1"), ANA, Decision.COMPLETED,
                new BigDecimal("38.5"), BigDecimal.valueOf(40), new BigDecimal("0.9625"), "attendance-min-80.v1",
                DECIDED));
    }

    @Test
    void refusesToDecideSomeoneNotOnTheRoster() {
        assertRefused(scheduledRoster(), "40", CompletionRefused.Reason.NOT_ON_ROSTER);
    }

    @Test
    void refusesToDecideAWithdrawnParticipant() {
        Roster roster = scheduledRoster();
        roster.enrol(enrolment("ana", 3, minutesLater(1)));
        roster.withdraw(ANA, minutesLater(2));

        assertRefused(roster, "40", CompletionRefused.Reason.WITHDRAWN);
    }

    @Test
    void refusesHoursBeyondTheCourseOrBelowZero() {
        Roster roster = scheduledRoster();
        roster.enrol(enrolment("ana", 3, minutesLater(1)));

        assertRefused(roster, "40.5", CompletionRefused.Reason.HOURS_OUT_OF_RANGE);
        assertRefused(roster, "-1", CompletionRefused.Reason.HOURS_OUT_OF_RANGE);
    }

    @Test
    void refusesToDecideBeforeTheScheduleArrived() {
        Roster roster = Roster.open(new CohortId("cohort-1"), "BMM-2019-05", "BMM");
        roster.enrol(enrolment("ana", 3, minutesLater(1)));

        assertRefused(roster, "40", CompletionRefused.Reason.SCHEDULE_UNKNOWN);
    }

    @Test
    void scheduleArrivingAfterEnrolmentsKeepsThem() {
        Roster roster = Roster.open(new CohortId("cohort-1"), "BMM-2019-05", "BMM");
        roster.enrol(enrolment("ana", 3, minutesLater(1)));

        assertThat(roster.schedule("BMM-2019-05", RosterFixture.schedule(40))).isTrue();
        assertThat(roster.schedule("BMM-2019-05", RosterFixture.schedule(40))).isFalse();

        assertThat(roster.entries()).hasSize(1);
        assertThat(roster.schedule()).hasValueSatisfying(s -> assertThat(s.course().hours()).isEqualTo(40));
    }

    private static void assertRefused(Roster roster, String hours, CompletionRefused.Reason reason) {
        assertThatThrownBy(() -> roster.decide(ANA, new BigDecimal(hours), CompletionRule.standard(),
                CompletionId.random(), DECIDED))
                .isInstanceOfSatisfying(CompletionRefused.class, refusal -> assertThat(refusal.reason()).isEqualTo(reason));
    }
}
