package org.aula.certification.application;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.aula.certification.domain.AwardNumber;
import org.aula.certification.domain.Certificate;
import org.aula.certification.domain.CertificateRefused;
import org.aula.certification.domain.Certificates;
import org.aula.certification.domain.HolderLink;
import org.aula.certification.domain.HolderLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff revoke one holder's copy link, with a reason: it never opens again. Once only. */
@Service
public class RevokeHolderLink {

    private static final Logger log = LoggerFactory.getLogger(RevokeHolderLink.class);

    private final Certificates certificates;
    private final HolderLinks links;
    private final Clock clock;

    RevokeHolderLink(Certificates certificates, HolderLinks links, Clock clock) {
        this.certificates = certificates;
        this.links = links;
        this.clock = clock;
    }

    @Transactional
    public HolderLink revoke(AwardNumber number, UUID linkId, String reason, String by) {
        Certificate certificate = certificates.withNumber(number)
                .orElseThrow(() -> CertificateRefused.unknownCertificate(number.value()));
        HolderLink link = links.withId(linkId)
                .filter(found -> found.certificateId().equals(certificate.id()))
                .orElseThrow(() -> CertificateRefused.unknownHolderLink(linkId.toString(), number));
        if (!links.revoke(link.id(), clock.instant().truncatedTo(ChronoUnit.MICROS), by, reason)) {
            throw CertificateRefused.holderLinkAlreadyRevoked(linkId.toString());
        }
        log.info("Revoked holder link {} of certificate {}", link.id(), certificate.number());
        return links.withId(linkId).orElseThrow();
    }
}
