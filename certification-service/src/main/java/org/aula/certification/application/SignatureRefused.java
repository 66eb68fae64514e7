package org.aula.certification.application;

/** A presented token is not one this issuer vouches for; the message says why, for the verifier. */
public class SignatureRefused extends RuntimeException {

    /** Why the token was refused. */
    public enum Reason {
        /** Not a compact JWS (header.payload.signature). */
        MALFORMED,
        /** Signed with another algorithm than the issuer's (ES256). */
        WRONG_ALGORITHM,
        /** The header names no key. */
        NO_KEY_ID,
        /** Signed with a key the issuer never published. */
        UNKNOWN_KEY,
        /** The signature does not match the content (tampered), or cannot be checked. */
        BAD_SIGNATURE,
        /** The payload is not a JSON object of claims. */
        NOT_CLAIMS
    }

    private final Reason reason;

    public SignatureRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
