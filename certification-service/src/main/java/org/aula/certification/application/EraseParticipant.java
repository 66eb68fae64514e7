package org.aula.certification.application;

import java.time.Instant;

import org.aula.certification.CertificationProperties;
import org.aula.certification.domain.AwardLocks;
import org.aula.certification.domain.Certificates;
import org.aula.certification.domain.Diplomas;
import org.aula.certification.domain.ErasedParticipants;
import org.aula.certification.domain.ParticipantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A participant's personal data was erased: their name on every certificate and diploma gives
 * way to the pseudonym, and certificates issued later are made out to it too. What verification
 * needs stays: number, course, cohort, dates, institution, status, and the opaque participant id.
 */
@Service
public class EraseParticipant {

    private static final Logger log = LoggerFactory.getLogger(EraseParticipant.class);

    private final ErasedParticipants erasedParticipants;
    private final Certificates certificates;
    private final Diplomas diplomas;
    private final AwardLocks locks;
    private final CertificateEvents events;
    private final String pseudonym;

    EraseParticipant(ErasedParticipants erasedParticipants, Certificates certificates, Diplomas diplomas, AwardLocks locks,
            CertificateEvents events, CertificationProperties properties) {
        this.events = events;
        this.erasedParticipants = erasedParticipants;
        this.certificates = certificates;
        this.diplomas = diplomas;
        this.locks = locks;
        this.pseudonym = properties.erasedHolderName();
    }

    @Transactional
    public void erase(ParticipantId participant, Instant erasedAt) {
        // Ordered against a certificate being issued to the same participant right now.
        locks.participant(participant);
        erasedParticipants.record(participant, erasedAt);
        int certificatesChanged = certificates.pseudonymiseHolder(participant, pseudonym, erasedAt);
        int diplomasChanged = diplomas.pseudonymiseHolder(participant, pseudonym, erasedAt);
        int payloadsChanged = events.forgetName(participant, pseudonym);
        log.info("Erased participant {}: name replaced on {} certificates, {} diplomas and {} stored event payloads",
                participant, certificatesChanged, diplomasChanged, payloadsChanged);
    }
}
