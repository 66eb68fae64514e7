package org.aula.certification.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The secret in a holder's copy link: 256 random bits, written as 43 characters of unpadded
 * base64url. Whoever has it may read one certificate, and nothing else. Only its SHA-256
 * {@link #hash()} is kept, so a copy of the database opens no link. {@link #toString()} never shows it.
 */
public final class HolderToken {

    /** Random bytes in a token: 256 bits, far beyond guessing (at least 128 are required). */
    public static final int BYTES = 32;

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final String value;

    private HolderToken(String value) {
        this.value = value;
    }

    /** A new token from {@code random}, which must be a cryptographically strong generator (a {@code SecureRandom}). */
    public static HolderToken generate(RandomGenerator random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new HolderToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The token as given in a link, or empty when it cannot be one (so it can open nothing). */
    public static Optional<HolderToken> parse(String text) {
        if (text == null || !FORM.matcher(text).matches()) {
            return Optional.empty();
        }
        // 43 characters carry 258 bits: the last character must leave the two spare bits zero.
        byte[] bytes = Base64.getUrlDecoder().decode(text);
        if (!Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(text)) {
            return Optional.empty();
        }
        return Optional.of(new HolderToken(text));
    }

    /** The token as it goes into the link. */
    public String value() {
        return value;
    }

    /** SHA-256 of the token's text: what is stored and looked up. */
    public byte[] hash() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HolderToken token && MessageDigest.isEqual(token.value.getBytes(), value.getBytes());
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "HolderToken[secret]";
    }
}
