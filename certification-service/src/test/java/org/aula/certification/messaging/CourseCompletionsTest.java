package org.aula.certification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.aula.certification.domain.Completion;
import org.aula.events.CourseCompleted;
import org.aula.events.runtime.UndecodableEventException;
import org.junit.jupiter.api.Test;

class CourseCompletionsTest {

    @Test
    void readsTheCompletionACourseCompletedDescribes() {
        Completion completion = CourseCompletions.completionOf(courseCompleted(LocalDate.of(2019, 5, 18), "Constant Pascascio", 40));

        assertThat(completion.id().value()).isEqualTo("completion-1");
        assertThat(completion.holder().participantId().value()).isEqualTo("participant-1");
        assertThat(completion.holder().name()).isEqualTo("Constant Pascascio");
        assertThat(completion.holder().institutionCode()).isEqualTo("BZ-POLICE");
        assertThat(completion.course().code()).isEqualTo("BMM");
        assertThat(completion.course().title()).isEqualTo("Best Practices in Migration Management");
        assertThat(completion.course().hours()).isEqualTo(40);
        assertThat(completion.cohort().id().value()).isEqualTo("cohort-1");
        assertThat(completion.cohort().code()).isEqualTo("BMM-2019-05");
        assertThat(completion.cohort().startDate()).isEqualTo(LocalDate.of(2019, 5, 13));
        assertThat(completion.cohort().endDate()).isEqualTo(LocalDate.of(2019, 5, 18));
        assertThat(completion.decidedAt()).isEqualTo(Instant.parse("2019-05-18T16:00:00Z"));
    }

    @Test
    void treatsACompletionThatBreaksTheContractAsUndecodable() {
        assertThatThrownBy(() -> CourseCompletions.completionOf(courseCompleted(LocalDate.of(2019, 5, 1), "Constant Pascascio", 40)))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageContaining("org.aula.session.course.completed.v1")
                .hasMessageEndingWith("end date must not be before start date");
        assertThatThrownBy(() -> CourseCompletions.completionOf(courseCompleted(LocalDate.of(2019, 5, 18), null, 40)))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageEndingWith("holder name must not be blank");
        assertThatThrownBy(() -> CourseCompletions.completionOf(courseCompleted(LocalDate.of(2019, 5, 18), "Constant Pascascio", 0)))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageEndingWith("course hours must be positive");
    }

    @Test
    void keepsTheHoldersNameOutOfTheReason() {
        assertThatThrownBy(() -> CourseCompletions.completionOf(courseCompleted(LocalDate.of(2019, 5, 1), "Constant Pascascio", 40)))
                .hasMessageNotContaining("Pascascio");
    }

    static CourseCompleted courseCompleted(LocalDate endDate, String participantName, int hours) {
        return new CourseCompleted("completion-1", "cohort-1", "BMM-2019-05", "BMM",
                "Best Practices in Migration Management", hours, LocalDate.of(2019, 5, 13), endDate, "Belmopan",
                "participant-1", participantName, "BZ-POLICE", 38.0, 40.0, 0.95, "attendance-80-v1",
                Instant.parse("2019-05-18T16:00:00Z"));
    }
}
