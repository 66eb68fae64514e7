package org.aula.certification.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.aula.certification.CertificationProperties;
import org.aula.certification.domain.AwardLocks;
import org.aula.certification.domain.Certificate;
import org.aula.certification.domain.Certificates;
import org.aula.certification.domain.Diploma;
import org.aula.certification.domain.DiplomaId;
import org.aula.certification.domain.AwardNumber;
import org.aula.certification.domain.Diplomas;
import org.aula.certification.domain.ParticipantId;
import org.aula.certification.domain.Programme;
import org.aula.certification.domain.Programmes;
import org.aula.certification.domain.Validity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Awards a programme's diploma to whoever holds unrevoked certificates for all its courses, once
 * per programme and participant, and announces it ({@code diploma.awarded}). Runs inside the
 * transaction that made the difference: the certificate's issue, or the programme's definition,
 * whichever came last.
 */
@Component
class AwardDiplomas {

    private static final Logger log = LoggerFactory.getLogger(AwardDiplomas.class);

    private final Programmes programmes;
    private final Certificates certificates;
    private final Diplomas diplomas;
    private final AwardLocks locks;
    private final CertificateEvents events;
    private final CertificateMetrics metrics;
    private final Clock clock;
    private final Validity validity;

    AwardDiplomas(Programmes programmes, Certificates certificates, Diplomas diplomas, AwardLocks locks,
            CertificateEvents events, CertificateMetrics metrics, Clock clock, CertificationProperties properties) {
        this.programmes = programmes;
        this.certificates = certificates;
        this.diplomas = diplomas;
        this.locks = locks;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
        this.validity = Validity.of(properties.credentialValidity());
    }

    /** After a certificate is issued; the caller holds the programmes (shared) and participant locks. */
    void afterIssuing(Certificate certificate) {
        for (Programme programme : programmes.requiring(certificate.course().code())) {
            award(programme, certificate.holder().participantId());
        }
    }

    /** After a programme is (re)defined; the caller holds the programmes lock exclusively. */
    int toHoldersOf(Programme programme) {
        int awarded = 0;
        for (ParticipantId participant : certificates.holdersOfAll(programme.requiredCourseCodes())) {
            locks.participant(participant);
            if (award(programme, participant)) {
                awarded++;
            }
        }
        return awarded;
    }

    private boolean award(Programme programme, ParticipantId participant) {
        if (diplomas.exists(programme.id(), participant)) {
            return false;
        }
        List<Certificate> held = certificates.unrevokedOf(participant);
        if (programme.qualifyingCertificates(held).isEmpty()) {
            return false;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Diploma diploma = Diploma.award(DiplomaId.random(),
                AwardNumber.diploma(programme.code(), now.atZone(ZoneOffset.UTC).getYear(), diplomas.nextSequence()),
                programme, held, now, validity);
        if (!diplomas.add(diploma)) {
            return false;
        }
        events.diplomaAwarded(diploma);
        metrics.countDiplomaAfterCommit(diploma);
        log.info("Awarded diploma {} ({}) of programme {} to participant {}", diploma.number(), diploma.id(),
                programme.id(), participant);
        return true;
    }
}
