package org.aula.certification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class CertificateTest {

    private final Completion completion = CompletionFixture.inspectorPascascioCompletedBmm();

    private Certificate issuedAt(Instant issuedAt, Validity validity) {
        return Certificate.issue(CertificateId.random(), completion.numberWith(7), completion, issuedAt, CompletionFixture.ENTRY, validity);
    }

    @Test
    void isNumberedForItsCourseAndTheYearItsCohortEnded() {
        Certificate certificate = Certificate.issue(CertificateId.random(), completion.numberWith(7), completion,
                Instant.parse("2019-05-20T09:00:00Z"), CompletionFixture.ENTRY, Validity.UNLIMITED);

        assertThat(certificate.number().value()).isEqualTo("AULA-BMM-2019-000007");
        assertThat(certificate.holder().name()).isEqualTo("Constant Pascascio");
        assertThat(certificate.statusAt(Instant.parse("2030-01-01T00:00:00Z"))).isEqualTo(CertificateStatus.VALID);
    }

    @Test
    void refusesANumberDrawnForAnotherCourse() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Certificate.issue(CertificateId.random(), AwardNumber.certificate("MIG", 2019, 7),
                        completion, Instant.now(), CompletionFixture.ENTRY, Validity.UNLIMITED))
                .withMessageContaining("not for course BMM");
    }

    @Test
    void refusesANumberOfAnotherYear() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Certificate.issue(CertificateId.random(), AwardNumber.certificate("BMM", 2020, 7),
                        completion, Instant.now(), CompletionFixture.ENTRY, Validity.UNLIMITED))
                .withMessageContaining("year");
    }

    @Test
    void takesTimeToIssueFromTheCompletionDecision() {
        Certificate certificate = Certificate.issue(CertificateId.random(), completion.numberWith(1), completion,
                CompletionFixture.DECIDED_AT.plus(Duration.ofMinutes(90)), CompletionFixture.ENTRY, Validity.UNLIMITED);

        assertThat(certificate.timeToIssue()).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void countsClockSkewBetweenServicesAsNoTime() {
        Certificate certificate = Certificate.issue(CertificateId.random(), completion.numberWith(1), completion,
                CompletionFixture.DECIDED_AT.minusMillis(300), CompletionFixture.ENTRY, Validity.UNLIMITED);

        assertThat(certificate.timeToIssue()).isZero();
    }

    @Test
    void isRevokedOnceWithItsReasonAndTime() {
        Certificate issued = issuedAt(Instant.parse("2019-05-20T09:00:00Z"), Validity.UNLIMITED);
        Instant revokedAt = Instant.parse("2020-02-01T10:00:00Z");

        Certificate revoked = issued.revoke("Attendance records were falsified", revokedAt);

        assertThat(revoked.statusAt(revokedAt.plusSeconds(1))).isEqualTo(CertificateStatus.REVOKED);
        assertThat(revoked.revocation()).isEqualTo(new Revocation("Attendance records were falsified", revokedAt));
        assertThat(issued.isRevoked()).isFalse();
        assertThatThrownBy(() -> revoked.revoke("again", revokedAt.plusSeconds(60)))
                .isInstanceOfSatisfying(CertificateRefused.class,
                        refusal -> assertThat(refusal.reason()).isEqualTo(CertificateRefused.Reason.ALREADY_REVOKED))
                .hasMessageContaining(revoked.number().value());
    }

    @Test
    void refusesARevocationWithoutAReasonOrWithAnEssay() {
        Certificate issued = issuedAt(Instant.parse("2019-05-20T09:00:00Z"), Validity.UNLIMITED);

        assertThatIllegalArgumentException().isThrownBy(() -> issued.revoke(" ", Instant.now()))
                .withMessage("revocation reason is required");
        assertThatIllegalArgumentException().isThrownBy(() -> issued.revoke("x".repeat(501), Instant.now()))
                .withMessageContaining("at most 500");
    }

    @Test
    void expiresAtTheEndOfAConfiguredValidityAndNeverWithout() {
        Instant issuedAt = Instant.parse("2019-05-20T09:00:00Z");
        Certificate forThreeYears = issuedAt(issuedAt, Validity.of(Duration.ofDays(3 * 365)));
        Certificate forEver = issuedAt(issuedAt, Validity.UNLIMITED);
        Instant end = issuedAt.plus(Duration.ofDays(3 * 365));

        assertThat(forThreeYears.validUntil()).isEqualTo(end);
        assertThat(forThreeYears.statusAt(end.minusSeconds(1))).isEqualTo(CertificateStatus.VALID);
        assertThat(forThreeYears.statusAt(end)).isEqualTo(CertificateStatus.EXPIRED);
        assertThat(forEver.validUntil()).isNull();
        assertThat(forEver.statusAt(Instant.parse("2999-01-01T00:00:00Z"))).isEqualTo(CertificateStatus.VALID);
    }

    @Test
    void saysRevokedRatherThanExpiredWhenBoth() {
        Instant issuedAt = Instant.parse("2019-05-20T09:00:00Z");
        Certificate revoked = issuedAt(issuedAt, Validity.of(Duration.ofDays(1))).revoke("Issued in error", issuedAt.plusSeconds(60));

        assertThat(revoked.statusAt(issuedAt.plus(Duration.ofDays(30)))).isEqualTo(CertificateStatus.REVOKED);
    }

    @Test
    void refusesAValidityThatIsNoPeriod() {
        assertThatIllegalArgumentException().isThrownBy(() -> Validity.of(Duration.ZERO));
        assertThat(Validity.of(null)).isSameAs(Validity.UNLIMITED);
    }

    @Test
    void keepsWhatVerificationNeedsWhenTheHolderIsPseudonymised() {
        Holder erased = completion.holder().pseudonymised("Erased participant");

        assertThat(erased.name()).isEqualTo("Erased participant");
        assertThat(erased.participantId()).isEqualTo(completion.holder().participantId());
        assertThat(erased.institutionCode()).isEqualTo("BZ-POLICE");
        assertThat(completion.madeOutTo(erased).course()).isEqualTo(completion.course());
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
                .withMessage("holder name is required");
    }

    @Test
    void refusesACompletionWhoseCourseCodeCouldNeverBeNumbered() {
        Completion valid = CompletionFixture.inspectorPascascioCompletedBmm();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Completion(valid.id(), valid.holder(), new Course("BMM 2019", "Best Practices", 40),
                        valid.cohort(), valid.ruleVersion(), valid.passedAssessments(), valid.decidedAt()))
                .withMessageContaining("course code");
    }

    @Test
    void refusesACompletionWithoutItsDecisionTime() {
        Completion valid = CompletionFixture.inspectorPascascioCompletedBmm();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Completion(valid.id(), valid.holder(), valid.course(), valid.cohort(), valid.ruleVersion(),
                        valid.passedAssessments(), null))
                .withMessage("decided at is required");
    }

    @Test
    void refusesBlankIds() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CompletionId(""));
        assertThatIllegalArgumentException().isThrownBy(() -> new ParticipantId(null));
        assertThatIllegalArgumentException().isThrownBy(() -> new CohortId("  "));
    }

    @Test
    void refusesACompletionWithoutItsRuleVersion() {
        Completion valid = CompletionFixture.inspectorPascascioCompletedBmm();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Completion(valid.id(), valid.holder(), valid.course(), valid.cohort(), "",
                        valid.passedAssessments(), valid.decidedAt()))
                .withMessage("rule version is required");
    }
}
