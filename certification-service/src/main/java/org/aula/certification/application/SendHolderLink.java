package org.aula.certification.application;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.aula.certification.domain.AwardLocks;
import org.aula.certification.domain.AwardNumber;
import org.aula.certification.domain.Certificate;
import org.aula.certification.domain.CertificateRefused;
import org.aula.certification.domain.Certificates;
import org.aula.certification.domain.HolderLink;
import org.aula.certification.domain.HolderLinks;
import org.aula.certification.domain.HolderToken;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff give a certificate's holder a link to their copy, with a reason (and an optional expiry),
 * or re-send it: a re-send revokes every earlier link of the certificate and makes a new one. Each
 * publishes {@code holder-link.sent} (never the token) in the same transaction. The token is
 * answered once, to the caller; only its hash is kept. A revoked certificate gets no new link.
 */
@Service
public class SendHolderLink {

    private static final Logger log = LoggerFactory.getLogger(SendHolderLink.class);

    private final Certificates certificates;
    private final HolderLinks links;
    private final AwardLocks locks;
    private final CertificateEvents events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SendHolderLink(Certificates certificates, HolderLinks links, AwardLocks locks, CertificateEvents events, Clock clock) {
        this.certificates = certificates;
        this.links = links;
        this.locks = locks;
        this.events = events;
        this.clock = clock;
    }

    /** A link just made, with the token that opens it (known only to this answer). */
    public record Sent(Certificate certificate, HolderLink link, HolderToken token) {
    }

    /** A new link beside any the certificate has. */
    @Transactional
    public Sent send(AwardNumber number, String reason, @Nullable Instant expiresAt, String by) {
        return make(number, reason, expiresAt, by, false);
    }

    /** A new link in place of every earlier one, which no longer opens. */
    @Transactional
    public Sent resend(AwardNumber number, String reason, @Nullable Instant expiresAt, String by) {
        return make(number, reason, expiresAt, by, true);
    }

    private Sent make(AwardNumber number, String reason, @Nullable Instant expiresAt, String by, boolean replacing) {
        Certificate certificate = certificates.withNumber(number)
                .orElseThrow(() -> CertificateRefused.unknownCertificate(number.value()));
        // Under the participant lock, as every event keyed by the participant is appended.
        locks.participant(certificate.holder().participantId());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (certificate.revocation() != null) {
            throw CertificateRefused.revokedCertificate(certificate.number());
        }
        if (replacing) {
            for (HolderLink earlier : links.unrevokedOf(certificate.id())) {
                links.revoke(earlier.id(), now, by, "Replaced by a re-sent link: " + reason);
            }
        }
        HolderToken token = HolderToken.generate(random);
        // Stored in microseconds: the answer and the event say what is stored.
        HolderLink link = HolderLink.make(certificate.id(), token, now, by, reason,
                expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MICROS));
        links.add(link);
        events.holderLinkSent(certificate, link, replacing);
        // Neither the token nor the reason (free text) goes to the log.
        log.info("{} holder link {} for certificate {}", replacing ? "Re-sent" : "Made", link.id(), certificate.number());
        return new Sent(certificate, link, token);
    }
}
