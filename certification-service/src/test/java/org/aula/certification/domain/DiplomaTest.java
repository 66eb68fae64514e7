package org.aula.certification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class DiplomaTest {

    private static final Instant AWARDED = Instant.parse("2019-11-30T12:00:00Z");
    private final ParticipantId pascascio = new ParticipantId(UUID.randomUUID().toString());
    private final Programme migrationManagement = new Programme(new ProgrammeId("p-1"), "MMG",
            "University Diploma in Migration Management", "University of Belize", List.of("BMM", "IBM", "BMM"),
            Instant.parse("2019-01-01T00:00:00Z"));

    @Test
    void requiresEachCourseOnce() {
        assertThat(migrationManagement.requiredCourseCodes()).containsExactly("BMM", "IBM");
    }

    @Test
    void isEarnedByUnrevokedCertificatesForEveryRequiredCourse() {
        Certificate bmm = certificate("BMM", 1, Instant.parse("2019-05-20T09:00:00Z"));
        Certificate ibm = certificate("IBM", 2, Instant.parse("2019-11-29T09:00:00Z"));

        Diploma diploma = Diploma.award(DiplomaId.random(), AwardNumber.diploma("MMG", 2019, 1), migrationManagement,
                List.of(bmm, ibm), AWARDED, Validity.UNLIMITED);

        assertThat(diploma.number().value()).isEqualTo("AULA-DIPLOMA-MMG-2019-000001");
        assertThat(diploma.certificateNumbers()).containsExactly(bmm.number(), ibm.number());
        assertThat(diploma.holder()).isEqualTo(ibm.holder());
        assertThat(diploma.programme().title()).isEqualTo("University Diploma in Migration Management");
        assertThat(diploma.statusAt(AWARDED.plusSeconds(1))).isEqualTo(CertificateStatus.VALID);
    }

    @Test
    void isNotEarnedWhileACourseIsMissingOrItsCertificateRevoked() {
        Certificate bmm = certificate("BMM", 1, Instant.parse("2019-05-20T09:00:00Z"));
        Certificate revokedIbm = certificate("IBM", 2, Instant.parse("2019-11-29T09:00:00Z"))
                .revoke("Issued in error", Instant.parse("2019-11-29T10:00:00Z"));

        assertThat(migrationManagement.qualifyingCertificates(List.of(bmm))).isEmpty();
        assertThat(migrationManagement.qualifyingCertificates(List.of(bmm, revokedIbm))).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> Diploma.award(DiplomaId.random(),
                AwardNumber.diploma("MMG", 2019, 1), migrationManagement, List.of(bmm, revokedIbm), AWARDED, Validity.UNLIMITED));
    }

    @Test
    void cannotBeEarnedFromAProgrammeThatRequiresNothingYet() {
        Programme draft = new Programme(new ProgrammeId("p-2"), "DRAFT", "A programme in the making", "University of Belize",
                List.of(), Instant.now());

        assertThat(draft.qualifyingCertificates(List.of(certificate("BMM", 1, Instant.now())))).isEmpty();
    }

    @Test
    void refusesANumberOfAnotherProgrammeOrYear() {
        List<Certificate> held = List.of(certificate("BMM", 1, Instant.parse("2019-05-20T09:00:00Z")),
                certificate("IBM", 2, Instant.parse("2019-11-29T09:00:00Z")));

        assertThatIllegalArgumentException().isThrownBy(() -> Diploma.award(DiplomaId.random(),
                AwardNumber.diploma("XYZ", 2019, 1), migrationManagement, held, AWARDED, Validity.UNLIMITED));
        assertThatIllegalArgumentException().isThrownBy(() -> Diploma.award(DiplomaId.random(),
                AwardNumber.diploma("MMG", 2020, 1), migrationManagement, held, AWARDED, Validity.UNLIMITED));
    }

    @Test
    void expiresAfterAConfiguredValidity() {
        Diploma diploma = Diploma.award(DiplomaId.random(), AwardNumber.diploma("MMG", 2019, 3), migrationManagement,
                List.of(certificate("BMM", 1, Instant.parse("2019-05-20T09:00:00Z")),
                        certificate("IBM", 2, Instant.parse("2019-11-29T09:00:00Z"))),
                AWARDED, Validity.of(Duration.ofDays(10)));

        assertThat(diploma.statusAt(AWARDED.plus(Duration.ofDays(10)))).isEqualTo(CertificateStatus.EXPIRED);
    }

    @Test
    void readsBackTheNumberItPrints() {
        assertThat(AwardNumber.parseDiploma("AULA-DIPLOMA-MMG-2019-000042")).contains(AwardNumber.diploma("MMG", 2019, 42));
        assertThat(AwardNumber.parseDiploma("AULA-BMM-2019-000042")).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> new Programme(new ProgrammeId("p"), "M M", "t", "u",
                List.of("BMM"), Instant.now())).withMessageContaining("programme code");
    }

    @Test
    void fallsOnceWithACertificateItReliedOnAndSaysWhy() {
        Certificate bmm = certificate("BMM", 1, Instant.parse("2019-05-20T09:00:00Z"));
        Certificate ibm = certificate("IBM", 2, Instant.parse("2019-11-29T09:00:00Z"));
        Diploma diploma = Diploma.award(DiplomaId.random(), AwardNumber.diploma("MMG", 2019, 4), migrationManagement,
                List.of(bmm, ibm), AWARDED, Validity.UNLIMITED);
        Instant revokedAt = AWARDED.plus(Duration.ofDays(3));
        Certificate revokedBmm = bmm.revoke("Completion revised to NOT_COMPLETED (revision 1): register corrected", revokedAt);

        Diploma revoked = diploma.revokeWith(revokedBmm, revokedAt);

        assertThat(revoked.statusAt(revokedAt.plusSeconds(1))).isEqualTo(CertificateStatus.REVOKED);
        assertThat(revoked.revocation().reason()).isEqualTo("Certificate " + bmm.number().value()
                + " was revoked: Completion revised to NOT_COMPLETED (revision 1): register corrected");
        assertThat(revoked.revocation().revokedAt()).isEqualTo(revokedAt);
        assertThat(diploma.isRevoked()).as("the diploma as it stood is unchanged").isFalse();
        assertThatThrownBy(() -> revoked.revokeWith(revokedBmm, revokedAt.plusSeconds(5)))
                .isInstanceOfSatisfying(CertificateRefused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(CertificateRefused.Reason.ALREADY_REVOKED));
    }

    @Test
    void fallsOnlyWithARevokedCertificateItReliedOn() {
        Certificate bmm = certificate("BMM", 1, Instant.parse("2019-05-20T09:00:00Z"));
        Certificate ibm = certificate("IBM", 2, Instant.parse("2019-11-29T09:00:00Z"));
        Diploma diploma = Diploma.award(DiplomaId.random(), AwardNumber.diploma("MMG", 2019, 5), migrationManagement,
                List.of(bmm, ibm), AWARDED, Validity.UNLIMITED);
        Certificate unrelated = certificate("XYZ", 3, AWARDED).revoke("Issued in error", AWARDED);

        assertThatIllegalArgumentException().isThrownBy(() -> diploma.revokeWith(bmm, AWARDED))
                .withMessageContaining("is not revoked");
        assertThatIllegalArgumentException().isThrownBy(() -> diploma.revokeWith(unrelated, AWARDED))
                .withMessageContaining("does not rely on");
        assertThat(diploma.reliesOn(ibm.number())).isTrue();
    }

    private Certificate certificate(String course, int sequence, Instant issuedAt) {
        Completion completion = new Completion(new CompletionId(UUID.randomUUID().toString()),
                new Holder(pascascio, "Constant Pascascio", "BZ-POLICE"), new Course(course, course + " course", 40),
                new Cohort(new CohortId(UUID.randomUUID().toString()), course + "-2019", LocalDate.of(2019, 5, 13),
                        LocalDate.of(2019, 5, 18)),
                "attendance-80-v1", List.of(), issuedAt.minusSeconds(3600));
        return Certificate.issue(CertificateId.random(), completion.numberWith(sequence), completion, issuedAt,
                new StatusListEntry(1, sequence), Validity.UNLIMITED);
    }
}
