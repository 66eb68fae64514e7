package org.aula.certification.application;

import java.time.Clock;
import java.util.Optional;

import org.aula.certification.domain.Certificate;
import org.aula.certification.domain.Certificates;
import org.aula.certification.domain.HolderLinks;
import org.aula.certification.domain.HolderToken;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a holder's copy link opens: its one certificate, while the link is neither revoked nor
 * expired. A token that is malformed, unknown, revoked or expired opens nothing, and the caller
 * cannot tell which (one answer for all).
 */
@Service
public class OpenHolderCopy {

    private final HolderLinks links;
    private final Certificates certificates;
    private final Clock clock;

    OpenHolderCopy(HolderLinks links, Certificates certificates, Clock clock) {
        this.links = links;
        this.certificates = certificates;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<Certificate> open(String token) {
        return HolderToken.parse(token)
                .flatMap(parsed -> links.withTokenHash(parsed.hash()))
                .filter(link -> link.opensAt(clock.instant()))
                .flatMap(link -> certificates.withId(link.certificateId()));
    }
}
