package org.aula.session.domain.delivery;

/** How a session is taught. */
public enum DeliveryMethod {
    LECTURE,
    CASE_STUDY,
    ROLE_PLAY,
    DISCUSSION,
    FIELD_VISIT
}
