package org.aula.certification.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;

import org.aula.certification.domain.Certificate;
import org.aula.certification.domain.CertificateId;
import org.aula.certification.domain.Completion;
import org.aula.certification.domain.CompletionFixture;
import org.aula.events.CertificateIssued;
import org.aula.events.EventCatalog;
import org.junit.jupiter.api.Test;

class OutboxCertificateEventsTest {

    @Test
    void publishesEverythingTheCertificateAttestsKeyedByItsHolder() {
        Completion completion = CompletionFixture.inspectorPascascioCompletedBmm();
        Certificate certificate = Certificate.issue(CertificateId.random(), completion.numberWith(12), completion,
                Instant.parse("2019-05-20T09:00:00Z"));
        URI link = URI.create("https://verify.aula.example/certificates/AULA-BMM-2019-000012/verification");

        CertificateIssued event = OutboxCertificateEvents.certificateIssued(certificate, link);

        assertThat(event).isEqualTo(new CertificateIssued(certificate.id().toString(), "AULA-BMM-2019-000012",
                completion.id().value(), completion.holder().participantId().value(), "Constant Pascascio", "BZ-POLICE",
                "BMM", "Best Practices in Migration Management", 40, completion.cohort().id().value(), "BMM-2019-05",
                CompletionFixture.START, CompletionFixture.END, Instant.parse("2019-05-20T09:00:00Z"), link.toString()));
        assertThat(event.key()).isEqualTo(completion.holder().participantId().value());
        assertThat(event.catalogEntry()).isEqualTo(EventCatalog.CERTIFICATE_ISSUED);
    }
}
