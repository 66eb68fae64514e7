package org.aula.enrollment.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One run of a course (e.g. BMM-2019-05, Belmopan, 13–18 May 2019, 25 seats): the aggregate that
 * owns its seats and its waitlist. Enrolments refer to it by id.
 *
 * <p>An instance is a snapshot. Decisions that depend on the current seats are made on a
 * snapshot read while the cohort's row is locked (after {@link Cohorts#claimSeat} or
 * {@link Cohorts#lock}), so the snapshot is the truth until the transaction ends.
 */
public final class Cohort {

    private final CohortId id;
    private final CohortCode code;
    private final Course course;
    private final LocalDate startDate;
    private final LocalDate endDate;
    private final String location;
    private final String facilitator;
    private final Seats seats;
    private final int fillNumber;
    private final int waitlistLength;

    private Cohort(CohortId id, CohortCode code, Course course, LocalDate startDate, LocalDate endDate, String location,
            String facilitator, Seats seats, int fillNumber, int waitlistLength) {
        this.id = Objects.requireNonNull(id, "id");
        this.code = Objects.requireNonNull(code, "code");
        this.course = Objects.requireNonNull(course, "course");
        this.startDate = Objects.requireNonNull(startDate, "startDate");
        this.endDate = Objects.requireNonNull(endDate, "endDate");
        if (endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("a cohort cannot end (" + endDate + ") before it starts (" + startDate + ")");
        }
        this.location = Text.require(location, "location", 200);
        this.facilitator = Text.require(facilitator, "facilitator", 200);
        this.seats = Objects.requireNonNull(seats, "seats");
        if (fillNumber < 0 || waitlistLength < 0) {
            throw new IllegalArgumentException("fill number and waitlist length cannot be negative");
        }
        if (waitlistLength > 0 && !seats.full()) {
            // A freed seat goes to the head of the waitlist at once, so nobody waits while a seat is free.
            throw new IllegalArgumentException("a cohort with a free seat has no waitlist");
        }
        this.fillNumber = fillNumber;
        this.waitlistLength = waitlistLength;
    }

    /** Schedules a new cohort: every seat free, nobody waiting, never filled. */
    public static Cohort schedule(CohortId id, CohortCode code, Course course, LocalDate startDate, LocalDate endDate,
            String location, int capacity, String facilitator) {
        return new Cohort(id, code, course, startDate, endDate, location, facilitator, Seats.empty(capacity), 0, 0);
    }

    /** A cohort as it was stored; the same guards apply. */
    public static Cohort restore(CohortId id, CohortCode code, Course course, LocalDate startDate, LocalDate endDate,
            String location, String facilitator, Seats seats, int fillNumber, int waitlistLength) {
        return new Cohort(id, code, course, startDate, endDate, location, facilitator, seats, fillNumber, waitlistLength);
    }

    /**
     * Seats a participant in the seat this transaction just claimed (through {@link Cohorts#claimSeat}, which
     * counted it in {@link #seats()} already).
     */
    public Enrolment seat(EnrolmentId enrolmentId, ParticipantId participant, InstitutionCode institution,
            int seatNumber, Instant at) {
        if (seats.taken() == 0) {
            throw new IllegalStateException("cohort " + id + ": no seat was claimed");
        }
        if (!seats.exists(seatNumber)) {
            throw new IllegalArgumentException("cohort " + id + " has no seat " + seatNumber);
        }
        return Enrolment.enrolled(enrolmentId, id, participant, institution, seatNumber, at);
    }

    /**
     * Puts a participant at the end of the waitlist. Refuses while a seat is free: such a
     * participant must get the seat instead.
     */
    public Enrolment waitlist(EnrolmentId enrolmentId, ParticipantId participant, InstitutionCode institution,
            Instant at) {
        if (!seats.full()) {
            throw new IllegalStateException("cohort " + id + " has a free seat: seat the participant instead");
        }
        return Enrolment.waitlisted(enrolmentId, id, participant, institution, waitlistLength + 1, at);
    }

    /**
     * Gives a freed seat to the head of the waitlist; the seat stays taken, so seats do not change.
     * Refuses anyone but the head of this cohort's waitlist.
     */
    public Enrolment promote(Enrolment headOfWaitlist, int freedSeat, Instant at) {
        if (!headOfWaitlist.cohortId().equals(id)) {
            throw new IllegalArgumentException("enrolment " + headOfWaitlist.id() + " is not in cohort " + id);
        }
        if (headOfWaitlist.waitlistPosition() == null || headOfWaitlist.waitlistPosition() != 1) {
            throw new IllegalStateException("only the head of the waitlist is promoted, not enrolment " + headOfWaitlist.id());
        }
        if (!seats.exists(freedSeat)) {
            throw new IllegalArgumentException("cohort " + id + " has no seat " + freedSeat);
        }
        return headOfWaitlist.promote(freedSeat, at);
    }

    /** The cohort after a seat was freed and nobody was waiting for it: it is open again. */
    public Cohort releaseSeat() {
        if (waitlistLength > 0) {
            throw new IllegalStateException("cohort " + id + ": a freed seat goes to the head of the waitlist");
        }
        return new Cohort(id, code, course, startDate, endDate, location, facilitator, seats.releaseOne(), fillNumber,
                waitlistLength);
    }

    public CohortStatus status() {
        return seats.full() ? CohortStatus.FULL : CohortStatus.OPEN;
    }

    public CohortId id() {
        return id;
    }

    public CohortCode code() {
        return code;
    }

    public Course course() {
        return course;
    }

    public LocalDate startDate() {
        return startDate;
    }

    public LocalDate endDate() {
        return endDate;
    }

    public String location() {
        return location;
    }

    public String facilitator() {
        return facilitator;
    }

    public Seats seats() {
        return seats;
    }

    /** How many times the cohort became full; the fill a {@code cohort.filled} event announces. */
    public int fillNumber() {
        return fillNumber;
    }

    public int waitlistLength() {
        return waitlistLength;
    }

    @Override
    public String toString() {
        return "Cohort[" + id + " " + code + " " + seats.taken() + "/" + seats.capacity() + " waiting " + waitlistLength + "]";
    }
}
