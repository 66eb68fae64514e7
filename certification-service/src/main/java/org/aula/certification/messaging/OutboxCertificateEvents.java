package org.aula.certification.messaging;

import java.net.URI;

import org.aula.certification.application.CertificateEvents;
import org.aula.certification.application.VerificationLinks;
import org.aula.certification.domain.Certificate;
import org.aula.events.CertificateIssued;
import org.aula.events.runtime.Outbox;
import org.springframework.stereotype.Component;

/** The one place a certificate becomes a published fact: mapped to the contract, appended to the outbox. */
@Component
class OutboxCertificateEvents implements CertificateEvents {

    private final Outbox outbox;
    private final VerificationLinks links;

    OutboxCertificateEvents(Outbox outbox, VerificationLinks links) {
        this.outbox = outbox;
        this.links = links;
    }

    @Override
    public void issued(Certificate certificate) {
        outbox.append(certificateIssued(certificate, links.of(certificate.number())));
    }

    static CertificateIssued certificateIssued(Certificate certificate, URI verificationUrl) {
        return new CertificateIssued(
                certificate.id().value().toString(),
                certificate.number().value(),
                certificate.completion().id().value(),
                certificate.holder().participantId().value(),
                certificate.holder().name(),
                certificate.holder().institutionCode(),
                certificate.course().code(),
                certificate.course().title(),
                certificate.course().hours(),
                certificate.cohort().id().value(),
                certificate.cohort().code(),
                certificate.cohort().startDate(),
                certificate.cohort().endDate(),
                certificate.issuedAt(),
                verificationUrl.toString());
    }
}
