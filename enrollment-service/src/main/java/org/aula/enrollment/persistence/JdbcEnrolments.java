package org.aula.enrollment.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.aula.enrollment.domain.CohortCode;
import org.aula.enrollment.domain.CohortId;
import org.aula.enrollment.domain.Enrolment;
import org.aula.enrollment.domain.EnrolmentCounts;
import org.aula.enrollment.domain.EnrolmentId;
import org.aula.enrollment.domain.EnrolmentRefused;
import org.aula.enrollment.domain.EnrolmentStatus;
import org.aula.enrollment.domain.Enrolments;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.NomineeEntry;
import org.aula.enrollment.domain.Paging;
import org.aula.enrollment.domain.ParticipantId;
import org.aula.enrollment.domain.RosterEntry;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Enrolments in table {@code enrolment}; its constraints back the one-per-participant, one-per-seat rules. */
@Repository
class JdbcEnrolments implements Enrolments {

    /** The unique constraint that allows one enrolment per participant and cohort (see V1). */
    static final String ONE_PER_PARTICIPANT_AND_COHORT = "enrolment_one_per_participant_and_cohort";

    private final JdbcClient jdbc;

    JdbcEnrolments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Enrolment enrolment) {
        try {
            jdbc.sql("""
                    insert into enrolment (id, cohort_id, participant_id, institution_code, status, seat_number,
                                           waitlist_position, created_at, changed_at)
                    values (:id, :cohortId, :participantId, :institution, :status, :seatNumber,
                            :waitlistPosition, :at, :at)
                    """)
                    .param("id", enrolment.id().value())
                    .param("cohortId", enrolment.cohortId().value())
                    .param("participantId", enrolment.participantId().value())
                    .param("institution", enrolment.institution().value())
                    .param("status", enrolment.status().name())
                    .param("seatNumber", enrolment.seatNumber(), Types.INTEGER)
                    .param("waitlistPosition", enrolment.waitlistPosition(), Types.INTEGER)
                    .param("at", Timestamps.of(enrolment.changedAt()))
                    .update();
        } catch (DuplicateKeyException e) {
            // PostgreSQL names the violated constraint in the message, in every locale.
            String message = e.getMostSpecificCause().getMessage();
            if (message != null && message.contains(ONE_PER_PARTICIPANT_AND_COHORT)) {
                throw EnrolmentRefused.alreadyEnrolled(enrolment.cohortId(), enrolment.participantId(), e);
            }
            throw e;
        }
    }

    @Override
    public void update(Enrolment enrolment) {
        jdbc.sql("""
                update enrolment
                   set status = :status, seat_number = :seatNumber, waitlist_position = :waitlistPosition,
                       changed_at = :at
                 where id = :id
                """)
                .param("status", enrolment.status().name())
                .param("seatNumber", enrolment.seatNumber(), Types.INTEGER)
                .param("waitlistPosition", enrolment.waitlistPosition(), Types.INTEGER)
                .param("at", Timestamps.of(enrolment.changedAt()))
                .param("id", enrolment.id().value())
                .update();
    }

    @Override
    public void withdraw(Enrolment.Withdrawal withdrawal) {
        Enrolment withdrawn = withdrawal.enrolment();
        jdbc.sql("""
                update enrolment
                   set status = :status, seat_number = null, waitlist_position = null,
                       changed_at = :at, withdrawal_reason = :reason
                 where id = :id
                """)
                .param("status", withdrawn.status().name())
                .param("at", Timestamps.of(withdrawn.changedAt()))
                .param("reason", withdrawal.reason())
                .param("id", withdrawn.id().value())
                .update();
    }

    @Override
    public Optional<Enrolment> find(EnrolmentId id) {
        return jdbc.sql("select * from enrolment where id = :id")
                .param("id", id.value())
                .query(JdbcEnrolments::enrolment)
                .optional();
    }

    @Override
    public Optional<Enrolment> find(CohortId cohort, ParticipantId participant) {
        return jdbc.sql("select * from enrolment where cohort_id = :cohortId and participant_id = :participantId")
                .param("cohortId", cohort.value())
                .param("participantId", participant.value())
                .query(JdbcEnrolments::enrolment)
                .optional();
    }

    @Override
    public int lowestFreeSeat(CohortId cohort, int capacity) {
        return jdbc.sql("""
                select min(seat)
                  from generate_series(1, :capacity) as seat
                 where not exists (select 1 from enrolment e
                                    where e.cohort_id = :cohortId and e.status = 'ENROLLED' and e.seat_number = seat)
                """)
                .param("capacity", capacity)
                .param("cohortId", cohort.value())
                .query(Integer.class)
                .optional()
                .orElseThrow(() -> new IllegalStateException("cohort " + cohort + ": every seat is held, none was claimed"));
    }

    @Override
    public Optional<Enrolment> headOfWaitlist(CohortId cohort) {
        return jdbc.sql("""
                select * from enrolment
                 where cohort_id = :cohortId and status = 'WAITLISTED'
                 order by waitlist_position
                 limit 1
                """)
                .param("cohortId", cohort.value())
                .query(JdbcEnrolments::enrolment)
                .optional();
    }

    @Override
    public void closeWaitlistGap(CohortId cohort, int position) {
        jdbc.sql("""
                update enrolment set waitlist_position = waitlist_position - 1
                 where cohort_id = :cohortId and status = 'WAITLISTED' and waitlist_position > :position
                """)
                .param("cohortId", cohort.value())
                .param("position", position)
                .update();
    }

    @Override
    public Paging.Page<RosterEntry> roster(CohortId cohort, @Nullable EnrolmentStatus status,
            @Nullable InstitutionCode institution, Paging paging) {
        String where = " where e.cohort_id = :cohortId and (cast(:status as text) is null or e.status = :status)"
                + " and (cast(:institution as text) is null or e.institution_code = :institution)";
        Map<String, Object> params = new HashMap<>();
        params.put("cohortId", cohort.value());
        params.put("status", status == null ? null : status.name());
        params.put("institution", institution == null ? null : institution.value());
        long total = jdbc.sql("select count(*) from enrolment e" + where).params(params).query(Long.class).single();
        List<RosterEntry> items = jdbc.sql("""
                select e.*, p.name as participant_name, p.position as participant_position
                  from enrolment e join participant p on p.id = e.participant_id
                """ + where + """
                 order by e.seat_number nulls last, e.waitlist_position nulls last, e.changed_at, e.id
                 limit :limit offset :offset
                """)
                .params(params)
                .param("limit", paging.size())
                .param("offset", paging.offset())
                .query(JdbcEnrolments::rosterEntry)
                .list();
        return new Paging.Page<>(items, total, paging);
    }

    @Override
    public Paging.Page<NomineeEntry> nominees(InstitutionCode institution, @Nullable CohortId cohort, Paging paging) {
        String where = " where e.institution_code = :institution and (cast(:cohortId as uuid) is null or e.cohort_id = :cohortId)";
        Map<String, Object> params = new HashMap<>();
        params.put("institution", institution.value());
        params.put("cohortId", cohort == null ? null : cohort.value());
        long total = jdbc.sql("select count(*) from enrolment e" + where).params(params).query(Long.class).single();
        List<NomineeEntry> items = jdbc.sql("""
                select e.*, c.code as cohort_code, p.name as participant_name, p.position as participant_position
                  from enrolment e
                  join participant p on p.id = e.participant_id
                  join cohort c on c.id = e.cohort_id
                """ + where + """
                 order by c.start_date, c.code, e.seat_number nulls last, e.waitlist_position nulls last, e.changed_at, e.id
                 limit :limit offset :offset
                """)
                .params(params)
                .param("limit", paging.size())
                .param("offset", paging.offset())
                .query((row, n) -> new NomineeEntry(enrolment(row, n), new CohortCode(row.getString("cohort_code")),
                        row.getString("participant_name"), row.getString("participant_position")))
                .list();
        return new Paging.Page<>(items, total, paging);
    }

    @Override
    public List<InstitutionCode> institutionsOf(ParticipantId participant) {
        return jdbc.sql("""
                select institution_code from enrolment where participant_id = :participantId
                union
                select institution_code from seat_offer where participant_id = :participantId
                order by 1
                """)
                .param("participantId", participant.value())
                .query((row, n) -> new InstitutionCode(row.getString(1)))
                .list();
    }

    @Override
    public List<Enrolment> active(CohortId cohort) {
        return jdbc.sql("""
                select * from enrolment where cohort_id = :cohortId and status in ('ENROLLED', 'WAITLISTED')
                 order by seat_number nulls last, waitlist_position
                """)
                .param("cohortId", cohort.value())
                .query(JdbcEnrolments::enrolment)
                .list();
    }

    @Override
    public EnrolmentCounts counts(CohortId cohort, InstitutionCode institution) {
        return jdbc.sql("select " + COUNTS + " from enrolment e where e.cohort_id = :cohortId"
                        + " and e.institution_code = :institution")
                .param("cohortId", cohort.value())
                .param("institution", institution.value())
                .query((row, n) -> counts(row))
                .single();
    }

    /** An institution's counts over {@code enrolment e}: columns enrolled, waitlisted, withdrawn ({@link #counts}). */
    static final String COUNTS = """
            count(*) filter (where e.status = 'ENROLLED') as enrolled,
            count(*) filter (where e.status = 'WAITLISTED') as waitlisted,
            count(*) filter (where e.status = 'WITHDRAWN') as withdrawn
            """;

    static EnrolmentCounts counts(ResultSet row) throws SQLException {
        return new EnrolmentCounts(row.getInt("enrolled"), row.getInt("waitlisted"), row.getInt("withdrawn"));
    }

    @Override
    public Map<InstitutionCode, Integer> placesByInstitution(CohortId cohort) {
        Map<InstitutionCode, Integer> places = new HashMap<>();
        jdbc.sql("""
                select institution_code, count(*) as places from enrolment
                 where cohort_id = :cohortId and status in ('ENROLLED', 'WAITLISTED')
                 group by institution_code
                """)
                .param("cohortId", cohort.value())
                .query((row, n) -> places.put(new InstitutionCode(row.getString("institution_code")), row.getInt("places")))
                .list();
        return places;
    }

    @Override
    public List<RosterEntry> offerCandidates(CohortId waitingFor, CohortId target) {
        return jdbc.sql("""
                select e.*, p.name as participant_name, p.position as participant_position
                  from enrolment e join participant p on p.id = e.participant_id
                 where e.cohort_id = :waitingFor and e.status = 'WAITLISTED'
                   and not exists (select 1 from seat_offer o where o.from_enrolment_id = e.id)
                   and not exists (select 1 from enrolment t where t.cohort_id = :target and t.participant_id = e.participant_id)
                 order by e.waitlist_position
                """)
                .param("waitingFor", waitingFor.value())
                .param("target", target.value())
                .query(JdbcEnrolments::rosterEntry)
                .list();
    }

    private static RosterEntry rosterEntry(ResultSet row, int rowNumber) throws SQLException {
        return new RosterEntry(enrolment(row, rowNumber), row.getString("participant_name"),
                row.getString("participant_position"));
    }

    private static Enrolment enrolment(ResultSet row, int rowNumber) throws SQLException {
        return new Enrolment(
                new EnrolmentId(row.getObject("id", UUID.class)),
                new CohortId(row.getObject("cohort_id", UUID.class)),
                new ParticipantId(row.getObject("participant_id", UUID.class)),
                new InstitutionCode(row.getString("institution_code")),
                EnrolmentStatus.valueOf(row.getString("status")),
                row.getObject("seat_number", Integer.class),
                row.getObject("waitlist_position", Integer.class),
                row.getObject("changed_at", OffsetDateTime.class).toInstant());
    }
}
