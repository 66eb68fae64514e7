package org.aula.enrollment.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.aula.enrollment.domain.CohortId;
import org.aula.enrollment.domain.EnrolmentId;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.OfferStatus;
import org.aula.enrollment.domain.Paging;
import org.aula.enrollment.domain.ParticipantId;
import org.aula.enrollment.domain.SeatOffer;
import org.aula.enrollment.domain.SeatOfferId;
import org.aula.enrollment.domain.SeatOffers;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Seat offers in table {@code seat_offer}; at most one per waitlist place (unique {@code from_enrolment_id}). */
@Repository
class JdbcSeatOffers implements SeatOffers {

    private final JdbcClient jdbc;

    JdbcSeatOffers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean add(SeatOffer offer) {
        return jdbc.sql("""
                insert into seat_offer (id, cohort_id, from_cohort_id, from_enrolment_id, participant_id, institution_code,
                                        status, offered_at, expires_at)
                values (:id, :cohortId, :fromCohortId, :fromEnrolmentId, :participantId, :institution,
                        :status, :offeredAt, :expiresAt)
                on conflict (from_enrolment_id) do nothing
                """)
                .param("id", offer.id().value())
                .param("cohortId", offer.cohortId().value())
                .param("fromCohortId", offer.fromCohortId().value())
                .param("fromEnrolmentId", offer.fromEnrolmentId().value())
                .param("participantId", offer.participantId().value())
                .param("institution", offer.institution().value())
                .param("status", offer.status().name())
                .param("offeredAt", Timestamps.of(offer.offeredAt()))
                .param("expiresAt", Timestamps.of(offer.expiresAt()))
                .update() == 1;
    }

    @Override
    public Optional<SeatOffer> find(SeatOfferId id) {
        return jdbc.sql("select * from seat_offer where id = :id").param("id", id.value())
                .query(JdbcSeatOffers::offer).optional();
    }

    @Override
    public Optional<SeatOffer> lock(SeatOfferId id) {
        return jdbc.sql("select * from seat_offer where id = :id for update").param("id", id.value())
                .query(JdbcSeatOffers::offer).optional();
    }

    @Override
    public void accepted(SeatOffer offer) {
        jdbc.sql("update seat_offer set status = :status, accepted_at = :acceptedAt, enrolment_id = :enrolmentId where id = :id")
                .param("status", offer.status().name())
                .param("acceptedAt", offer.acceptedAt() == null ? null : Timestamps.of(offer.acceptedAt()))
                .param("enrolmentId", offer.enrolmentId() == null ? null : offer.enrolmentId().value())
                .param("id", offer.id().value())
                .update();
    }

    @Override
    public void declined(SeatOffer offer) {
        jdbc.sql("update seat_offer set status = :status, declined_at = :declinedAt where id = :id")
                .param("status", offer.status().name())
                .param("declinedAt", offer.declinedAt() == null ? null : Timestamps.of(offer.declinedAt()))
                .param("id", offer.id().value())
                .update();
    }

    @Override
    public int pendingInto(CohortId cohort, Instant now) {
        return jdbc.sql("select count(*) from seat_offer where cohort_id = :cohortId and status = 'PENDING' and expires_at > :now")
                .param("cohortId", cohort.value())
                .param("now", Timestamps.of(now))
                .query(Integer.class)
                .single();
    }

    @Override
    public Map<InstitutionCode, Integer> pendingIntoByInstitution(CohortId cohort, Instant now) {
        Map<InstitutionCode, Integer> pending = new HashMap<>();
        jdbc.sql("""
                select institution_code, count(*) as offers from seat_offer
                 where cohort_id = :cohortId and status = 'PENDING' and expires_at > :now
                 group by institution_code
                """)
                .param("cohortId", cohort.value())
                .param("now", Timestamps.of(now))
                .query((row, n) -> pending.put(new InstitutionCode(row.getString("institution_code")), row.getInt("offers")))
                .list();
        return pending;
    }

    @Override
    public Paging.Page<SeatOffer> list(@Nullable CohortId into, @Nullable CohortId from,
            @Nullable InstitutionCode institution, Paging paging) {
        String where = " where (cast(:into as uuid) is null or cohort_id = :into)"
                + " and (cast(:from as uuid) is null or from_cohort_id = :from)"
                + " and (cast(:institution as text) is null or institution_code = :institution)";
        Map<String, Object> params = new HashMap<>();
        params.put("into", into == null ? null : into.value());
        params.put("from", from == null ? null : from.value());
        params.put("institution", institution == null ? null : institution.value());
        long total = jdbc.sql("select count(*) from seat_offer" + where).params(params).query(Long.class).single();
        List<SeatOffer> items = jdbc.sql("select * from seat_offer" + where
                        + " order by offered_at desc, id limit :limit offset :offset")
                .params(params)
                .param("limit", paging.size())
                .param("offset", paging.offset())
                .query(JdbcSeatOffers::offer)
                .list();
        return new Paging.Page<>(items, total, paging);
    }

    private static SeatOffer offer(ResultSet row, int rowNumber) throws SQLException {
        UUID enrolment = row.getObject("enrolment_id", UUID.class);
        OffsetDateTime acceptedAt = row.getObject("accepted_at", OffsetDateTime.class);
        OffsetDateTime declinedAt = row.getObject("declined_at", OffsetDateTime.class);
        return new SeatOffer(new SeatOfferId(row.getObject("id", UUID.class)),
                new CohortId(row.getObject("cohort_id", UUID.class)),
                new CohortId(row.getObject("from_cohort_id", UUID.class)),
                new EnrolmentId(row.getObject("from_enrolment_id", UUID.class)),
                new ParticipantId(row.getObject("participant_id", UUID.class)),
                new InstitutionCode(row.getString("institution_code")),
                OfferStatus.valueOf(row.getString("status")),
                row.getObject("offered_at", OffsetDateTime.class).toInstant(),
                row.getObject("expires_at", OffsetDateTime.class).toInstant(),
                acceptedAt == null ? null : acceptedAt.toInstant(),
                enrolment == null ? null : new EnrolmentId(enrolment),
                declinedAt == null ? null : declinedAt.toInstant());
    }
}
