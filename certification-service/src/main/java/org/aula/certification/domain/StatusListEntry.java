package org.aula.certification.domain;

/**
 * A credential's place in a status list: which list, and which bit of it (see {@link StatusList}
 * for how entries are given out).
 *
 * @param listId 1, 2, ...
 * @param index  0 to {@value StatusList#SIZE} - 1
 */
public record StatusListEntry(int listId, int index) {

    public StatusListEntry {
        if (listId < 1) {
            throw new IllegalArgumentException("status list id must be positive");
        }
        StatusList.requireIndex(index);
    }
}
