package org.aula.session.domain.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.aula.session.domain.roster.RosterFixture.enrolment;
import static org.aula.session.domain.roster.RosterFixture.minutesLater;
import static org.aula.session.domain.roster.RosterFixture.scheduledRoster;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.aula.session.domain.CohortId;
import org.aula.session.domain.CompletionId;
import org.aula.session.domain.ParticipantId;
import org.aula.session.domain.completion.Completion;
import org.aula.session.domain.completion.CompletionRefused;
import org.aula.session.domain.completion.DecisionBasis;
import org.aula.session.domain.rule.CompletionRule;
import org.aula.session.domain.rule.CompletionTerms;
import org.aula.session.domain.rule.Decision;
import org.aula.session.domain.rule.RequiredAssessment;
import org.aula.session.domain.rule.RuleId;
import org.aula.session.domain.rule.RuleSource;
import org.aula.session.domain.rule.Verdict;
import org.junit.jupiter.api.Test;

class RosterTest {

    private static final ParticipantId ANA = new ParticipantId("ana");
    private static final Instant DECIDED = Instant.parse("2019-05-18T17:00:00Z");
    private static final CompletionRule ATTENDANCE_ONLY = new CompletionRule(new RuleId("BMM", 1),
            CompletionTerms.standard(), RuleSource.CONFIG, DECIDED);

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
    void aRestoredRosterHasOnlyWhatChangedSinceToWrite() {
        Roster stored = scheduledRoster();
        stored.enrol(enrolment("ana", 1, minutesLater(1)));
        stored.enrol(enrolment("ben", 2, minutesLater(2)));
        Roster roster = Roster.restore(stored.cohortId(), stored.cohortCode(), stored.courseCode(),
                stored.schedule().orElseThrow(), stored.entries(), null);
        assertThat(roster.changedEntries()).isEmpty();

        roster.enrol(enrolment("cy", 3, minutesLater(3)));
        roster.enrol(enrolment("ana", 1, minutesLater(1)));
        roster.withdraw(new ParticipantId("ben"), minutesLater(4));

        assertThat(roster.changedEntries()).extracting(entry -> entry.participantId().value()).containsExactly("ben", "cy");
        assertThat(roster.entries()).hasSize(3);
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
    void onlyAScheduleOrALockChangesTheCohortItself() {
        Roster stored = scheduledRoster();
        Roster roster = Roster.restore(stored.cohortId(), stored.cohortCode(), stored.courseCode(),
                stored.schedule().orElseThrow(), List.of(), null);

        roster.enrol(enrolment("ana", 1, minutesLater(1)));
        roster.withdraw(ANA, minutesLater(2));
        roster.schedule(stored.cohortCode(), stored.schedule().orElseThrow());
        assertThat(roster.cohortChanged()).isFalse();

        roster.lock(1, minutesLater(10));
        assertThat(roster.cohortChanged()).isTrue();
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
    void decidesAnEnrolledParticipantOnStatedHoursOfTheCoursesScheduledHours() {
        Roster roster = scheduledRoster();
        roster.enrol(enrolment("ana", 3, minutesLater(1)));
        CompletionId id = CompletionId.random();

        Completion completion = roster.decideOnStatedHours(ANA, new BigDecimal("38.5"), null, ATTENDANCE_ONLY, id,
                DECIDED);

        assertThat(completion).isEqualTo(Completion.decided(id, new CohortId("cohort-1"), ANA,
                DecisionBasis.STATED_HOURS, new Verdict(Decision.COMPLETED, new BigDecimal("38.5"),
                        BigDecimal.valueOf(40), new BigDecimal("0.9625"), List.of(), List.of()),
                "BMM.completion.v1", DECIDED));
    }

    @Test
    void statedHoursAreAShareOfThePlannedHoursWhenThereIsAPlan() {
        Roster roster = scheduledRoster();
        roster.enrol(enrolment("ana", 3, minutesLater(1)));

        Completion completion = roster.decideOnStatedHours(ANA, new BigDecimal("28.8"), BigDecimal.valueOf(36),
                ATTENDANCE_ONLY, CompletionId.random(), DECIDED);

        assertThat(completion.hoursScheduled()).isEqualByComparingTo("36");
        assertThat(completion.attendanceRate()).isEqualByComparingTo("0.8");
        assertThat(completion.completed()).isTrue();
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
    void statedHoursCannotDecideACourseThatRequiresAssessments() {
        Roster roster = scheduledRoster();
        roster.enrol(enrolment("ana", 3, minutesLater(1)));
        CompletionRule withCaseStudy = new CompletionRule(new RuleId("BMM", 2), new CompletionTerms(
                new BigDecimal("0.8"), List.of(new RequiredAssessment("BMM-CS", "Case study", BigDecimal.TEN))),
                RuleSource.API, DECIDED);

        assertThatThrownBy(() -> roster.decideOnStatedHours(ANA, BigDecimal.TEN, null, withCaseStudy,
                CompletionId.random(), DECIDED))
                .isInstanceOfSatisfying(CompletionRefused.class,
                        refusal -> assertThat(refusal.reason()).isEqualTo(CompletionRefused.Reason.ASSESSMENTS_REQUIRED));
    }

    @Test
    void staffLockARosterOnceAndALaterFillMovesTheLock() {
        Roster roster = scheduledRoster();

        assertThat(roster.lockByStaff(minutesLater(5))).isTrue();
        assertThat(roster.lockByStaff(minutesLater(6))).isFalse();
        assertThat(roster.lock()).hasValueSatisfying(lock -> assertThat(lock.byStaff()).isTrue());

        assertThat(roster.lock(1, minutesLater(10))).isTrue();
        assertThat(roster.lock()).hasValue(new RosterLock(1, minutesLater(10)));
        assertThat(roster.lockByStaff(minutesLater(11))).isFalse();
    }

    @Test
    void erasureReplacesTheNameOnlyOnce() {
        Roster roster = scheduledRoster();
        roster.enrol(enrolment("ana", 3, minutesLater(1)));

        assertThat(roster.erase(ANA)).isTrue();
        assertThat(roster.erase(ANA)).isFalse();
        assertThat(roster.erase(new ParticipantId("nobody"))).isFalse();

        assertThat(roster.entry(ANA)).hasValueSatisfying(entry -> {
            assertThat(entry.name()).isEqualTo(RosterEntry.ERASED_NAME);
            assertThat(entry.seatNumber()).isEqualTo(3);
            assertThat(entry.institutionCode()).isEqualTo("BZ-POLICE");
        });
    }

    @Test
    void anErasedEnrolmentKeepsEverythingButTheName() {
        Roster roster = scheduledRoster();
        Enrolment enrolment = enrolment("ana", 3, minutesLater(1));

        assertThat(roster.enrol(enrolment.erased())).isTrue();
        assertThat(roster.enrol(enrolment.erased())).as("the same enrolment again").isFalse();

        assertThat(roster.entry(ANA)).hasValueSatisfying(entry -> {
            assertThat(entry.name()).isEqualTo(RosterEntry.ERASED_NAME);
            assertThat(entry.seatNumber()).isEqualTo(3);
            assertThat(entry.institutionCode()).isEqualTo(enrolment.institutionCode());
            assertThat(entry.enrolledAt()).isEqualTo(enrolment.enrolledAt());
            assertThat(entry.active()).isTrue();
        });
    }

    @Test
    void aSeatGivenUpIsHeldByWhoeverTookItAfter() {
        Roster roster = scheduledRoster();
        roster.enrol(enrolment("ana", 3, minutesLater(1)));
        roster.withdraw(ANA, minutesLater(2));
        roster.enrol(enrolment("bob", 3, minutesLater(3)));

        assertThat(roster.holderOfSeat(3)).hasValueSatisfying(entry ->
                assertThat(entry.participantId()).isEqualTo(new ParticipantId("bob")));
        assertThat(roster.holderOfSeat(4)).isEmpty();
    }

    @Test
    void namesMatchIgnoringCaseAccentsAndSpacing() {
        Roster roster = scheduledRoster();
        roster.enrol(new Enrolment(new ParticipantId("p-1"), "Ana Lucía Cal", "BZ-IMMIGRATION", 1, minutesLater(1)));
        roster.enrol(new Enrolment(new ParticipantId("p-2"), "Elvis Coc", "BZ-POLICE", 2, minutesLater(2)));
        roster.enrol(new Enrolment(new ParticipantId("p-3"), "Elvis  COC", "BZ-MFA", 3, minutesLater(3)));

        assertThat(roster.named("  ana lucia   CAL ")).extracting(RosterEntry::participantId)
                .containsExactly(new ParticipantId("p-1"));
        assertThat(roster.named("Elvis Coc")).hasSize(2);
        assertThat(roster.named("Nobody")).isEmpty();
    }

    @Test
    void atCloseTheSeatedAndThoseWhoWithdrewAfterAttendingAreDecided() {
        Roster roster = scheduledRoster();
        roster.enrol(enrolment("ana", 1, minutesLater(1)));
        roster.enrol(enrolment("bob", 2, minutesLater(2)));
        roster.enrol(enrolment("cy", 3, minutesLater(3)));
        roster.withdraw(new ParticipantId("bob"), minutesLater(4));
        roster.withdraw(new ParticipantId("cy"), minutesLater(5));

        List<RosterEntry> decided = roster.toDecideAtClose(Set.of(new ParticipantId("bob")));

        assertThat(decided).extracting(RosterEntry::participantId)
                .containsExactly(ANA, new ParticipantId("bob"));
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
        assertThatThrownBy(() -> roster.decideOnStatedHours(ANA, new BigDecimal(hours), null, ATTENDANCE_ONLY,
                CompletionId.random(), DECIDED))
                .isInstanceOfSatisfying(CompletionRefused.class, refusal -> assertThat(refusal.reason()).isEqualTo(reason));
    }
}
