package org.aula.certification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.aula.certification.domain.Completion;
import org.aula.certification.domain.CompletionDecision;
import org.aula.certification.domain.CompletionRevision;
import org.aula.events.AssessmentResult;
import org.aula.events.CompletionRevised;
import org.aula.events.CourseCompleted;
import org.aula.events.CourseNotCompleted;
import org.aula.events.EventCatalog;
import org.aula.events.runtime.UndecodableEventException;
import org.junit.jupiter.api.Test;

class CourseCompletionsListenerTest {

    @Test
    void readsTheCompletionACourseCompletedDescribes() {
        Completion completion = CourseCompletionsListener.completionOf(courseCompleted(LocalDate.of(2019, 5, 18), "Constant Pascascio", 40));

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
        assertThat(completion.ruleVersion()).isEqualTo("attendance-80-v1");
        assertThat(completion.passedAssessments()).isEmpty();
    }

    @Test
    void readsARevisionWithTheCompletionToCertifyWhenItCarriesTheFacts() {
        CompletionRevision revision = CourseCompletionsListener.revisionOf(revised("COMPLETED", 2, "Constant Pascascio",
                LocalDate.of(2019, 5, 18)));

        assertThat(revision.number()).isEqualTo(2);
        assertThat(revision.outcome()).isEqualTo(CompletionDecision.Outcome.COMPLETED);
        assertThat(revision.reason()).isEqualTo("attendance register corrected");
        Completion completion = revision.completion();
        assertThat(completion).isNotNull();
        assertThat(completion.holder().name()).isEqualTo("Constant Pascascio");
        assertThat(completion.course().hours()).isEqualTo(40);
        assertThat(completion.cohort().endDate()).isEqualTo(LocalDate.of(2019, 5, 18));
        assertThat(completion.passedAssessments()).containsExactly("Final case study");
        assertThat(completion.decidedAt()).isEqualTo(revision.revisedAt());
    }

    @Test
    void readsARevisionWrittenBefore13WithoutACompletion() {
        CompletionRevised full = revised("NOT_COMPLETED", 1, "Constant Pascascio", LocalDate.of(2019, 5, 18));
        CompletionRevised before13 = new CompletionRevised(full.completionId(), full.cohortId(), full.cohortCode(),
                full.courseCode(), full.participantId(), full.institutionCode(), full.revision(), full.previousDecision(),
                full.decision(), full.hoursAttended(), full.hoursScheduled(), full.attendanceRate(), full.assessments(),
                full.ruleVersion(), full.reason(), full.revisedAt());

        CompletionRevision revision = CourseCompletionsListener.revisionOf(before13);

        assertThat(revision.completion()).isNull();
        assertThat(revision.outcome()).isEqualTo(CompletionDecision.Outcome.NOT_COMPLETED);
    }

    @Test
    void treatsARevisionThatBreaksTheContractAsUndecodableWithoutTheName() {
        assertThatThrownBy(() -> CourseCompletionsListener.revisionOf(revised("COMPLETED", 0, "Constant Pascascio",
                LocalDate.of(2019, 5, 18))))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageContaining("org.aula.session.completion.revised.v1")
                .hasMessageEndingWith("revision must be 1 or more");
        assertThatThrownBy(() -> CourseCompletionsListener.revisionOf(revised("COMPLETED", 1, "Constant Pascascio",
                LocalDate.of(2019, 5, 1))))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageEndingWith("end date must not be before start date")
                .hasMessageNotContaining("Pascascio");
        assertThatThrownBy(() -> CourseCompletionsListener.revisionOf(revised("MAYBE", 1, "Constant Pascascio",
                LocalDate.of(2019, 5, 18))))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageEndingWith("decision must be COMPLETED or NOT_COMPLETED");
    }

    private static CompletionRevised revised(String decision, int revision, String name, LocalDate endDate) {
        return new CompletionRevised("completion-1", "cohort-1", "BMM-2019-05", "BMM", "participant-1", "BZ-POLICE",
                revision, "NOT_COMPLETED", decision, 38.0, 40.0, 0.95,
                List.of(new AssessmentResult("CASE", "Final case study", 82, 60, true)), "attendance-80-v1",
                "attendance register corrected", Instant.parse("2019-05-27T15:30:00Z"), "38", "40", "0.95", name,
                "Best Practices in Migration Management", 40, LocalDate.of(2019, 5, 13), endDate);
    }

    @Test
    void keepsTheTitlesOfThePassedAssessmentsForTheCredentialsCriteria() {
        CourseCompleted withAssessments = new CourseCompleted("completion-1", "cohort-1", "BMM-2019-05", "BMM",
                "Best Practices in Migration Management", 40, LocalDate.of(2019, 5, 13), LocalDate.of(2019, 5, 18), "Belmopan",
                "participant-1", "Constant Pascascio", "BZ-POLICE", 38.0, 40.0, 0.95, "attendance-80-and-assessments-v2",
                Instant.parse("2019-05-18T16:00:00Z"), List.of(
                        new AssessmentResult("CASE", "Final case study", 82, 60, true),
                        new AssessmentResult("QUIZ", "Optional quiz", 40, 60, false)));

        Completion completion = CourseCompletionsListener.completionOf(withAssessments);

        assertThat(completion.ruleVersion()).isEqualTo("attendance-80-and-assessments-v2");
        assertThat(completion.passedAssessments()).containsExactly("Final case study");
    }

    @Test
    void talliesCompletedAndNotCompletedDecisionsWithoutAName() {
        CourseNotCompleted notCompleted = new CourseNotCompleted("completion-2", "cohort-1", "BMM-2019-05", "BMM", "participant-2",
                "BZ-IMMIGRATION", 20, 40, 0.5, List.of(), List.of("attended 50%"), "attendance-80-v1",
                Instant.parse("2019-05-18T16:00:00Z"));

        CompletionDecision decision = CourseCompletionsListener.decision(EventCatalog.COURSE_NOT_COMPLETED, notCompleted.completionId(),
                notCompleted.participantId(), notCompleted.cohortId(), notCompleted.cohortCode(), notCompleted.courseCode(),
                notCompleted.institutionCode(), CompletionDecision.Outcome.NOT_COMPLETED, notCompleted.decidedAt());

        assertThat(decision.outcome()).isEqualTo(CompletionDecision.Outcome.NOT_COMPLETED);
        assertThat(decision.institutionCode()).isEqualTo("BZ-IMMIGRATION");
        assertThat(decision.cohortCode()).isEqualTo("BMM-2019-05");
        assertThatThrownBy(() -> CourseCompletionsListener.decision(EventCatalog.COURSE_NOT_COMPLETED, "c", "p", "cohort", "BMM-2019-05",
                "BMM", " ", CompletionDecision.Outcome.NOT_COMPLETED, Instant.now()))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageEndingWith("institution code is required");
    }

    @Test
    void treatsACompletionThatBreaksTheContractAsUndecodable() {
        assertThatThrownBy(() -> CourseCompletionsListener.completionOf(courseCompleted(LocalDate.of(2019, 5, 1), "Constant Pascascio", 40)))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageContaining("org.aula.session.course.completed.v1")
                .hasMessageEndingWith("end date must not be before start date");
        assertThatThrownBy(() -> CourseCompletionsListener.completionOf(courseCompleted(LocalDate.of(2019, 5, 18), null, 40)))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageEndingWith("holder name is required");
        assertThatThrownBy(() -> CourseCompletionsListener.completionOf(courseCompleted(LocalDate.of(2019, 5, 18), "Constant Pascascio", 0)))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageEndingWith("course hours must be positive");
    }

    @Test
    void readsTheOutcomeOfARevisedDecision() {
        assertThat(CourseCompletionsListener.outcomeOf("NOT_COMPLETED")).isEqualTo(CompletionDecision.Outcome.NOT_COMPLETED);
        assertThat(CourseCompletionsListener.outcomeOf("COMPLETED")).isEqualTo(CompletionDecision.Outcome.COMPLETED);
        assertThatThrownBy(() -> CourseCompletionsListener.outcomeOf("MAYBE")).isInstanceOf(UndecodableEventException.class);
    }

    @Test
    void keepsTheHoldersNameOutOfTheReason() {
        assertThatThrownBy(() -> CourseCompletionsListener.completionOf(courseCompleted(LocalDate.of(2019, 5, 1), "Constant Pascascio", 40)))
                .hasMessageNotContaining("Pascascio");
    }

    static CourseCompleted courseCompleted(LocalDate endDate, String participantName, int hours) {
        return new CourseCompleted("completion-1", "cohort-1", "BMM-2019-05", "BMM",
                "Best Practices in Migration Management", hours, LocalDate.of(2019, 5, 13), endDate, "Belmopan",
                "participant-1", participantName, "BZ-POLICE", 38.0, 40.0, 0.95, "attendance-80-v1",
                Instant.parse("2019-05-18T16:00:00Z"));
    }
}
