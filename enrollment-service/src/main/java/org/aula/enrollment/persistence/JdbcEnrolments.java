package org.aula.enrollment.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.aula.enrollment.domain.AlreadyEnrolledException;
import org.aula.enrollment.domain.CohortId;
import org.aula.enrollment.domain.Enrolment;
import org.aula.enrollment.domain.EnrolmentId;
import org.aula.enrollment.domain.EnrolmentStatus;
import org.aula.enrollment.domain.Enrolments;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.ParticipantId;
import org.aula.enrollment.domain.RosterEntry;
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
                throw new AlreadyEnrolledException(enrolment.cohortId(), enrolment.participantId(), e);
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
    public List<RosterEntry> roster(CohortId cohort) {
        return jdbc.sql("""
                select e.*, p.name as participant_name
                  from enrolment e join participant p on p.id = e.participant_id
                 where e.cohort_id = :cohortId
                 order by e.seat_number nulls last, e.waitlist_position nulls last, e.changed_at, e.id
                """)
                .param("cohortId", cohort.value())
                .query((row, rowNumber) -> new RosterEntry(enrolment(row, rowNumber), row.getString("participant_name")))
                .list();
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
