package org.aula.certification.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.OptionalInt;

import org.aula.certification.domain.CertificateDecisions;
import org.aula.certification.domain.CohortId;
import org.aula.certification.domain.CompletionDecision;
import org.aula.certification.domain.CompletionId;
import org.aula.certification.domain.ParticipantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link CertificateDecisions} in table {@code certificate_decision}, one row per participant in a cohort. */
@Repository
class JdbcCertificateDecisions implements CertificateDecisions {

    private final JdbcClient jdbc;

    JdbcCertificateDecisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public OptionalInt lastApplied(ParticipantId participant, CohortId cohort) {
        return jdbc.sql("select revision from certificate_decision where participant_id = :participantId and cohort_id = :cohortId")
                .param("participantId", participant.value())
                .param("cohortId", cohort.value())
                .query(Integer.class)
                .optional()
                .map(OptionalInt::of)
                .orElse(OptionalInt.empty());
    }

    @Override
    public void applied(CompletionId completion, ParticipantId participant, CohortId cohort, int revision,
            CompletionDecision.Outcome outcome, Instant at) {
        jdbc.sql("""
                insert into certificate_decision (participant_id, cohort_id, completion_id, revision, outcome, applied_at)
                values (:participantId, :cohortId, :completionId, :revision, :outcome, :at)
                on conflict (participant_id, cohort_id) do update set
                    completion_id = excluded.completion_id, revision = excluded.revision, outcome = excluded.outcome,
                    applied_at = excluded.applied_at
                where certificate_decision.revision < excluded.revision
                """)
                .param("participantId", participant.value())
                .param("cohortId", cohort.value())
                .param("completionId", completion.value())
                .param("revision", revision)
                .param("outcome", outcome.name())
                .param("at", Timestamp.from(at))
                .update();
    }
}
