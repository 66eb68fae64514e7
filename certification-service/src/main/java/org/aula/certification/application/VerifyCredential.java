package org.aula.certification.application;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.aula.certification.domain.Certificate;
import org.aula.certification.domain.CertificateId;
import org.aula.certification.domain.CertificateStatus;
import org.aula.certification.domain.Certificates;
import org.aula.certification.domain.Diploma;
import org.aula.certification.domain.DiplomaId;
import org.aula.certification.domain.Diplomas;
import org.aula.certification.domain.StatusListEntry;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.nimbusds.jwt.JWTClaimsSet;

/**
 * Verifies a presented credential as any verifier would: the signature against the published
 * keys, the dates, and the status list; then says what Aula knows of it. A token that fails a
 * check is INVALID; a genuine one is VALID, REVOKED or EXPIRED.
 */
@Component
public class VerifyCredential {

    /** Tolerated clock difference between the verifier and whoever signed. */
    static final Duration SKEW = Duration.ofMinutes(1);

    private final VcJwt jwt;
    private final VerificationLinks links;
    private final Certificates certificates;
    private final Diplomas diplomas;
    private final Clock clock;

    public VerifyCredential(VcJwt jwt, VerificationLinks links, Certificates certificates, Diplomas diplomas, Clock clock) {
        this.jwt = jwt;
        this.links = links;
        this.certificates = certificates;
        this.diplomas = diplomas;
        this.clock = clock;
    }

    /** The verdict on a VC-JWT. */
    public sealed interface Verdict {
    }

    /** A genuine certificate credential and where the certificate stands. */
    public record OfCertificate(CertificateStatus status, Certificate certificate) implements Verdict {
    }

    /** A genuine diploma credential and where the diploma stands. */
    public record OfDiploma(CertificateStatus status, Diploma diploma) implements Verdict {
    }

    /** Not a credential Aula signed, or not one that may be relied on (tampered, not yet valid). */
    public record Invalid(String reason) implements Verdict {
    }

    /** Signed by Aula, but for nothing Aula holds (e.g. a database restored from an older backup). */
    public record Unknown(String credentialId) implements Verdict {
    }

    public Verdict verify(String token) {
        JWTClaimsSet claims;
        try {
            claims = jwt.verify(token);
        } catch (VcJwt.Refused refused) {
            return new Invalid(refused.getMessage());
        }
        if (!links.issuerId().equals(claims.getIssuer())) {
            return new Invalid("the token names another issuer (iss)");
        }
        if (!(claims.getClaim("type") instanceof List<?> types) || !types.contains("OpenBadgeCredential")) {
            return new Invalid("not an OpenBadgeCredential");
        }
        Instant now = clock.instant();
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore == null || notBefore.toInstant().isAfter(now.plus(SKEW))) {
            return new Invalid("not valid yet (nbf)");
        }
        Optional<UUID> id = uuidOf(claims.getJWTID());
        if (id.isEmpty()) {
            return new Invalid("the credential id (jti) is not a urn:uuid");
        }
        boolean expired = claims.getExpirationTime() != null && !now.isBefore(claims.getExpirationTime().toInstant());
        Optional<Certificate> certificate = certificates.withId(new CertificateId(id.get()));
        if (certificate.isPresent()) {
            Verdict revoked = revocationOf(claims, certificate.get());
            if (revoked != null) {
                return revoked;
            }
            return new OfCertificate(expired ? CertificateStatus.EXPIRED : CertificateStatus.VALID, certificate.get());
        }
        Optional<Diploma> diploma = diplomas.withId(new DiplomaId(id.get()));
        if (diploma.isPresent()) {
            return new OfDiploma(expired ? CertificateStatus.EXPIRED : CertificateStatus.VALID, diploma.get());
        }
        return new Unknown(claims.getJWTID());
    }

    /** REVOKED when the credential's status list entry is set, INVALID when the entry is not ours; else null. */
    private @Nullable Verdict revocationOf(JWTClaimsSet claims, Certificate certificate) {
        Map<String, Object> status;
        try {
            status = claims.getJSONObjectClaim("credentialStatus");
        } catch (ParseException e) {
            return new Invalid("credentialStatus is not an object");
        }
        if (status == null) {
            return certificate.isRevoked() ? new OfCertificate(CertificateStatus.REVOKED, certificate) : null;
        }
        if (!"revocation".equals(status.get("statusPurpose")) || !(status.get("statusListCredential") instanceof String list)
                || !(status.get("statusListIndex") instanceof String index)) {
            return new Invalid("credentialStatus is not a revocation BitstringStatusListEntry");
        }
        int listId = links.statusListIdOf(list);
        StatusListEntry entry;
        try {
            entry = new StatusListEntry(listId, Integer.parseInt(index));
        } catch (IllegalArgumentException notAnEntry) {
            return new Invalid("credentialStatus points outside this issuer's status lists");
        }
        return certificates.isRevoked(entry) ? new OfCertificate(CertificateStatus.REVOKED, certificate) : null;
    }

    private static Optional<UUID> uuidOf(String jti) {
        if (jti == null || !jti.startsWith("urn:uuid:")) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(jti.substring("urn:uuid:".length())));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
