package org.aula.enrollment.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.aula.kernel.Refusal;
import org.aula.kernel.Require;
import org.jspecify.annotations.Nullable;

/**
 * One run of a course (e.g. BMM-2019-05, Belmopan, 13–18 May 2019, 25 seats): the aggregate that
 * owns its seats, its waitlist, its seat quotas and its lifecycle
 * ({@code PLANNED -> OPEN <-> FULL -> IN_DELIVERY -> COMPLETED}, or {@code CANCELLED}).
 * Enrolments refer to it by id.
 *
 * <p>An instance is a snapshot. Decisions that depend on the current seats or status are made on a
 * snapshot read while the cohort's row is locked ({@link Cohorts#lock}), so the snapshot is the
 * truth until the transaction ends. Every change is a method here that checks the rules and
 * answers the cohort after the change; the store applies it under the same rules (a conditional
 * update and CHECK constraints).
 */
public final class Cohort {

    private static final Map<CohortStatus, Set<CohortStatus>> ALLOWED = Map.of(
            CohortStatus.PLANNED, EnumSet.of(CohortStatus.OPEN, CohortStatus.CANCELLED),
            CohortStatus.OPEN, EnumSet.of(CohortStatus.FULL, CohortStatus.IN_DELIVERY, CohortStatus.CANCELLED),
            CohortStatus.FULL, EnumSet.of(CohortStatus.OPEN, CohortStatus.IN_DELIVERY, CohortStatus.CANCELLED),
            CohortStatus.IN_DELIVERY, EnumSet.of(CohortStatus.COMPLETED),
            CohortStatus.COMPLETED, EnumSet.noneOf(CohortStatus.class),
            CohortStatus.CANCELLED, EnumSet.noneOf(CohortStatus.class));

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
    private final CohortStatus status;
    private final SeatQuotas quotas;

    private Cohort(CohortId id, CohortCode code, Course course, LocalDate startDate, LocalDate endDate, String location,
            String facilitator, Seats seats, int fillNumber, int waitlistLength, CohortStatus status, SeatQuotas quotas) {
        this.id = Objects.requireNonNull(id, "id");
        this.code = Objects.requireNonNull(code, "code");
        this.course = Objects.requireNonNull(course, "course");
        this.startDate = Objects.requireNonNull(startDate, "startDate");
        this.endDate = Objects.requireNonNull(endDate, "endDate");
        if (endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("a cohort cannot end (" + endDate + ") before it starts (" + startDate + ")");
        }
        Require.text(location, "location", 200);
        Require.text(facilitator, "facilitator", 200);
        this.location = location;
        this.facilitator = facilitator;
        this.seats = Objects.requireNonNull(seats, "seats");
        this.status = Objects.requireNonNull(status, "status");
        this.quotas = Objects.requireNonNull(quotas, "quotas");
        if (fillNumber < 0 || waitlistLength < 0) {
            throw new IllegalArgumentException("fill number and waitlist length cannot be negative");
        }
        if (waitlistLength > 0 && !seats.full()) {
            // A freed seat goes to the head of the waitlist at once, so nobody waits while a seat is free.
            throw new IllegalArgumentException("a cohort with a free seat has no waitlist");
        }
        if (status == CohortStatus.OPEN && seats.full()) {
            throw new IllegalArgumentException("an OPEN cohort has a free seat");
        }
        if (status == CohortStatus.FULL && !seats.full()) {
            throw new IllegalArgumentException("a FULL cohort has every seat taken");
        }
        if (status == CohortStatus.PLANNED && (seats.taken() > 0 || waitlistLength > 0)) {
            throw new IllegalArgumentException("a PLANNED cohort has no one in it yet");
        }
        this.fillNumber = fillNumber;
        this.waitlistLength = waitlistLength;
    }

    /**
     * Schedules a new cohort, PLANNED: every seat free, nobody waiting, never filled. Refuses a seat quota
     * larger than the cohort ({@link CohortRefused.Reason#QUOTA_ABOVE_CAPACITY}).
     */
    public static Cohort schedule(CohortId id, CohortCode code, Course course, LocalDate startDate, LocalDate endDate,
            String location, int capacity, String facilitator, SeatQuotas quotas) {
        Cohort planned = new Cohort(id, code, course, startDate, endDate, location, facilitator, Seats.empty(capacity),
                0, 0, CohortStatus.PLANNED, quotas);
        quotas.places().forEach((institution, places) -> refuseQuotaAbove(capacity, institution, places));
        return planned;
    }

    /** A cohort as it was stored; the same guards apply. */
    public static Cohort restore(CohortId id, CohortCode code, Course course, LocalDate startDate, LocalDate endDate,
            String location, String facilitator, Seats seats, int fillNumber, int waitlistLength, CohortStatus status,
            SeatQuotas quotas) {
        return new Cohort(id, code, course, startDate, endDate, location, facilitator, seats, fillNumber, waitlistLength,
                status, quotas);
    }

    // Lifecycle -------------------------------------------------------------------------------

    /** Whether the lifecycle allows going from one status to another (the whole table, for tests and docs). */
    public static boolean allows(CohortStatus from, CohortStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    /** PLANNED -> OPEN: nominations are taken from now on. */
    public Transition open() {
        return transition(CohortStatus.OPEN, seats, waitlistLength, "opened for nominations");
    }

    /** OPEN or FULL -> IN_DELIVERY: the course starts; the roster is closed to nominations and withdrawals. */
    public Transition startDelivery() {
        return transition(CohortStatus.IN_DELIVERY, seats, waitlistLength, "delivery started");
    }

    /** IN_DELIVERY -> COMPLETED. */
    public Transition complete() {
        return transition(CohortStatus.COMPLETED, seats, waitlistLength, "delivery completed");
    }

    /**
     * PLANNED, OPEN or FULL -> CANCELLED. Every seat and waitlist place is given up: the caller withdraws
     * each enrolment in the same transaction.
     */
    public Transition cancel(String reason) {
        return transition(CohortStatus.CANCELLED, Seats.empty(seats.capacity()), 0, reason);
    }

    private Transition transition(CohortStatus to, Seats seatsAfter, int waitingAfter, String reason) {
        if (!allows(status, to) || to == CohortStatus.FULL || to == CohortStatus.OPEN && status == CohortStatus.FULL) {
            // OPEN <-> FULL follow the seats only (claimSeat, releaseSeat), never a request.
            throw new CohortRefused(CohortRefused.Reason.STATUS_CHANGE, "cohort " + code + " is " + status
                    + " and cannot become " + to + " (lifecycle: PLANNED -> OPEN <-> FULL -> IN_DELIVERY -> COMPLETED;"
                    + " PLANNED, OPEN or FULL -> CANCELLED)");
        }
        return new Transition(with(seatsAfter, fillNumber, waitingAfter, to), status, to, reason);
    }

    // Seats -----------------------------------------------------------------------------------

    /**
     * Claims the next free seat of an OPEN cohort. The last seat makes it FULL (a transition) and counts a
     * fill; the store applies the same with one conditional update ({@link Cohorts#claimSeat}).
     */
    public SeatClaim claimSeat() {
        if (status != CohortStatus.OPEN) {
            throw new IllegalStateException("cohort " + id + " is " + status + ": no seat can be claimed");
        }
        Seats after = seats.takeOne();
        if (!after.full()) {
            return new SeatClaim(with(after, fillNumber, waitlistLength, CohortStatus.OPEN), Optional.empty());
        }
        Cohort full = with(after, fillNumber + 1, waitlistLength, CohortStatus.FULL);
        return new SeatClaim(full, Optional.of(new Transition(full, CohortStatus.OPEN, CohortStatus.FULL,
                "last of " + seats.capacity() + " seats taken")));
    }

    /**
     * Seats a participant in the seat this transaction just claimed (through {@link #claimSeat()}, which
     * counted it in {@link #seats()} already).
     */
    public Enrolment seat(EnrolmentId enrolmentId, ParticipantId participant, InstitutionCode institution,
            int seatNumber, Instant at) {
        if (!status.takesNominations()) {
            throw new IllegalStateException("cohort " + id + " is " + status + ": nobody is seated now");
        }
        if (seats.taken() == 0) {
            throw new IllegalStateException("cohort " + id + ": no seat was claimed");
        }
        if (!seats.exists(seatNumber)) {
            throw new IllegalArgumentException("cohort " + id + " has no seat " + seatNumber);
        }
        return Enrolment.enrolled(enrolmentId, id, participant, institution, seatNumber, at);
    }

    /**
     * Puts a participant at the end of the waitlist of a FULL cohort. Refuses while a seat is free (such
     * a participant must get the seat instead) and when the cohort takes no nominations.
     */
    public Waitlisting waitlist(EnrolmentId enrolmentId, ParticipantId participant, InstitutionCode institution,
            Instant at) {
        if (status != CohortStatus.FULL) {
            throw new IllegalStateException("cohort " + id + " is " + status + ": "
                    + (status == CohortStatus.OPEN ? "it has a free seat, seat the participant instead" : "nobody joins its waitlist"));
        }
        Enrolment enrolment = Enrolment.waitlisted(enrolmentId, id, participant, institution, waitlistLength + 1, at);
        return new Waitlisting(with(seats, fillNumber, waitlistLength + 1, status), enrolment);
    }

    /**
     * Gives a freed seat to the head of the waitlist; the seat stays taken, so the cohort stays FULL.
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

    /**
     * An institution replaces one of its officials by another ({@code substitute}): the leaver is withdrawn and the
     * substitute takes the very seat (or place in line) they leave, nominated by the same institution. Seats taken,
     * the waitlist and the quota's places are unchanged, so nobody else moves and the seat never leaves the
     * institution (it is not given to the head of the waitlist). Refused when the cohort takes no withdrawals, and
     * for an enrolment of another cohort, one already withdrawn, or the leaver as their own substitute.
     */
    public Substitution substitute(Enrolment leaving, EnrolmentId substituteEnrolment, ParticipantId substitute,
            String reason, Instant at) {
        if (!status.takesNominations()) {
            throw new IllegalStateException("cohort " + id + " is " + status + ": nobody is substituted now");
        }
        if (!leaving.cohortId().equals(id)) {
            throw new IllegalArgumentException("enrolment " + leaving.id() + " is not in cohort " + id);
        }
        if (leaving.participantId().equals(substitute)) {
            throw new IllegalArgumentException("an official is not their own substitute");
        }
        Enrolment.Withdrawal withdrawal = leaving.withdraw(reason, at);
        Integer seat = withdrawal.freedSeat();
        Integer place = withdrawal.leftWaitlistAt();
        Enrolment replacement = seat != null
                ? Enrolment.enrolled(substituteEnrolment, id, substitute, leaving.institution(), seat, at)
                : Enrolment.waitlisted(substituteEnrolment, id, substitute, leaving.institution(),
                        java.util.Objects.requireNonNull(place, "place in line"), at);
        return new Substitution(withdrawal, replacement);
    }

    /**
     * The cohort after a seat was freed and nobody was waiting for it: one seat fewer taken, and a FULL
     * cohort is OPEN again (a transition).
     */
    public SeatRelease releaseSeat() {
        if (!status.takesNominations()) {
            throw new IllegalStateException("cohort " + id + " is " + status + ": its seats are not released");
        }
        if (waitlistLength > 0) {
            throw new IllegalStateException("cohort " + id + ": a freed seat goes to the head of the waitlist");
        }
        Seats after = seats.releaseOne();
        Cohort open = with(after, fillNumber, waitlistLength, CohortStatus.OPEN);
        return new SeatRelease(open, status == CohortStatus.FULL
                ? Optional.of(new Transition(open, CohortStatus.FULL, CohortStatus.OPEN, "a seat was freed and nobody was waiting"))
                : Optional.empty());
    }

    /** Whether an institution already holding {@code held} places here may take {@code more}. */
    public boolean admits(InstitutionCode institution, int held, int more) {
        return quotas.admit(institution, held, more);
    }

    /**
     * The cohort with one institution's quota set (or removed, when {@code places} is null); refuses a quota
     * larger than the cohort ({@link CohortRefused.Reason#QUOTA_ABOVE_CAPACITY}).
     */
    public Cohort withQuota(InstitutionCode institution, @Nullable Integer places) {
        if (places != null) {
            refuseQuotaAbove(seats.capacity(), institution, places);
        }
        return new Cohort(id, code, course, startDate, endDate, location, facilitator, seats, fillNumber, waitlistLength,
                status, quotas.with(institution, places));
    }

    /** The one check that a quota fits the cohort: an institution cannot hold more places than there are seats. */
    private static void refuseQuotaAbove(int capacity, InstitutionCode institution, int places) {
        if (places > capacity) {
            String field = "seatQuotas." + institution.value();
            String message = "cannot exceed the cohort's " + capacity + " seats";
            throw new CohortRefused(CohortRefused.Reason.QUOTA_ABOVE_CAPACITY, field + ": " + message,
                    List.of(new Refusal.Fault(field, message)));
        }
    }

    private Cohort with(Seats seatsAfter, int fillAfter, int waitingAfter, CohortStatus statusAfter) {
        return new Cohort(id, code, course, startDate, endDate, location, facilitator, seatsAfter, fillAfter, waitingAfter,
                statusAfter, quotas);
    }

    /** A seat claimed: the cohort after the claim, and the OPEN -> FULL transition when it took the last seat. */
    public record SeatClaim(Cohort cohort, Optional<Transition> filled) {
    }

    /** A seat released: the cohort after, and the FULL -> OPEN transition when it was full. */
    public record SeatRelease(Cohort cohort, Optional<Transition> reopened) {
    }

    /** A substitution: the leaver's withdrawal, and the substitute's enrolment in the same seat or place in line. */
    public record Substitution(Enrolment.Withdrawal withdrawal, Enrolment replacement) {
    }

    /** A participant placed on the waitlist: the cohort with one more waiting, and the enrolment. */
    public record Waitlisting(Cohort cohort, Enrolment enrolment) {
    }

    public CohortStatus status() {
        return status;
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

    public SeatQuotas quotas() {
        return quotas;
    }

    @Override
    public String toString() {
        return "Cohort[" + id + " " + code + " " + status + " " + seats.taken() + "/" + seats.capacity() + " waiting "
                + waitlistLength + "]";
    }
}
