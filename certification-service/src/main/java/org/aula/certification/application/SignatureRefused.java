package org.aula.certification.application;

import org.aula.kernel.Refusal;

/** A presented token is not one this issuer vouches for; the message says why, for the verifier. */
public class SignatureRefused extends Refusal {

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

    public SignatureRefused(Reason reason, String message) {
        super(reason, message);
    }

    @Override
    public Reason reason() {
        return (Reason) super.reason();
    }
}
