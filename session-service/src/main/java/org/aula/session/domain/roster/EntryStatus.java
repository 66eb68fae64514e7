package org.aula.session.domain.roster;

/** Whether a roster entry holds its seat. */
public enum EntryStatus {
    ENROLLED,
    WITHDRAWN
}
