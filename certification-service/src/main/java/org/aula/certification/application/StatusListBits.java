package org.aula.certification.application;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.aula.certification.domain.StatusListEntry;

/**
 * One W3C Bitstring Status List: {@value StatusListEntry#LIST_SIZE} bits, bit 0 the left-most
 * (most significant) bit of the first byte, a set bit meaning "revoked". Encoded as the
 * specification says: GZIP, then base64url without padding, with the multibase prefix {@code u}.
 */
public final class StatusListBits {

    private final byte[] bits;

    public StatusListBits() {
        this(new byte[StatusListEntry.LIST_SIZE / 8]);
    }

    private StatusListBits(byte[] bits) {
        this.bits = bits;
    }

    public void set(int index) {
        check(index);
        bits[index / 8] |= (byte) (0x80 >>> (index % 8));
    }

    public boolean isSet(int index) {
        check(index);
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
    public static StatusListBits decode(String encodedList) {
        if (!encodedList.startsWith("u")) {
            throw new IllegalArgumentException("encodedList must be multibase base64url (prefix u)");
        }
        byte[] compressed = Base64.getUrlDecoder().decode(encodedList.substring(1));
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            byte[] bits = gzip.readAllBytes();
            if (bits.length != StatusListEntry.LIST_SIZE / 8) {
                throw new IllegalArgumentException("a status list holds " + StatusListEntry.LIST_SIZE + " entries, not " + bits.length * 8);
            }
            return new StatusListBits(bits);
        } catch (IOException e) {
            throw new IllegalArgumentException("encodedList is not GZIP data", e);
        }
    }

    /** The number of entries. */
    public int size() {
        return bits.length * 8;
    }

    private static void check(int index) {
        if (index < 0 || index >= StatusListEntry.LIST_SIZE) {
            throw new IllegalArgumentException("status list index out of range");
        }
    }
}
