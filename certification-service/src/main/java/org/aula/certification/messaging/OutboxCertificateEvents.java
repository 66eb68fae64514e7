package org.aula.certification.messaging;

import java.net.URI;
import java.time.Clock;

import org.aula.certification.application.CertificateEvents;
import org.aula.certification.application.VerificationLinks;
import org.aula.certification.domain.Certificate;
import org.aula.certification.domain.CompletionCounts;
import org.aula.certification.domain.AwardNumber;
import org.aula.certification.domain.Diploma;
import org.aula.certification.domain.HolderLink;
import org.aula.certification.domain.ParticipantId;
import org.aula.certification.domain.Revocation;
import org.aula.events.CertificateIssued;
import org.aula.events.CertificateIssuedByHand;
import org.aula.events.HolderLinkSent;
import org.aula.events.CertificateRevoked;
import org.aula.events.CompletionCountsChanged;
import org.aula.events.DiplomaAwarded;
import org.aula.events.DiplomaRevoked;
import org.aula.events.runtime.Outbox;
import org.springframework.stereotype.Component;

/** The one place certificates, diplomas and completion counts become published facts: mapped to the contract, appended to the outbox. */
@Component
class OutboxCertificateEvents implements CertificateEvents {

    private final Outbox outbox;
    private final VerificationLinks links;
    private final Clock clock;

    OutboxCertificateEvents(Outbox outbox, VerificationLinks links, Clock clock) {
        this.outbox = outbox;
        this.links = links;
        this.clock = clock;
    }

    @Override
    public void completionCountsChanged(CompletionCounts counts) {
        outbox.append(new CompletionCountsChanged(counts.cohortId().value(), counts.cohortCode(), counts.courseCode(),
                counts.institutionCode(), counts.decided(), counts.completed(), counts.notCompleted(),
                counts.certificatesIssued(), counts.certificatesRevoked(), clock.instant()));
    }

    @Override
    public void issued(Certificate certificate) {
        outbox.append(certificateIssued(certificate, links.of(certificate.number())));
    }

    @Override
    public int forgetName(ParticipantId participant, String pseudonym) {
        return outbox.redact("participantId", participant.value(), "participantName", pseudonym);
    }

    @Override
    public void revoked(Certificate certificate) {
        outbox.append(certificateRevoked(certificate));
    }

    @Override
    public void issuedByHand(Certificate certificate, String issuedBy, String reason) {
        outbox.append(new CertificateIssuedByHand(
                certificate.id().value().toString(),
                certificate.number().value(),
                certificate.completion().id().value(),
                certificate.holder().participantId().value(),
                certificate.course().code(),
                certificate.cohort().id().value(),
                issuedBy,
                reason,
                certificate.issuedAt()));
    }

    @Override
    public void holderLinkSent(Certificate certificate, HolderLink link, boolean replacing) {
        outbox.append(holderLinkSentEvent(certificate, link, replacing));
    }

    /** What is published about a link: never its token, nor its hash. */
    static HolderLinkSent holderLinkSentEvent(Certificate certificate, HolderLink link, boolean replacing) {
        return new HolderLinkSent(
                certificate.id().value().toString(),
                certificate.number().value(),
                certificate.holder().participantId().value(),
                certificate.cohort().id().value(),
                link.id().toString(),
                link.reason(),
                replacing,
                link.createdAt(),
                link.expiresAt());
    }

    @Override
    public void diplomaAwarded(Diploma diploma) {
        outbox.append(diplomaAwarded(diploma, links.of(diploma.number())));
    }

    @Override
    public void diplomaRevoked(Diploma diploma, Certificate revokedCertificate) {
        outbox.append(diplomaRevokedEvent(diploma, revokedCertificate));
    }

    static DiplomaRevoked diplomaRevokedEvent(Diploma diploma, Certificate revokedCertificate) {
        Revocation revocation = diploma.revocation();
        if (revocation == null) {
            throw new IllegalArgumentException("diploma " + diploma.number() + " is not revoked");
        }
        return new DiplomaRevoked(
                diploma.id().value().toString(),
                diploma.number().value(),
                diploma.programme().code(),
                diploma.holder().participantId().value(),
                revokedCertificate.number().value(),
                revocation.reason(),
                revocation.revokedAt());
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

    static CertificateRevoked certificateRevoked(Certificate certificate) {
        Revocation revocation = certificate.revocation();
        if (revocation == null) {
            throw new IllegalArgumentException("certificate " + certificate.number() + " is not revoked");
        }
        return new CertificateRevoked(
                certificate.id().value().toString(),
                certificate.number().value(),
                certificate.holder().participantId().value(),
                certificate.course().code(),
                certificate.cohort().id().value(),
                certificate.cohort().code(),
                revocation.reason(),
                revocation.revokedAt());
    }

    static DiplomaAwarded diplomaAwarded(Diploma diploma, URI verificationUrl) {
        return new DiplomaAwarded(
                diploma.id().value().toString(),
                diploma.number().value(),
                diploma.programme().code(),
                diploma.programme().title(),
                diploma.holder().participantId().value(),
                diploma.holder().name(),
                diploma.holder().institutionCode(),
                diploma.certificateNumbers().stream().map(AwardNumber::value).toList(),
                diploma.awardedAt(),
                verificationUrl.toString());
    }
}
