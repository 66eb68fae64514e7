package org.aula.certification.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.aula.certification.domain.Certificate;
import org.aula.certification.domain.CertificateId;
import org.aula.certification.domain.Completion;
import org.aula.certification.domain.CompletionFixture;
import org.aula.certification.domain.Diploma;
import org.aula.certification.domain.DiplomaId;
import org.aula.certification.domain.AwardNumber;
import org.aula.certification.domain.Programme;
import org.aula.certification.domain.ProgrammeId;
import org.aula.certification.domain.Validity;
import org.aula.events.CertificateIssued;
import org.aula.events.CertificateRevoked;
import org.aula.events.DiplomaAwarded;
import org.aula.events.DiplomaRevoked;
import org.aula.events.EventCatalog;
import org.junit.jupiter.api.Test;

class OutboxCertificateEventsTest {

    @Test
    void publishesEverythingTheCertificateAttestsKeyedByItsHolder() {
        Completion completion = CompletionFixture.inspectorPascascioCompletedBmm();
        Certificate certificate = Certificate.issue(CertificateId.random(), completion.numberWith(12), completion,
                Instant.parse("2019-05-20T09:00:00Z"), CompletionFixture.ENTRY, Validity.UNLIMITED);
        URI link = URI.create("https://verify.aula.example/certificates/AULA-BMM-2019-000012/verification");

        CertificateIssued event = OutboxCertificateEvents.certificateIssued(certificate, link);

        assertThat(event).isEqualTo(new CertificateIssued(certificate.id().toString(), "AULA-BMM-2019-000012",
                completion.id().value(), completion.holder().participantId().value(), "Constant Pascascio", "BZ-POLICE",
                "BMM", "Best Practices in Migration Management", 40, completion.cohort().id().value(), "BMM-2019-05",
                CompletionFixture.START, CompletionFixture.END, Instant.parse("2019-05-20T09:00:00Z"), link.toString()));
        assertThat(event.key()).isEqualTo(completion.holder().participantId().value());
        assertThat(event.catalogEntry()).isEqualTo(EventCatalog.CERTIFICATE_ISSUED);
    }

    @Test
    void publishesARevocationWithItsReasonKeyedByTheHolder() {
        Completion completion = CompletionFixture.inspectorPascascioCompletedBmm();
        Certificate revoked = Certificate.issue(CertificateId.random(), completion.numberWith(12), completion,
                Instant.parse("2019-05-20T09:00:00Z"), CompletionFixture.ENTRY, Validity.UNLIMITED)
                .revoke("Issued in error", Instant.parse("2019-06-01T10:00:00Z"));

        CertificateRevoked event = OutboxCertificateEvents.certificateRevoked(revoked);

        assertThat(event).isEqualTo(new CertificateRevoked(revoked.id().toString(), "AULA-BMM-2019-000012",
                completion.holder().participantId().value(), "BMM", completion.cohort().id().value(), "BMM-2019-05",
                "Issued in error", Instant.parse("2019-06-01T10:00:00Z")));
        assertThat(event.key()).isEqualTo(completion.holder().participantId().value());
    }

    @Test
    void publishesADiplomaWithTheCertificatesThatEarnedIt() {
        Completion completion = CompletionFixture.inspectorPascascioCompletedBmm();
        Certificate certificate = Certificate.issue(CertificateId.random(), completion.numberWith(12), completion,
                Instant.parse("2019-05-20T09:00:00Z"), CompletionFixture.ENTRY, Validity.UNLIMITED);
        Programme programme = new Programme(new ProgrammeId("programme-1"), "MMG", "University Diploma in Migration Management",
                "University of Belize", List.of("BMM"), Instant.parse("2019-01-01T00:00:00Z"));
        Diploma diploma = Diploma.award(DiplomaId.random(), AwardNumber.diploma("MMG", 2019, 1), programme, List.of(certificate),
                Instant.parse("2019-06-01T10:00:00Z"), Validity.UNLIMITED);
        URI link = URI.create("https://verify.aula.example/diplomas/AULA-DIPLOMA-MMG-2019-000001/verification");

        DiplomaAwarded event = OutboxCertificateEvents.diplomaAwarded(diploma, link);

        assertThat(event).isEqualTo(new DiplomaAwarded(diploma.id().toString(), "AULA-DIPLOMA-MMG-2019-000001", "MMG",
                "University Diploma in Migration Management", completion.holder().participantId().value(), "Constant Pascascio",
                "BZ-POLICE", List.of("AULA-BMM-2019-000012"), Instant.parse("2019-06-01T10:00:00Z"), link.toString()));
        assertThat(event.catalogEntry()).isEqualTo(EventCatalog.DIPLOMA_AWARDED);
    }

    @Test
    void publishesAFallenDiplomaWithTheCertificateItReliedOnAndTheReason() {
        Completion completion = CompletionFixture.inspectorPascascioCompletedBmm();
        Certificate certificate = Certificate.issue(CertificateId.random(), completion.numberWith(12), completion,
                Instant.parse("2019-05-20T09:00:00Z"), CompletionFixture.ENTRY, Validity.UNLIMITED);
        Programme programme = new Programme(new ProgrammeId("programme-1"), "MMG", "University Diploma in Migration Management",
                "University of Belize", List.of("BMM"), Instant.parse("2019-01-01T00:00:00Z"));
        Diploma diploma = Diploma.award(DiplomaId.random(), AwardNumber.diploma("MMG", 2019, 1), programme, List.of(certificate),
                Instant.parse("2019-06-01T10:00:00Z"), Validity.UNLIMITED);
        Instant revokedAt = Instant.parse("2019-06-10T09:15:00Z");
        Certificate revokedCertificate = certificate.revoke("Completion revised to NOT_COMPLETED (revision 1): corrected", revokedAt);

        DiplomaRevoked event = OutboxCertificateEvents.diplomaRevokedEvent(diploma.revokeWith(revokedCertificate, revokedAt),
                revokedCertificate);

        assertThat(event).isEqualTo(new DiplomaRevoked(diploma.id().toString(), "AULA-DIPLOMA-MMG-2019-000001", "MMG",
                completion.holder().participantId().value(), "AULA-BMM-2019-000012",
                "Certificate AULA-BMM-2019-000012 was revoked: Completion revised to NOT_COMPLETED (revision 1): corrected",
                revokedAt));
        assertThat(event.catalogEntry()).isEqualTo(EventCatalog.DIPLOMA_REVOKED);
        assertThat(event.key()).isEqualTo(completion.holder().participantId().value());
    }
}
