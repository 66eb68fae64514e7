package org.aula.session.domain;

/** Whether a roster entry holds its seat. */
public enum EntryStatus {
    ENROLLED,
    WITHDRAWN
}
