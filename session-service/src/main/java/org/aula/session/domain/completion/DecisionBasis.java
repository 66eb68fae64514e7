package org.aula.session.domain.completion;

/** What a completion decision was made from. */
public enum DecisionBasis {
    /** Hours a member of staff stated for the participant ({@code POST /cohorts/{id}/completions}). */
    STATED_HOURS,
    /** The attendance and assessment results recorded in the service, when the delivery closed. */
    RECORDED_DELIVERY
}
