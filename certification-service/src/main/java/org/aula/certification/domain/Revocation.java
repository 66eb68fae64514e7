package org.aula.certification.domain;

import java.time.Instant;

import org.aula.kernel.Require;

/**
 * Why and when a certificate was withdrawn. The reason is public: verifiers see it.
 *
 * @param reason    what staff wrote, at most {@value #MAX_REASON_LENGTH} characters
 * @param revokedAt when
 */
public record Revocation(String reason, Instant revokedAt) {

    public static final int MAX_REASON_LENGTH = 500;

    public Revocation {
        reason = Require.text(reason, "revocation reason");
        if (reason.length() > MAX_REASON_LENGTH) {
            throw new IllegalArgumentException("revocation reason must be at most " + MAX_REASON_LENGTH + " characters");
        }
        Require.present(revokedAt, "revoked at");
    }
}
