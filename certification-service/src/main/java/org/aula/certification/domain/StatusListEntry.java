package org.aula.certification.domain;

/**
 * A credential's place in a W3C Bitstring Status List: which list, and which bit of it. Lists
 * hold {@value #LIST_SIZE} entries (16 KB, the specification's minimum, for herd privacy).
 *
 * @param listId 1, 2, ...
 * @param index  0 to {@value #LIST_SIZE} - 1
 */
public record StatusListEntry(int listId, int index) {

    public static final int LIST_SIZE = 131_072;
    /** Odd, so multiplying by it modulo 2^17 is a bijection: every index is used once per list. */
    static final long SPREAD = 92_821;

    public StatusListEntry {
        if (listId < 1) {
            throw new IllegalArgumentException("status list id must be positive");
        }
        if (index < 0 || index >= LIST_SIZE) {
            throw new IllegalArgumentException("status list index must be between 0 and " + (LIST_SIZE - 1));
        }
    }

    /**
     * The entry of the n-th credential (n from 0): lists fill one after the other, and within a
     * list consecutive credentials are spread apart, so a bit does not tell when or next to whom
     * a certificate was issued. The V2 migration computes the same for older certificates.
     */
    public static StatusListEntry forSequence(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("status list sequence must not be negative");
        }
        long list = n / LIST_SIZE + 1;
        if (list > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("status list sequence out of range");
        }
        return new StatusListEntry((int) list, (int) ((n % LIST_SIZE) * SPREAD % LIST_SIZE));
    }
}
