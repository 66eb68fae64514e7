package org.aula.certification.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.aula.certification.domain.AwardNumber;
import org.aula.certification.domain.Diploma;
import org.aula.certification.domain.DiplomaId;
import org.aula.certification.domain.Diplomas;
import org.aula.certification.domain.Holder;
import org.aula.certification.domain.ParticipantId;
import org.aula.certification.domain.ProgrammeId;
import org.aula.certification.domain.Revocation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link Diplomas} in table {@code diploma}; one standing (unrevoked) per programme and participant. */
@Repository
class JdbcDiplomas implements Diplomas {

    private static final String COLUMNS = """
            id, number, programme_id, programme_code, programme_title, awarding_institution, participant_id,
            holder_name, institution_code, certificate_numbers, awarded_at, valid_until, revoked_at, revocation_reason""";

    private final JdbcClient jdbc;

    JdbcDiplomas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int nextSequence() {
        return jdbc.sql("select nextval('diploma_number_seq')").query(Integer.class).single();
    }

    @Override
    public boolean add(Diploma diploma) {
        return jdbc.sql("""
                insert into diploma (%s)
                values (:id, :number, :programmeId, :programmeCode, :programmeTitle, :awardingInstitution, :participantId,
                        :holderName, :institutionCode, :certificateNumbers, :awardedAt, :validUntil, null, null)
                on conflict do nothing
                """.formatted(COLUMNS))
                .param("id", diploma.id().value())
                .param("number", diploma.number().value())
                .param("programmeId", diploma.programme().id().value())
                .param("programmeCode", diploma.programme().code())
                .param("programmeTitle", diploma.programme().title())
                .param("awardingInstitution", diploma.programme().awardingInstitution())
                .param("participantId", diploma.holder().participantId().value())
                .param("holderName", diploma.holder().name())
                .param("institutionCode", diploma.holder().institutionCode())
                .param("certificateNumbers", diploma.certificateNumbers().stream().map(AwardNumber::value).toArray(String[]::new))
                .param("awardedAt", Timestamp.from(diploma.awardedAt()))
                .param("validUntil", diploma.validUntil() == null ? null : Timestamp.from(diploma.validUntil()))
                .update() == 1;
    }

    @Override
    public boolean exists(ProgrammeId programme, ParticipantId participant) {
        return jdbc.sql("select count(*) from diploma where programme_id = :programmeId and participant_id = :participantId and revoked_at is null")
                .param("programmeId", programme.value())
                .param("participantId", participant.value())
                .query(Long.class)
                .single() > 0;
    }

    @Override
    public boolean recordRevocation(Diploma revoked) {
        Revocation revocation = revoked.revocation();
        if (revocation == null) {
            throw new IllegalArgumentException("diploma " + revoked.number() + " is not revoked");
        }
        return jdbc.sql("update diploma set revoked_at = :revokedAt, revocation_reason = :reason where id = :id and revoked_at is null")
                .param("revokedAt", Timestamp.from(revocation.revokedAt()))
                .param("reason", revocation.reason())
                .param("id", revoked.id().value())
                .update() == 1;
    }

    @Override
    public List<Diploma> heldBy(ParticipantId participant) {
        return jdbc.sql("select %s from diploma where participant_id = :participantId order by awarded_at, number".formatted(COLUMNS))
                .param("participantId", participant.value())
                .query(JdbcDiplomas::diploma)
                .list();
    }

    @Override
    public Optional<Diploma> withNumber(AwardNumber number) {
        return jdbc.sql("select %s from diploma where number = :number".formatted(COLUMNS))
                .param("number", number.value())
                .query(JdbcDiplomas::diploma)
                .optional();
    }

    @Override
    public Optional<Diploma> withId(DiplomaId id) {
        return jdbc.sql("select %s from diploma where id = :id".formatted(COLUMNS))
                .param("id", id.value())
                .query(JdbcDiplomas::diploma)
                .optional();
    }

    @Override
    public int pseudonymiseHolder(ParticipantId participant, String pseudonym, Instant erasedAt) {
        return jdbc.sql("""
                update diploma set holder_name = :pseudonym, holder_erased_at = coalesce(holder_erased_at, :erasedAt)
                where participant_id = :participantId and (holder_name <> :pseudonym or holder_erased_at is null)
                """)
                .param("pseudonym", pseudonym)
                .param("erasedAt", Timestamp.from(erasedAt))
                .param("participantId", participant.value())
                .update();
    }

    private static Diploma diploma(ResultSet row, int rowNumber) throws SQLException {
        String number = row.getString("number");
        Timestamp validUntil = row.getTimestamp("valid_until");
        Timestamp revokedAt = row.getTimestamp("revoked_at");
        return Diploma.restore(
                new DiplomaId(row.getObject("id", UUID.class)),
                AwardNumber.parseDiploma(number).orElseThrow(() -> new IllegalStateException("stored diploma number is malformed: " + number)),
                new Diploma.AwardedProgramme(new ProgrammeId(row.getString("programme_id")), row.getString("programme_code"),
                        row.getString("programme_title"), row.getString("awarding_institution")),
                new Holder(new ParticipantId(row.getString("participant_id")), row.getString("holder_name"),
                        row.getString("institution_code")),
                JdbcCertificates.texts(row, "certificate_numbers").stream()
                        .map(text -> AwardNumber.parseCertificate(text).orElseThrow(
                                () -> new IllegalStateException("stored certificate number is malformed: " + text)))
                        .toList(),
                row.getTimestamp("awarded_at").toInstant(),
                validUntil == null ? null : validUntil.toInstant(),
                revokedAt == null ? null : new Revocation(row.getString("revocation_reason"), revokedAt.toInstant()));
    }
}
