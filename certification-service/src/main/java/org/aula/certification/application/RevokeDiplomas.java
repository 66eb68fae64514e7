package org.aula.certification.application;

import java.time.Instant;

import org.aula.certification.domain.Certificate;
import org.aula.certification.domain.Diploma;
import org.aula.certification.domain.Diplomas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Revokes the standing diplomas that relied on a certificate just revoked, each once, and
 * announces each ({@code diploma.revoked}). Runs inside the transaction that revoked the
 * certificate, under the participant's lock, so no diploma is awarded from it meanwhile.
 */
@Component
class RevokeDiplomas {

    private static final Logger log = LoggerFactory.getLogger(RevokeDiplomas.class);

    private final Diplomas diplomas;
    private final CertificateEvents events;
    private final CertificateMetrics metrics;

    RevokeDiplomas(Diplomas diplomas, CertificateEvents events, CertificateMetrics metrics) {
        this.diplomas = diplomas;
        this.events = events;
        this.metrics = metrics;
    }

    /** @return how many diplomas fell */
    int afterRevoking(Certificate revoked, Instant at) {
        int fallen = 0;
        for (Diploma diploma : diplomas.heldBy(revoked.holder().participantId())) {
            if (diploma.isRevoked() || !diploma.reliesOn(revoked.number())) {
                continue;
            }
            Diploma revokedDiploma = diploma.revokeWith(revoked, at);
            if (!diplomas.recordRevocation(revokedDiploma)) {
                continue;
            }
            events.diplomaRevoked(revokedDiploma, revoked);
            metrics.countDiplomaRevocationAfterCommit(revokedDiploma);
            log.info("Revoked diploma {} ({}) of participant {}: it relied on revoked certificate {}", diploma.number(),
                    diploma.id(), diploma.holder().participantId(), revoked.number());
            fallen++;
        }
        return fallen;
    }
}
