package org.aula.certification.domain;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Revocation as a verifier reads it: one W3C Bitstring Status List. The whole rule is here: a list
 * holds {@value #SIZE} entries (16 KB, the specification's minimum, for herd privacy); the n-th
 * credential gets the entry {@link #entryOf(long)} gives; a revoked credential's bit is set, bit 0
 * being the left-most (most significant) bit of the first byte; and a list is encoded as the
 * specification says: GZIP, then base64url without padding, with the multibase prefix {@code u}.
 *
 * <p>Migration {@code V2__credentials_revocation_diplomas.sql} mirrors {@link #entryOf(long)} in
 * SQL. It is a one-off backfill of the certificates issued before it, and it ran in released
 * schemas, so it stays as it is; every later entry comes from here. {@code StatusListTest} checks
 * that the two formulas agree.
 */
public final class StatusList {

    public static final int SIZE = 131_072;
    /** Odd, so multiplying by it modulo 2^17 is a bijection: every index is used once per list. */
    static final long SPREAD = 92_821;

    private final byte[] bits;

    /** A list in which nothing is revoked. */
    public StatusList() {
        this(new byte[SIZE / 8]);
    }

    private StatusList(byte[] bits) {
        this.bits = bits;
    }

    /**
     * The entry of the n-th credential (n from 0): lists fill one after the other, and within a
     * list consecutive credentials are spread apart, so a bit does not tell when or next to whom
     * a certificate was issued.
     */
    public static StatusListEntry entryOf(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("status list sequence must not be negative");
        }
        long list = n / SIZE + 1;
        if (list > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("status list sequence out of range");
        }
        return new StatusListEntry((int) list, (int) ((n % SIZE) * SPREAD % SIZE));
    }

    /** Sets the bit of a revoked entry. */
    public void revoke(int index) {
        requireIndex(index);
        bits[index / 8] |= (byte) (0x80 >>> (index % 8));
    }

    public boolean isRevoked(int index) {
        requireIndex(index);
        return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
    }

    /** The {@code encodedList} of the status list credential. */
    public String encoded() {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(bits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(compressed.toByteArray());
    }

    /** Reads an {@code encodedList} back, as a verifier does. */
    public static StatusList decode(String encodedList) {
        if (!encodedList.startsWith("u")) {
            throw new IllegalArgumentException("encodedList must be multibase base64url (prefix u)");
        }
        byte[] compressed = Base64.getUrlDecoder().decode(encodedList.substring(1));
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            byte[] bits = gzip.readAllBytes();
            if (bits.length != SIZE / 8) {
                throw new IllegalArgumentException("a status list holds " + SIZE + " entries, not " + bits.length * 8);
            }
            return new StatusList(bits);
        } catch (IOException e) {
            throw new IllegalArgumentException("encodedList is not GZIP data", e);
        }
    }

    /** The number of entries. */
    public int size() {
        return bits.length * 8;
    }

    static void requireIndex(int index) {
        if (index < 0 || index >= SIZE) {
            throw new IllegalArgumentException("status list index must be between 0 and " + (SIZE - 1));
        }
    }
}
