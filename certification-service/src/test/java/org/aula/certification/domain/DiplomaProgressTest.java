package org.aula.certification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class DiplomaProgressTest {

    private static final Instant AWARDED = Instant.parse("2019-11-30T12:00:00Z");
    private final ParticipantId pascascio = new ParticipantId(UUID.randomUUID().toString());
    private final Programme migrationManagement = new Programme(new ProgrammeId("p-1"), "MMG",
            "University Diploma in Migration Management", "University of Belize", List.of("BMM", "IBM", "HRB"),
            Instant.parse("2019-01-01T00:00:00Z"));

    @Test
    void showsTheCoursesDoneWithTheirCertificateAndThoseThatRemain() {
        Certificate bmm = certificate(pascascio, "BMM", 1, Instant.parse("2019-05-20T09:00:00Z"));

        DiplomaProgress progress = DiplomaProgress.of(migrationManagement, pascascio, List.of(bmm), List.of());

        assertThat(progress.done()).extracting(DiplomaProgress.RequiredCourse::courseCode).containsExactly("BMM");
        assertThat(progress.done().get(0).certificate()).isEqualTo(bmm);
        assertThat(progress.remaining()).extracting(DiplomaProgress.RequiredCourse::courseCode).containsExactly("IBM", "HRB");
        assertThat(progress.complete()).isFalse();
        assertThat(progress.diploma()).isNull();
    }

    @Test
    void aRevokedCertificateOrAnotherParticipantsDoesNotCount() {
        Certificate revoked = certificate(pascascio, "BMM", 1, Instant.parse("2019-05-20T09:00:00Z"))
                .revoke("Completion revised to NOT_COMPLETED (revision 1): corrected", Instant.parse("2019-06-01T09:00:00Z"));
        Certificate someoneElses = certificate(new ParticipantId("other"), "IBM", 2, Instant.parse("2019-06-20T09:00:00Z"));

        DiplomaProgress progress = DiplomaProgress.of(migrationManagement, pascascio, List.of(revoked, someoneElses), List.of());

        assertThat(progress.done()).isEmpty();
        assertThat(progress.remaining()).hasSize(3);
    }

    @Test
    void isCompleteWithEveryCourseAndNamesTheStandingDiplomaOnly() {
        List<Certificate> held = List.of(certificate(pascascio, "BMM", 1, Instant.parse("2019-05-20T09:00:00Z")),
                certificate(pascascio, "IBM", 2, Instant.parse("2019-09-20T09:00:00Z")),
                certificate(pascascio, "HRB", 3, Instant.parse("2019-11-29T09:00:00Z")));
        Diploma standing = Diploma.award(DiplomaId.random(), AwardNumber.diploma("MMG", 2019, 1), migrationManagement,
                held, AWARDED, Validity.UNLIMITED);
        Diploma revoked = Diploma.award(DiplomaId.random(), AwardNumber.diploma("MMG", 2019, 2), migrationManagement,
                held, AWARDED, Validity.UNLIMITED).revokeWith(held.get(0).revoke("error", AWARDED), AWARDED);

        assertThat(DiplomaProgress.of(migrationManagement, pascascio, held, List.of(revoked, standing)).diploma())
                .isEqualTo(standing);
        DiplomaProgress withoutDiploma = DiplomaProgress.of(migrationManagement, pascascio, held, List.of(revoked));
        assertThat(withoutDiploma.complete()).isTrue();
        assertThat(withoutDiploma.diploma()).as("a revoked diploma is not shown as held").isNull();
    }

    @Test
    void aProgrammeThatRequiresNothingIsNeverComplete() {
        Programme draft = new Programme(new ProgrammeId("p-2"), "DRAFT", "A programme in the making", "University of Belize",
                List.of(), Instant.now());

        assertThat(DiplomaProgress.of(draft, pascascio, List.of(), List.of()).complete()).isFalse();
    }

    @Test
    void refusesACertificateOfAnotherCourse() {
        Certificate bmm = certificate(pascascio, "BMM", 1, Instant.parse("2019-05-20T09:00:00Z"));

        assertThatIllegalArgumentException().isThrownBy(() -> new DiplomaProgress.RequiredCourse("IBM", bmm))
                .withMessageContaining("course IBM");
    }

    private static Certificate certificate(ParticipantId holder, String course, int sequence, Instant issuedAt) {
        Completion completion = new Completion(new CompletionId(UUID.randomUUID().toString()),
                new Holder(holder, "Constant Pascascio", "BZ-POLICE"), new Course(course, course + " course", 40),
                new Cohort(new CohortId(UUID.randomUUID().toString()), course + "-2019", LocalDate.of(2019, 5, 13),
                        LocalDate.of(2019, 5, 18)),
                "attendance-80-v1", List.of(), issuedAt.minusSeconds(3600));
        return Certificate.issue(CertificateId.random(), completion.numberWith(sequence), completion, issuedAt,
                new StatusListEntry(1, sequence), Validity.UNLIMITED);
    }
}
