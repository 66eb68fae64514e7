package org.aula.enrollment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every requested lifecycle step from every status: allowed exactly as
 * {@code PLANNED -> OPEN -> IN_DELIVERY -> COMPLETED}, {@code FULL -> IN_DELIVERY}, and
 * {@code PLANNED | OPEN | FULL -> CANCELLED}; refused otherwise. (OPEN <-> FULL follow the seats: see
 * {@link CohortTest}.)
 */
class CohortLifecycleTest {

    /** A step staff can ask for, and the status it leads to. */
    enum Step {
        OPEN(CohortStatus.OPEN, Cohort::open),
        START_DELIVERY(CohortStatus.IN_DELIVERY, Cohort::startDelivery),
        COMPLETE(CohortStatus.COMPLETED, Cohort::complete),
        CANCEL(CohortStatus.CANCELLED, cohort -> cohort.cancel("Tropical storm warning"));

        final CohortStatus to;
        final Function<Cohort, Transition> apply;

        Step(CohortStatus to, Function<Cohort, Transition> apply) {
            this.to = to;
            this.apply = apply;
        }
    }

    private static final Set<String> ALLOWED = Set.of(
            "PLANNED OPEN", "PLANNED CANCEL",
            "OPEN START_DELIVERY", "OPEN CANCEL",
            "FULL START_DELIVERY", "FULL CANCEL",
            "IN_DELIVERY COMPLETE");

    static Stream<Arguments> everyStepFromEveryStatus() {
        return EnumSet.allOf(CohortStatus.class).stream()
                .flatMap(status -> EnumSet.allOf(Step.class).stream().map(step -> Arguments.of(status, step)));
    }

    @ParameterizedTest(name = "{0} --{1}-->")
    @MethodSource("everyStepFromEveryStatus")
    void aStepIsAllowedExactlyWhereTheLifecycleHasIt(CohortStatus from, Step step) {
        Cohort cohort = CohortFixture.inStatus(from);

        if (ALLOWED.contains(from + " " + step)) {
            Transition transition = step.apply.apply(cohort);
            assertThat(transition.from()).isEqualTo(from);
            assertThat(transition.to()).isEqualTo(step.to);
            assertThat(transition.cohort().status()).isEqualTo(step.to);
            assertThat(transition.cohort().id()).isEqualTo(cohort.id());
            assertThat(transition.reason()).isNotBlank();
        } else {
            assertThatThrownBy(() -> step.apply.apply(cohort))
                    .isInstanceOfSatisfying(CohortRefused.class,
                            refused -> assertThat(refused.reason()).isEqualTo(CohortRefused.Reason.STATUS_CHANGE))
                    .hasMessageContaining("is " + from + " and cannot become " + step.to);
        }
    }

    @Test
    void theTableOfAllowedStatusChangesIncludesTheOnesTheSeatsMake() {
        assertThat(Cohort.allows(CohortStatus.OPEN, CohortStatus.FULL)).isTrue();
        assertThat(Cohort.allows(CohortStatus.FULL, CohortStatus.OPEN)).isTrue();
        assertThat(Cohort.allows(CohortStatus.PLANNED, CohortStatus.FULL)).isFalse();
        assertThat(Cohort.allows(CohortStatus.IN_DELIVERY, CohortStatus.OPEN)).isFalse();
        assertThat(Cohort.allows(CohortStatus.COMPLETED, CohortStatus.CANCELLED)).isFalse();
        for (CohortStatus to : CohortStatus.values()) {
            assertThat(Cohort.allows(CohortStatus.CANCELLED, to)).as("CANCELLED -> " + to).isFalse();
            assertThat(Cohort.allows(CohortStatus.COMPLETED, to)).as("COMPLETED -> " + to).isFalse();
        }
    }

    @Test
    void cancellingGivesUpEverySeatAndWaitlistPlace() {
        Transition cancelled = CohortFixture.inStatus(CohortStatus.FULL).cancel("Tropical storm warning");

        assertThat(cancelled.cohort().seats().taken()).isZero();
        assertThat(cancelled.cohort().waitlistLength()).isZero();
        assertThat(cancelled.reason()).isEqualTo("Tropical storm warning");
    }

    @Test
    void startingDeliveryKeepsTheSeatsAndTheFillCount() {
        Cohort full = CohortFixture.inStatus(CohortStatus.FULL);

        Cohort delivering = full.startDelivery().cohort();

        assertThat(delivering.seats()).isEqualTo(full.seats());
        assertThat(delivering.fillNumber()).isEqualTo(full.fillNumber());
    }

    @Test
    void onlyOpenAndFullCohortsTakeNominations() {
        assertThat(EnumSet.allOf(CohortStatus.class).stream().filter(CohortStatus::takesNominations))
                .containsExactlyInAnyOrder(CohortStatus.OPEN, CohortStatus.FULL);
    }
}
