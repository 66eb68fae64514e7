package org.aula.certification.domain;

import java.time.Instant;

import org.aula.kernel.Require;
import org.jspecify.annotations.Nullable;

/**
 * session-service's revision of one completion decision, as certification applies it to the
 * certificate: the new outcome, numbered per completion from 1 (the decision as first made is 0).
 *
 * @param completionId  the completion revised
 * @param participantId whose
 * @param cohortId      in which cohort
 * @param number        the revision's number, from 1; revisions are applied in this order
 * @param outcome       the new decision
 * @param reason        what was corrected (session-service's words: public once it is a revocation reason)
 * @param revisedAt     when it was revised
 * @param completion    what a certificate is issued for, when the revision carries it (events written
 *                      before contract 1.3 do not); null otherwise
 */
public record CompletionRevision(CompletionId completionId, ParticipantId participantId, CohortId cohortId, int number,
        CompletionDecision.Outcome outcome, String reason, Instant revisedAt, @Nullable Completion completion) {

    public CompletionRevision {
        Require.present(completionId, "completion id");
        Require.present(participantId, "participant id");
        Require.present(cohortId, "cohort id");
        if (number < 1) {
            throw new IllegalArgumentException("revision must be 1 or more");
        }
        Require.present(outcome, "outcome");
        reason = Require.text(reason, "revision reason");
        Require.present(revisedAt, "revised at");
        if (completion != null && !(completion.id().equals(completionId)
                && completion.holder().participantId().equals(participantId) && completion.cohort().id().equals(cohortId))) {
            throw new IllegalArgumentException("completion must be the revised one");
        }
    }

    /**
     * The public reason a certificate is revoked with: the revision, then what was corrected, cut to
     * what a revocation reason may hold.
     */
    public String revocationReason() {
        String reasonText = "Completion revised to NOT_COMPLETED (revision " + number + "): " + reason;
        return reasonText.length() <= Revocation.MAX_REASON_LENGTH ? reasonText
                : reasonText.substring(0, Revocation.MAX_REASON_LENGTH - 1) + "…";
    }
}
