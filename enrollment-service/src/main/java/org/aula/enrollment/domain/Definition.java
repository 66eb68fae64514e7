package org.aula.enrollment.domain;

/** What defining a catalogue entry (institution, course, programme) did. */
public enum Definition {
    /** It did not exist: created. */
    CREATED,
    /** It existed with other values: changed. */
    CHANGED,
    /** It existed with these very values: nothing changed (and nothing is published). */
    UNCHANGED
}
