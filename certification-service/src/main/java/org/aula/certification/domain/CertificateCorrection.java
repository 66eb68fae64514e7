package org.aula.certification.domain;

import java.util.Optional;
import java.util.OptionalInt;

import org.aula.kernel.Require;

/**
 * The rule that keeps a certificate in step with its completion's decision as it is revised.
 * Revisions apply in the order of their numbers, whatever order they arrive in: one at or below
 * the last applied is stale (or a duplicate) and changes nothing. Otherwise the newest decision
 * wins: COMPLETED without a standing certificate issues one (a new certificate, new number, even
 * after a revocation: a revoked certificate is never silently restored); NOT_COMPLETED with a
 * standing certificate revokes it, with the revision as the reason. Anything else is already so.
 */
public final class CertificateCorrection {

    private CertificateCorrection() {
    }

    /** What applying a revision does. */
    public sealed interface Effect {
    }

    /** The revision is at or below the last applied one: nothing changes, nothing is recorded. */
    public record Stale(int lastApplied) implements Effect {
    }

    /** Issue a new certificate for the completion. */
    public record Issue(Completion completion) implements Effect {
    }

    /** Revoke the standing certificate with the revision's reason. */
    public record Revoke(Certificate standing, String reason) implements Effect {
    }

    /** The certificate already agrees with the revision (or cannot be issued: see {@link #lacksFacts}). */
    public record AlreadySo(boolean lacksFacts) implements Effect {
    }

    /**
     * Whether the decision as first made (course.completed, revision 0) may still issue the
     * certificate: not once a revision has been applied, since a late re-sent decision must not
     * undo a correction.
     */
    public static boolean firstDecisionStands(OptionalInt lastApplied) {
        return Require.present(lastApplied, "last applied").isEmpty() || lastApplied.getAsInt() == 0;
    }

    /**
     * @param lastApplied the last revision applied to this participant's certificate in the cohort
     *                    (0 for the decision as first made), empty when none was
     * @param revision    the revision arriving
     * @param standing    the participant's unrevoked certificate in the cohort, if any
     */
    public static Effect of(OptionalInt lastApplied, CompletionRevision revision, Optional<Certificate> standing) {
        Require.present(lastApplied, "last applied");
        Require.present(revision, "revision");
        Require.present(standing, "standing certificate");
        if (lastApplied.isPresent() && revision.number() <= lastApplied.getAsInt()) {
            return new Stale(lastApplied.getAsInt());
        }
        if (revision.outcome() == CompletionDecision.Outcome.NOT_COMPLETED) {
            return standing.isPresent() ? new Revoke(standing.get(), revision.revocationReason()) : new AlreadySo(false);
        }
        if (standing.isPresent()) {
            return new AlreadySo(false);
        }
        Completion completion = revision.completion();
        return completion == null ? new AlreadySo(true) : new Issue(completion);
    }
}
