package org.aula.session.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.aula.session.domain.CohortId;
import org.aula.session.domain.ParticipantId;
import org.aula.session.domain.attendance.AssessmentScore;
import org.aula.session.domain.attendance.AssessmentScores;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Scores in the append-only table {@code assessment_result}; the row with the highest id per assessment and participant counts. */
@Repository
class JdbcAssessmentScores implements AssessmentScores {

    private static final String COLUMNS = "cohort_id, assessment_code, participant_id, score, recorded_at";

    private final JdbcClient jdbc;

    JdbcAssessmentScores(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void append(AssessmentScore score) {
        jdbc.sql("insert into assessment_result (" + COLUMNS + ") values (?, ?, ?, ?, ?)")
                .params(score.cohortId().value(), score.assessmentCode(), score.participantId().value(), score.score(),
                        Sql.timestamp(score.recordedAt()))
                .update();
    }

    @Override
    public Optional<AssessmentScore> latest(CohortId cohortId, String assessmentCode, ParticipantId participantId) {
        return jdbc.sql("select " + COLUMNS + """
                 from assessment_result where cohort_id = ? and assessment_code = ? and participant_id = ?
                order by record_id desc limit 1
                """)
                .params(cohortId.value(), assessmentCode, participantId.value())
                .query((rs, i) -> score(rs))
                .optional();
    }

    @Override
    public List<AssessmentScore> latestOfCohort(CohortId cohortId) {
        return jdbc.sql("select distinct on (assessment_code, participant_id) " + COLUMNS + """
                 from assessment_result where cohort_id = ?
                order by assessment_code, participant_id, record_id desc
                """)
                .param(cohortId.value())
                .query((rs, i) -> score(rs))
                .list();
    }

    private static AssessmentScore score(ResultSet rs) throws SQLException {
        return new AssessmentScore(new CohortId(rs.getString("cohort_id")), rs.getString("assessment_code"),
                new ParticipantId(rs.getString("participant_id")), rs.getBigDecimal("score"),
                Sql.instant(rs, "recorded_at"));
    }
}
