package org.aula.certification.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

/**
 * Verifies a presented credential as any verifier would: the signature against the published
 * keys, the dates, and the status list; then says what Aula knows of it. A token that fails a
 * check is INVALID; a genuine one is VALID, REVOKED or EXPIRED.
 */
@Component
public class VerifyCredential {

    /** Tolerated clock difference between the verifier and whoever signed. */
    static final Duration SKEW = Duration.ofMinutes(1);

    private final CredentialSigner signer;
    private final VerificationLinks links;
    private final Certificates certificates;
    private final Diplomas diplomas;
    private final Clock clock;

    public VerifyCredential(CredentialSigner signer, VerificationLinks links, Certificates certificates, Diplomas diplomas,
            Clock clock) {
        this.signer = signer;
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
        Map<String, Object> claims;
        try {
            claims = signer.verify(token);
        } catch (SignatureRefused refused) {
            return new Invalid(refused.getMessage());
        }
        if (!links.issuerId().equals(claims.get("iss"))) {
            return new Invalid("the token names another issuer (iss)");
        }
        if (!(claims.get("type") instanceof List<?> types) || !types.contains("OpenBadgeCredential")) {
            return new Invalid("not an OpenBadgeCredential");
        }
        Instant now = clock.instant();
        Instant notBefore = instantOf(claims.get("nbf"));
        if (notBefore == null || notBefore.isAfter(now.plus(SKEW))) {
            return new Invalid("not valid yet (nbf)");
        }
        String jti = claims.get("jti") instanceof String text ? text : null;
        Optional<UUID> id = uuidOf(jti);
        if (id.isEmpty()) {
            return new Invalid("the credential id (jti) is not a urn:uuid");
        }
        Instant expiresAt = instantOf(claims.get("exp"));
        boolean expired = expiresAt != null && !now.isBefore(expiresAt);
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
            // A diploma credential has no status list entry: its revocation is read from the diploma itself.
            return new OfDiploma(diploma.get().isRevoked() ? CertificateStatus.REVOKED
                    : expired ? CertificateStatus.EXPIRED : CertificateStatus.VALID, diploma.get());
        }
        return new Unknown(jti);
    }

    /** REVOKED when the credential's status list entry is set, INVALID when the entry is not ours; else null. */
    private @Nullable Verdict revocationOf(Map<String, Object> claims, Certificate certificate) {
        Object status = claims.get("credentialStatus");
        if (status == null) {
            return certificate.isRevoked() ? new OfCertificate(CertificateStatus.REVOKED, certificate) : null;
        }
        if (!(status instanceof Map<?, ?> entryClaims)) {
            return new Invalid("credentialStatus is not an object");
        }
        if (!"revocation".equals(entryClaims.get("statusPurpose")) || !(entryClaims.get("statusListCredential") instanceof String list)
                || !(entryClaims.get("statusListIndex") instanceof String index)) {
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

    /** A JWT date claim: seconds since the epoch. */
    private static @Nullable Instant instantOf(@Nullable Object seconds) {
        return seconds instanceof Number number ? Instant.ofEpochSecond(number.longValue()) : null;
    }

    private static Optional<UUID> uuidOf(@Nullable String jti) {
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
