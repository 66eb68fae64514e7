package org.aula.certification.domain;

import java.time.Instant;
import java.util.UUID;

import org.aula.kernel.Require;
import org.jspecify.annotations.Nullable;

/**
 * A link staff gave a certificate's holder to their copy: the holder opens it without an account
 * and downloads the PDF and the signed credential. It opens while it is neither revoked nor
 * expired; a revoked one never opens again. It is found by the hash of its token only.
 *
 * @param id            the link's id (staff name it to revoke it; not secret)
 * @param certificateId the certificate it shows, and the only one
 * @param tokenHash     SHA-256 of the token ({@link HolderToken#hash()})
 * @param createdAt     when it was made
 * @param createdBy     who made it (the staff member's subject)
 * @param reason        why it was made or re-sent
 * @param expiresAt     after this instant it no longer opens; null: until revoked
 * @param revokedAt     when it was revoked; null while it stands
 */
public record HolderLink(UUID id, CertificateId certificateId, byte[] tokenHash, Instant createdAt, String createdBy,
        String reason, @Nullable Instant expiresAt, @Nullable Instant revokedAt) {

    /** Longest reason staff may give, as for revocations. */
    public static final int MAX_REASON_LENGTH = Revocation.MAX_REASON_LENGTH;

    public HolderLink {
        Require.present(id, "link id");
        Require.present(certificateId, "certificate id");
        Require.present(tokenHash, "token hash");
        if (tokenHash.length != 32) {
            throw new IllegalArgumentException("token hash must be a SHA-256 (32 bytes)");
        }
        tokenHash = tokenHash.clone();
        Require.present(createdAt, "created at");
        createdBy = Require.text(createdBy, "created by");
        reason = Require.text(reason, "reason", MAX_REASON_LENGTH);
        if (expiresAt != null && !expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("expiresAt must be after the link is made");
        }
    }

    /** A new link for a certificate, opened by {@code token}. */
    public static HolderLink make(CertificateId certificate, HolderToken token, Instant at, String by, String reason,
            @Nullable Instant expiresAt) {
        return new HolderLink(UUID.randomUUID(), certificate, token.hash(), at, by, reason, expiresAt, null);
    }

    /** Whether the link opens at {@code now}: not revoked, not expired (it expires at {@code expiresAt} exactly). */
    public boolean opensAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    @Override
    public byte[] tokenHash() {
        return tokenHash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HolderLink link && link.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "HolderLink[" + id + " of certificate " + certificateId + "]";
    }
}
