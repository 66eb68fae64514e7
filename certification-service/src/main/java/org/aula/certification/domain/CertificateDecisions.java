package org.aula.certification.domain;

import java.time.Instant;
import java.util.OptionalInt;

/**
 * The latest decision revision applied to each participant's certificate in a cohort (0 for the
 * decision as first made): what {@link CertificateCorrection} compares an arriving revision with.
 */
public interface CertificateDecisions {

    /** The last revision applied to the participant's certificate in the cohort; empty when none was. */
    OptionalInt lastApplied(ParticipantId participant, CohortId cohort);

    /** Records a revision as applied, unless a later one is recorded already. */
    void applied(CompletionId completion, ParticipantId participant, CohortId cohort, int revision,
            CompletionDecision.Outcome outcome, Instant at);
}
