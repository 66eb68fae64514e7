package org.aula.certification.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.aula.certification.domain.Certificate;
import org.aula.certification.domain.CertificateId;
import org.aula.certification.domain.AwardNumber;
import org.aula.certification.domain.CertificateQuery;
import org.aula.certification.domain.Certificates;
import org.aula.certification.domain.Cohort;
import org.aula.certification.domain.CohortId;
import org.aula.certification.domain.Completion;
import org.aula.certification.domain.CompletionId;
import org.aula.certification.domain.Course;
import org.aula.certification.domain.Holder;
import org.aula.certification.domain.ParticipantId;
import org.aula.certification.domain.Revocation;
import org.aula.certification.domain.StatusList;
import org.aula.certification.domain.StatusListEntry;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link Certificates} in table {@code certificate}; its partial unique indexes are the last word on
 * "one standing certificate per completion, and per participant in a cohort".
 */
@Repository
class JdbcCertificates implements Certificates {

    private static final String COLUMNS = """
            id, number, completion_id, participant_id, holder_name, institution_code, course_code, course_title,
            course_hours, cohort_id, cohort_code, start_date, end_date, rule_version, passed_assessments, decided_at,
            issued_at, status_list_id, status_list_index, valid_until, revoked_at, revocation_reason""";

    private final JdbcClient jdbc;

    JdbcCertificates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int nextSequence() {
        return jdbc.sql("select nextval('certificate_number_seq')").query(Integer.class).single();
    }

    @Override
    public StatusListEntry nextStatusListEntry() {
        return StatusList.entryOf(jdbc.sql("select nextval('status_list_entry_seq')").query(Long.class).single());
    }

    @Override
    public boolean add(Certificate certificate) {
        Completion completion = certificate.completion();
        // No conflict target: any unique index (standing per completion, per participant in cohort) means
        // "already certified", and must not abort the transaction the inbox shares with us.
        return jdbc.sql("""
                insert into certificate (%s)
                values (:id, :number, :completionId, :participantId, :holderName, :institutionCode, :courseCode,
                        :courseTitle, :courseHours, :cohortId, :cohortCode, :startDate, :endDate, :ruleVersion,
                        :passedAssessments, :decidedAt, :issuedAt, :statusListId, :statusListIndex, :validUntil, null, null)
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
                .param("ruleVersion", completion.ruleVersion())
                .param("passedAssessments", completion.passedAssessments().toArray(String[]::new))
                .param("decidedAt", Timestamp.from(completion.decidedAt()))
                .param("issuedAt", Timestamp.from(certificate.issuedAt()))
                .param("statusListId", certificate.statusListEntry().listId())
                .param("statusListIndex", certificate.statusListEntry().index())
                .param("validUntil", timestamp(certificate.validUntil()))
                .update() == 1;
    }

    @Override
    public Optional<Certificate> issuedFor(Completion completion) {
        return jdbc.sql("""
                select %s from certificate
                where completion_id = :completionId or (participant_id = :participantId and cohort_id = :cohortId)
                order by completion_id = :completionId desc, revoked_at is null desc, issued_at desc
                limit 1
                """.formatted(COLUMNS))
                .param("completionId", completion.id().value())
                .param("participantId", completion.holder().participantId().value())
                .param("cohortId", completion.cohort().id().value())
                .query(JdbcCertificates::certificate)
                .optional();
    }

    @Override
    public Optional<Certificate> standingFor(ParticipantId participant, CohortId cohort) {
        return jdbc.sql("select %s from certificate where participant_id = :participantId and cohort_id = :cohortId and revoked_at is null"
                        .formatted(COLUMNS))
                .param("participantId", participant.value())
                .param("cohortId", cohort.value())
                .query(JdbcCertificates::certificate)
                .optional();
    }

    @Override
    public Optional<Certificate> withNumber(AwardNumber number) {
        return jdbc.sql("select %s from certificate where number = :number".formatted(COLUMNS))
                .param("number", number.value())
                .query(JdbcCertificates::certificate)
                .optional();
    }

    @Override
    public Optional<Certificate> withId(CertificateId id) {
        return jdbc.sql("select %s from certificate where id = :id".formatted(COLUMNS))
                .param("id", id.value())
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
        if (query.institutionCode() != null) {
            conditions.add("institution_code = :institutionCode");
            params.put("institutionCode", query.institutionCode());
        }
        return jdbc.sql("select %s from certificate where %s order by issued_at, number"
                        .formatted(COLUMNS, String.join(" and ", conditions)))
                .params(params)
                .query(JdbcCertificates::certificate)
                .list();
    }

    @Override
    public boolean recordRevocation(Certificate revoked) {
        Revocation revocation = revoked.revocation();
        if (revocation == null) {
            throw new IllegalArgumentException("certificate " + revoked.number() + " is not revoked");
        }
        // Conditional: of two concurrent revocations exactly one changes the row (and locks it).
        return jdbc.sql("""
                update certificate set revoked_at = :revokedAt, revocation_reason = :reason
                where id = :id and revoked_at is null
                """)
                .param("revokedAt", Timestamp.from(revocation.revokedAt()))
                .param("reason", revocation.reason())
                .param("id", revoked.id().value())
                .update() == 1;
    }

    @Override
    public int pseudonymiseHolder(ParticipantId participant, String pseudonym, Instant erasedAt) {
        return jdbc.sql("""
                update certificate set holder_name = :pseudonym, holder_erased_at = coalesce(holder_erased_at, :erasedAt)
                where participant_id = :participantId and (holder_name <> :pseudonym or holder_erased_at is null)
                """)
                .param("pseudonym", pseudonym)
                .param("erasedAt", Timestamp.from(erasedAt))
                .param("participantId", participant.value())
                .update();
    }

    @Override
    public List<Certificate> unrevokedOf(ParticipantId participant) {
        return jdbc.sql("select %s from certificate where participant_id = :participantId and revoked_at is null order by issued_at, number"
                        .formatted(COLUMNS))
                .param("participantId", participant.value())
                .query(JdbcCertificates::certificate)
                .list();
    }

    @Override
    public List<ParticipantId> holdersOfAll(Collection<String> courseCodes) {
        if (courseCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select participant_id from certificate
                where revoked_at is null and course_code = any(:courseCodes)
                group by participant_id
                having count(distinct course_code) = :required
                order by participant_id
                """)
                .param("courseCodes", courseCodes.toArray(String[]::new))
                .param("required", courseCodes.stream().distinct().count())
                .query((row, n) -> new ParticipantId(row.getString("participant_id")))
                .list();
    }

    @Override
    public List<Integer> revokedIndexesIn(int statusListId) {
        return jdbc.sql("select status_list_index from certificate where status_list_id = :listId and revoked_at is not null")
                .param("listId", statusListId)
                .query(Integer.class)
                .list();
    }

    @Override
    public int highestStatusList() {
        return jdbc.sql("select coalesce(max(status_list_id), 1) from certificate").query(Integer.class).single();
    }

    @Override
    public boolean isRevoked(StatusListEntry entry) {
        return jdbc.sql("""
                select count(*) from certificate
                where status_list_id = :listId and status_list_index = :index and revoked_at is not null
                """)
                .param("listId", entry.listId())
                .param("index", entry.index())
                .query(Long.class)
                .single() > 0;
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    static List<String> texts(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
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
                row.getString("rule_version"),
                texts(row, "passed_assessments"),
                row.getTimestamp("decided_at").toInstant());
        Instant revokedAt = instant(row, "revoked_at");
        return Certificate.restore(
                new CertificateId(row.getObject("id", UUID.class)),
                AwardNumber.parseCertificate(number).orElseThrow(
                        () -> new IllegalStateException("stored certificate number is malformed: " + number)),
                completion,
                row.getTimestamp("issued_at").toInstant(),
                new StatusListEntry(row.getInt("status_list_id"), row.getInt("status_list_index")),
                instant(row, "valid_until"),
                revokedAt == null ? null : new Revocation(row.getString("revocation_reason"), revokedAt));
    }
}
