package org.aula.enrollment.domain.webhook;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * A subscription's HMAC key. Shown to the partner once, as {@code whsec_<base64 key>} (the Standard Webhooks form
 * every library takes); never printed ({@link #toString()} hides it).
 */
public final class SigningSecret {

    /** The Standard Webhooks prefix of a secret. */
    public static final String PREFIX = "whsec_";
    private static final int BYTES = 32;

    private final byte[] key;

    public SigningSecret(byte[] key) {
        if (key == null || key.length < 24 || key.length > 64) {
            throw new IllegalArgumentException("secret must be 24 to 64 bytes");
        }
        this.key = key.clone();
    }

    /** A fresh random key. */
    public static SigningSecret random(SecureRandom random) {
        byte[] key = new byte[BYTES];
        random.nextBytes(key);
        return new SigningSecret(key);
    }

    /** The raw key. */
    public byte[] key() {
        return key.clone();
    }

    /** {@code whsec_<base64 key>}, as shown to the partner. */
    public String shown() {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SigningSecret that && Arrays.equals(key, that.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "SigningSecret[hidden]";
    }
}
