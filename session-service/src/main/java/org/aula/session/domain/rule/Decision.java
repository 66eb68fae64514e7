package org.aula.session.domain.rule;

/** What the completion rule decided for one participant of one cohort. */
public enum Decision {
    COMPLETED,
    NOT_COMPLETED
}
