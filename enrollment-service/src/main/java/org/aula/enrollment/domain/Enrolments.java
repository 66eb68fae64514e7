package org.aula.enrollment.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** Every enrolment: the port the persistence adapter implements. */
public interface Enrolments {

    /**
     * Stores a new enrolment. Refuses ({@link EnrolmentRefused.Reason#ALREADY_ENROLLED}) when the participant
     * already has one in the cohort (the store enforces one per participant and cohort).
     */
    void add(Enrolment enrolment);

    /** Stores an enrolment's new status, seat and waitlist position (a promotion). */
    void update(Enrolment enrolment);

    /** Stores a withdrawal and its reason. */
    void withdraw(Enrolment.Withdrawal withdrawal);

    Optional<Enrolment> find(EnrolmentId id);

    /**
     * An enrolment of one cohort; refused ({@link EnrolmentRefused.Reason#ENROLMENT_UNKNOWN}) when the cohort has
     * no such enrolment (an enrolment of another cohort is not found through this one).
     */
    default Enrolment get(CohortId cohort, EnrolmentId id) {
        return find(id).filter(enrolment -> enrolment.cohortId().equals(cohort))
                .orElseThrow(() -> EnrolmentRefused.unknown(id));
    }

    Optional<Enrolment> find(CohortId cohort, ParticipantId participant);

    /**
     * The lowest seat number no one holds, among a cohort's {@code capacity} seats. Call it under the
     * cohort's row lock, after claiming a seat: then exactly the claimed seat is free among those
     * not held. Without withdrawals it equals the number of seats taken.
     */
    int lowestFreeSeat(CohortId cohort, int capacity);

    /** The participant at position 1 of a cohort's waitlist, if anyone waits. */
    Optional<Enrolment> headOfWaitlist(CohortId cohort);

    /** Moves everyone behind {@code position} on a cohort's waitlist one place up (someone there left it). */
    void closeWaitlistGap(CohortId cohort, int position);

    /**
     * A page of a cohort's roster, optionally of one status and/or of one nominating institution: seated in seat
     * order, then waiting in line order, then withdrawn in the order they left.
     */
    Paging.Page<RosterEntry> roster(CohortId cohort, @Nullable EnrolmentStatus status, @Nullable InstitutionCode institution,
            Paging paging);

    /**
     * A page of the enrolments an institution nominated, optionally in one cohort: by cohort start date and code,
     * then as in a roster.
     */
    Paging.Page<NomineeEntry> nominees(InstitutionCode institution, @Nullable CohortId cohort, Paging paging);

    /**
     * The institutions that nominated a participant (for any cohort, whatever became of the enrolment) or hold a
     * seat offer for them, in code order: whose partner feeds carried events about the participant.
     */
    List<InstitutionCode> institutionsOf(ParticipantId participant);

    /** Seated and waiting enrolments of a cohort (what a cancellation withdraws). */
    List<Enrolment> active(CohortId cohort);

    /** One institution's counts in a cohort. */
    EnrolmentCounts counts(CohortId cohort, InstitutionCode institution);

    /** Per institution, its seats and waitlist places in a cohort (institutions holding none are absent). */
    Map<InstitutionCode, Integer> placesByInstitution(CohortId cohort);

    /**
     * Who of a cohort's waitlist may be offered a seat in {@code target}, in waitlist order: waiting,
     * never offered a seat, and with no enrolment in {@code target}.
     */
    List<RosterEntry> offerCandidates(CohortId waitingFor, CohortId target);
}
