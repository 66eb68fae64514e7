package org.aula.certification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

import org.aula.certification.domain.CertificateCorrection.AlreadySo;
import org.aula.certification.domain.CertificateCorrection.Issue;
import org.aula.certification.domain.CertificateCorrection.Revoke;
import org.aula.certification.domain.CertificateCorrection.Stale;
import org.aula.certification.domain.CompletionDecision.Outcome;
import org.junit.jupiter.api.Test;

class CertificateCorrectionTest {

    private static final Instant ISSUED = Instant.parse("2019-05-20T09:00:00Z");
    private final Completion completion = CompletionFixture.inspectorPascascioCompletedBmm();
    private final Certificate standing = Certificate.issue(CertificateId.random(), completion.numberWith(1), completion,
            ISSUED, CompletionFixture.ENTRY, Validity.UNLIMITED);

    @Test
    void aRevisionToCompletedIssuesTheCertificateWhenNoneStands() {
        CertificateCorrection.Effect effect = CertificateCorrection.of(OptionalInt.empty(), revision(1, Outcome.COMPLETED),
                Optional.empty());

        assertThat(effect).isEqualTo(new Issue(completion));
    }

    @Test
    void aRevisionToNotCompletedRevokesTheStandingCertificateWithTheRevisionAsReason() {
        CertificateCorrection.Effect effect = CertificateCorrection.of(OptionalInt.of(0),
                revision(1, Outcome.NOT_COMPLETED), Optional.of(standing));

        assertThat(effect).isEqualTo(new Revoke(standing,
                "Completion revised to NOT_COMPLETED (revision 1): attendance register corrected"));
    }

    @Test
    void aRevisionAtOrBelowTheLastAppliedIsStaleWhateverItSays() {
        assertThat(CertificateCorrection.of(OptionalInt.of(2), revision(1, Outcome.NOT_COMPLETED), Optional.of(standing)))
                .as("an older revision arriving late").isEqualTo(new Stale(2));
        assertThat(CertificateCorrection.of(OptionalInt.of(2), revision(2, Outcome.COMPLETED), Optional.empty()))
                .as("the same revision again").isEqualTo(new Stale(2));
    }

    @Test
    void aRevisionTheCertificateAlreadyAgreesWithChangesNothing() {
        assertThat(CertificateCorrection.of(OptionalInt.of(0), revision(1, Outcome.COMPLETED), Optional.of(standing)))
                .isEqualTo(new AlreadySo(false));
        assertThat(CertificateCorrection.of(OptionalInt.empty(), revision(1, Outcome.NOT_COMPLETED), Optional.empty()))
                .isEqualTo(new AlreadySo(false));
    }

    @Test
    void aCompletedRevisionWithoutTheCertificateFactsCannotIssue() {
        CompletionRevision withoutFacts = new CompletionRevision(completion.id(), completion.holder().participantId(),
                completion.cohort().id(), 1, Outcome.COMPLETED, "corrected", ISSUED, null);

        assertThat(CertificateCorrection.of(OptionalInt.empty(), withoutFacts, Optional.empty())).isEqualTo(new AlreadySo(true));
    }

    @Test
    void aReCompletedRevisionAfterARevocationIssuesANewCertificate() {
        // Revision 2 follows revision 1's revocation: the revoked certificate no longer stands, so a new one is due.
        assertThat(CertificateCorrection.of(OptionalInt.of(1), revision(2, Outcome.COMPLETED), Optional.empty()))
                .isEqualTo(new Issue(completion));
    }

    @Test
    void theFirstDecisionStandsOnlyUntilARevisionIsApplied() {
        assertThat(CertificateCorrection.firstDecisionStands(OptionalInt.empty())).isTrue();
        assertThat(CertificateCorrection.firstDecisionStands(OptionalInt.of(0))).isTrue();
        assertThat(CertificateCorrection.firstDecisionStands(OptionalInt.of(1))).isFalse();
    }

    @Test
    void aRevisionIsNumberedFromOneAndCarriesOnlyItsOwnCompletion() {
        assertThatIllegalArgumentException().isThrownBy(() -> revision(0, Outcome.COMPLETED)).withMessageContaining("revision");
        Completion another = CompletionFixture.inspectorPascascioCompletedBmm();
        assertThatIllegalArgumentException().isThrownBy(() -> new CompletionRevision(completion.id(),
                completion.holder().participantId(), completion.cohort().id(), 1, Outcome.COMPLETED, "corrected", ISSUED,
                another)).withMessageContaining("completion");
    }

    @Test
    void aLongReasonIsCutToWhatARevocationHolds() {
        CompletionRevision verbose = new CompletionRevision(completion.id(), completion.holder().participantId(),
                completion.cohort().id(), 3, Outcome.NOT_COMPLETED, "x".repeat(600), ISSUED, null);

        assertThat(verbose.revocationReason()).hasSize(Revocation.MAX_REASON_LENGTH)
                .startsWith("Completion revised to NOT_COMPLETED (revision 3): xxx").endsWith("…");
        assertThat(new Revocation(verbose.revocationReason(), ISSUED).reason()).isEqualTo(verbose.revocationReason());
    }

    private CompletionRevision revision(int number, Outcome outcome) {
        return new CompletionRevision(completion.id(), completion.holder().participantId(), completion.cohort().id(),
                number, outcome, "attendance register corrected", ISSUED.plusSeconds(86_400L * number), completion);
    }
}
