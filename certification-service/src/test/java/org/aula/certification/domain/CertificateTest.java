package org.aula.certification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class CertificateTest {

    private final Completion completion = CompletionFixture.inspectorPascascioCompletedBmm();

    @Test
    void isNumberedForItsCourseAndTheYearItsCohortEnded() {
        Certificate certificate = Certificate.issue(CertificateId.random(), completion.numberWith(7), completion,
                Instant.parse("2019-05-20T09:00:00Z"));

        assertThat(certificate.number().value()).isEqualTo("AULA-BMM-2019-000007");
        assertThat(certificate.holder().name()).isEqualTo("Constant Pascascio");
        assertThat(certificate.status()).isEqualTo(CertificateStatus.VALID);
    }

    @Test
    void refusesANumberDrawnForAnotherCourse() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Certificate.issue(CertificateId.random(), new CertificateNumber("MIG", 2019, 7),
                        completion, Instant.now()))
                .withMessageContaining("not for course BMM");
    }

    @Test
    void refusesANumberOfAnotherYear() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Certificate.issue(CertificateId.random(), new CertificateNumber("BMM", 2020, 7),
                        completion, Instant.now()))
                .withMessageContaining("year");
    }

    @Test
    void takesTimeToIssueFromTheCompletionDecision() {
        Certificate certificate = Certificate.issue(CertificateId.random(), completion.numberWith(1), completion,
                CompletionFixture.DECIDED_AT.plus(Duration.ofMinutes(90)));

        assertThat(certificate.timeToIssue()).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void countsClockSkewBetweenServicesAsNoTime() {
        Certificate certificate = Certificate.issue(CertificateId.random(), completion.numberWith(1), completion,
                CompletionFixture.DECIDED_AT.minusMillis(300));

        assertThat(certificate.timeToIssue()).isZero();
    }

    @Test
    void refusesACohortThatEndsBeforeItStarts() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Cohort(new CohortId("c"), "BMM-2019-05", LocalDate.of(2019, 5, 18), LocalDate.of(2019, 5, 13)))
                .withMessage("end date must not be before start date");
    }

    @Test
    void refusesACourseWithoutHours() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Course("BMM", "Best Practices", 0))
                .withMessage("course hours must be positive");
    }

    @Test
    void refusesAHolderWithoutAName() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Holder(new ParticipantId("p"), " ", "BZ-POLICE"))
                .withMessage("holder name must not be blank");
    }

    @Test
    void refusesACompletionWhoseCourseCodeCouldNeverBeNumbered() {
        Completion valid = CompletionFixture.inspectorPascascioCompletedBmm();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Completion(valid.id(), valid.holder(), new Course("BMM 2019", "Best Practices", 40),
                        valid.cohort(), valid.decidedAt()))
                .withMessageContaining("course code");
    }

    @Test
    void refusesACompletionWithoutItsDecisionTime() {
        Completion valid = CompletionFixture.inspectorPascascioCompletedBmm();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Completion(valid.id(), valid.holder(), valid.course(), valid.cohort(), null))
                .withMessage("decided at is required");
    }

    @Test
    void refusesBlankIds() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CompletionId(""));
        assertThatIllegalArgumentException().isThrownBy(() -> new ParticipantId(null));
        assertThatIllegalArgumentException().isThrownBy(() -> new CohortId("  "));
    }

    @Test
    void listsNothingWithoutACohortOrAParticipant() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CertificateQuery(null, null));
        assertThat(new CertificateQuery(new CohortId("c"), null).cohortId()).isEqualTo(new CohortId("c"));
    }
}
