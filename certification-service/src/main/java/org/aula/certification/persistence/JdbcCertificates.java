package org.aula.certification.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.aula.certification.domain.Certificate;
import org.aula.certification.domain.CertificateId;
import org.aula.certification.domain.CertificateNumber;
import org.aula.certification.domain.CertificateQuery;
import org.aula.certification.domain.Certificates;
import org.aula.certification.domain.Cohort;
import org.aula.certification.domain.CohortId;
import org.aula.certification.domain.Completion;
import org.aula.certification.domain.CompletionId;
import org.aula.certification.domain.Course;
import org.aula.certification.domain.Holder;
import org.aula.certification.domain.ParticipantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link Certificates} in table {@code certificate}; its unique constraints are the last word on "one per completion". */
@Repository
class JdbcCertificates implements Certificates {

    private static final String COLUMNS = """
            id, number, completion_id, participant_id, holder_name, institution_code, course_code, course_title,
            course_hours, cohort_id, cohort_code, start_date, end_date, decided_at, issued_at""";

    private final JdbcClient jdbc;

    JdbcCertificates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int nextSequence() {
        return jdbc.sql("select nextval('certificate_number_seq')").query(Integer.class).single();
    }

    @Override
    public boolean add(Certificate certificate) {
        Completion completion = certificate.completion();
        // No conflict target: any unique constraint (completion, participant in cohort) means
        // "already certified", and must not abort the transaction the inbox shares with us.
        return jdbc.sql("""
                insert into certificate (%s)
                values (:id, :number, :completionId, :participantId, :holderName, :institutionCode, :courseCode,
                        :courseTitle, :courseHours, :cohortId, :cohortCode, :startDate, :endDate, :decidedAt, :issuedAt)
                on conflict do nothing
                """.formatted(COLUMNS))
                .param("id", certificate.id().value())
                .param("number", certificate.number().value())
                .param("completionId", completion.id().value())
                .param("participantId", completion.holder().participantId().value())
                .param("holderName", completion.holder().name())
                .param("institutionCode", completion.holder().institutionCode())
                .param("courseCode", completion.course().code())
                .param("courseTitle", completion.course().title())
                .param("courseHours", completion.course().hours())
                .param("cohortId", completion.cohort().id().value())
                .param("cohortCode", completion.cohort().code())
                .param("startDate", completion.cohort().startDate())
                .param("endDate", completion.cohort().endDate())
                .param("decidedAt", Timestamp.from(completion.decidedAt()))
                .param("issuedAt", Timestamp.from(certificate.issuedAt()))
                .update() == 1;
    }

    @Override
    public Optional<Certificate> issuedFor(Completion completion) {
        return jdbc.sql("""
                select %s from certificate
                where completion_id = :completionId or (participant_id = :participantId and cohort_id = :cohortId)
                order by completion_id = :completionId desc
                limit 1
                """.formatted(COLUMNS))
                .param("completionId", completion.id().value())
                .param("participantId", completion.holder().participantId().value())
                .param("cohortId", completion.cohort().id().value())
                .query(JdbcCertificates::certificate)
                .optional();
    }

    @Override
    public Optional<Certificate> withNumber(CertificateNumber number) {
        return jdbc.sql("select %s from certificate where number = :number".formatted(COLUMNS))
                .param("number", number.value())
                .query(JdbcCertificates::certificate)
                .optional();
    }

    @Override
    public List<Certificate> matching(CertificateQuery query) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (query.cohortId() != null) {
            conditions.add("cohort_id = :cohortId");
            params.put("cohortId", query.cohortId().value());
        }
        if (query.participantId() != null) {
            conditions.add("participant_id = :participantId");
            params.put("participantId", query.participantId().value());
        }
        return jdbc.sql("select %s from certificate where %s order by issued_at, number"
                        .formatted(COLUMNS, String.join(" and ", conditions)))
                .params(params)
                .query(JdbcCertificates::certificate)
                .list();
    }

    private static Certificate certificate(ResultSet row, int rowNumber) throws SQLException {
        String number = row.getString("number");
        Completion completion = new Completion(
                new CompletionId(row.getString("completion_id")),
                new Holder(new ParticipantId(row.getString("participant_id")), row.getString("holder_name"),
                        row.getString("institution_code")),
                new Course(row.getString("course_code"), row.getString("course_title"), row.getInt("course_hours")),
                new Cohort(new CohortId(row.getString("cohort_id")), row.getString("cohort_code"),
                        row.getObject("start_date", LocalDate.class),
                        row.getObject("end_date", LocalDate.class)),
                row.getTimestamp("decided_at").toInstant());
        return Certificate.restore(
                new CertificateId(row.getObject("id", UUID.class)),
                CertificateNumber.parse(number).orElseThrow(
                        () -> new IllegalStateException("stored certificate number is malformed: " + number)),
                completion,
                row.getTimestamp("issued_at").toInstant());
    }
}
