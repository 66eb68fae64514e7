package org.aula.session.domain.roster;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.aula.kernel.Require;
import org.aula.session.domain.CohortId;
import org.aula.session.domain.CompletionId;
import org.aula.session.domain.ParticipantId;
import org.aula.session.domain.attendance.SheetLine;
import org.aula.session.domain.completion.Completion;
import org.aula.session.domain.completion.CompletionRefused;
import org.aula.session.domain.completion.DecisionBasis;
import org.aula.session.domain.rule.CompletionRule;
import org.aula.session.domain.rule.Participation;
import org.aula.session.domain.rule.Verdict;
import org.jspecify.annotations.Nullable;

/**
 * Who takes part in one cohort, kept from enrollment-service's facts: who may attend, who is
 * decided when the delivery closes, and the staff shortcut's decisions. Its row is the lock every
 * change of the cohort takes. The roster follows the enrolment facts of its cohort as they arrive (in
 * order per cohort) and tolerates what the network does to them: a fact re-sent later is
 * recognised by its time and ignored, an enrolment may arrive before the cohort's schedule, a
 * withdrawal of someone never seen is ignored.
 *
 * <p>Each change method answers whether the roster changed, so a repeated fact writes nothing.
 */
public final class Roster {

    private final CohortId cohortId;
    private String cohortCode;
    private String courseCode;
    private @Nullable CohortSchedule schedule;
    private final Map<ParticipantId, RosterEntry> entries = new LinkedHashMap<>();
    /** Entries added or changed since the roster was opened or restored: all that saving has to write. */
    private final Set<ParticipantId> changed = new LinkedHashSet<>();
    private @Nullable RosterLock lock;
    /** Whether the cohort's own facts (codes, schedule, lock) changed since the roster was opened or restored. */
    private boolean cohortChanged;

    private Roster(CohortId cohortId, String cohortCode, String courseCode) {
        Require.text(cohortCode, "cohort code");
        Require.text(courseCode, "course code");
        this.cohortId = Objects.requireNonNull(cohortId, "cohort id");
        this.cohortCode = cohortCode;
        this.courseCode = courseCode;
    }

    /** An empty roster of a cohort known so far only by its codes. */
    public static Roster open(CohortId cohortId, String cohortCode, String courseCode) {
        return new Roster(cohortId, cohortCode, courseCode);
    }

    /** A roster as it was stored. */
    public static Roster restore(CohortId cohortId, String cohortCode, String courseCode,
            @Nullable CohortSchedule schedule, Collection<RosterEntry> entries, @Nullable RosterLock lock) {
        Roster roster = new Roster(cohortId, cohortCode, courseCode);
        roster.schedule = schedule;
        entries.forEach(entry -> roster.entries.put(entry.participantId(), entry));
        roster.lock = lock;
        return roster;
    }

    /** Records the cohort's schedule (course, dates, place, seats); the latest announcement wins. */
    public boolean schedule(String cohortCode, CohortSchedule schedule) {
        Require.text(cohortCode, "cohort code");
        Objects.requireNonNull(schedule, "schedule");
        if (cohortCode.equals(this.cohortCode) && schedule.equals(this.schedule)) {
            return false;
        }
        this.cohortCode = cohortCode;
        this.courseCode = schedule.course().code();
        this.schedule = schedule;
        cohortChanged = true;
        return true;
    }

    /**
     * Puts a participant on the roster, or re-activates one who withdrew before this enrolment.
     * A fact no newer than what the entry reflects (the same enrolment re-sent, perhaps under a
     * new event id) changes nothing: one entry per participant, always.
     */
    public boolean enrol(Enrolment enrolment) {
        Objects.requireNonNull(enrolment, "enrolment");
        RosterEntry existing = entries.get(enrolment.participantId());
        if (existing != null && !existing.isOlderThan(enrolment)) {
            return false;
        }
        put(RosterEntry.of(enrolment));
        return true;
    }

    /**
     * Marks a participant withdrawn. Ignored for a participant not on the roster (someone only
     * waitlisted, or whose enrolment has not arrived), one already withdrawn, or one whose
     * enrolment is newer than the withdrawal.
     */
    public boolean withdraw(ParticipantId participantId, Instant withdrawnAt) {
        Objects.requireNonNull(withdrawnAt, "withdrawn at");
        RosterEntry existing = entries.get(participantId);
        if (existing == null || !existing.active() || withdrawnAt.isBefore(existing.enrolledAt())) {
            return false;
        }
        put(existing.withdrawn(withdrawnAt));
        return true;
    }

    /**
     * Locks the roster because the cohort filled. A cohort may re-fill after a withdrawal (fill 2):
     * the lock then records the newer fill; an older or repeated fill changes nothing. Enrolment
     * facts keep being applied after the lock: enrollment-service owns the seats.
     */
    public boolean lock(int fillNumber, Instant lockedAt) {
        if (lock != null && fillNumber <= lock.fillNumber()) {
            return false;
        }
        lock = new RosterLock(fillNumber, lockedAt);
        cohortChanged = true;
        return true;
    }

    /**
     * Locks the roster at the request of staff, before the cohort filled, so its delivery can be
     * planned. A roster already locked (by a fill or by staff) stays as it is.
     */
    public boolean lockByStaff(Instant lockedAt) {
        if (lock != null) {
            return false;
        }
        lock = RosterLock.byStaff(lockedAt);
        cohortChanged = true;
        return true;
    }

    /**
     * Replaces an erased participant's name; what certificate verification needs (ids, seat,
     * institution) stays. Answers whether anything changed.
     */
    public boolean erase(ParticipantId participantId) {
        RosterEntry existing = entries.get(participantId);
        if (existing == null || existing.name().equals(RosterEntry.ERASED_NAME)) {
            return false;
        }
        put(existing.erased());
        return true;
    }

    /**
     * The entry of a participant who holds a seat.
     *
     * @throws CompletionRefused (reason {@code NOT_ON_ROSTER} or {@code WITHDRAWN}) otherwise
     */
    public RosterEntry activeEntry(ParticipantId participantId) {
        RosterEntry entry = entries.get(participantId);
        if (entry == null) {
            throw new CompletionRefused(CompletionRefused.Reason.NOT_ON_ROSTER,
                    "participant " + participantId + " is not on the roster of cohort " + cohortId);
        }
        if (!entry.active()) {
            throw new CompletionRefused(CompletionRefused.Reason.WITHDRAWN,
                    "participant " + participantId + " withdrew from cohort " + cohortId);
        }
        return entry;
    }

    /** The participant holding a seat now (a seat given up by a withdrawal may have passed to someone else). */
    public Optional<RosterEntry> holderOfSeat(int seatNumber) {
        return entries.values().stream().filter(e -> e.seatNumber() == seatNumber)
                .max(Comparator.comparing(RosterEntry::active).thenComparing(RosterEntry::enrolledAt));
    }

    /**
     * The entries whose name matches, ignoring case, accents and spacing (as facilitators write
     * names on attendance sheets); several when the roster holds namesakes.
     */
    public List<RosterEntry> named(String name) {
        String wanted = RosterEntry.comparableName(name);
        return entries().stream().filter(entry -> RosterEntry.comparableName(entry.name()).equals(wanted)).toList();
    }

    /**
     * The entries a line of an attendance sheet names: the participant with that id, the holder
     * of that seat now, or everyone with that name (several when the roster holds namesakes);
     * none when it names no one on the roster.
     */
    public List<RosterEntry> namedBy(SheetLine.Who who) {
        if (who instanceof SheetLine.ById byId) {
            return entry(new ParticipantId(byId.participantId())).stream().toList();
        }
        if (who instanceof SheetLine.BySeat bySeat) {
            return holderOfSeat(bySeat.seat()).stream().toList();
        }
        return named(((SheetLine.ByName) who).name());
    }

    /**
     * Who is decided when the cohort's delivery closes: everyone holding a seat, and those who
     * withdrew mid-course (after attending some of it). Someone who withdrew without attending
     * left before the course for them began, usually replaced from the waitlist: not decided.
     */
    public List<RosterEntry> toDecideAtClose(Set<ParticipantId> attendedSome) {
        return entries().stream().filter(entry -> entry.active() || attendedSome.contains(entry.participantId())).toList();
    }

    /**
     * Judges a participant on hours a member of staff states for them (the staff shortcut, for
     * courses whose rule requires no assessments).
     *
     * @param plannedHours the hours the cohort's delivery plan schedules, or null without a plan
     *                     (the course's hours then)
     * @throws CompletionRefused if the participant is not (or no longer) on the roster, the course's
     *                           hours are not known yet, the hours attended lie outside 0..hours
     *                           scheduled, or the rule requires assessments
     */
    public Completion decideOnStatedHours(ParticipantId participantId, BigDecimal hoursAttended,
            @Nullable BigDecimal plannedHours, CompletionRule rule, CompletionId completionId, Instant decidedAt) {
        activeEntry(participantId);
        if (schedule == null) {
            throw new CompletionRefused(CompletionRefused.Reason.SCHEDULE_UNKNOWN,
                    "the schedule of cohort " + cohortId + " has not been received yet, so its course hours are unknown");
        }
        BigDecimal hoursScheduled = plannedHours != null ? plannedHours : BigDecimal.valueOf(schedule.course().hours());
        if (hoursAttended.signum() < 0 || hoursAttended.compareTo(hoursScheduled) > 0) {
            throw new CompletionRefused(CompletionRefused.Reason.HOURS_OUT_OF_RANGE,
                    "hours attended must lie in 0.." + hoursScheduled.toPlainString() + " (the hours scheduled)");
        }
        if (rule.requiresAssessments()) {
            throw new CompletionRefused(CompletionRefused.Reason.ASSESSMENTS_REQUIRED,
                    "rule " + rule.version() + " requires assessments; record results and close the delivery instead");
        }
        Verdict verdict = rule.judge(Participation.statedHours(hoursAttended, hoursScheduled));
        return Completion.decided(completionId, cohortId, participantId, DecisionBasis.STATED_HOURS, verdict,
                rule.version(), decidedAt);
    }

    public CohortId cohortId() {
        return cohortId;
    }

    public String cohortCode() {
        return cohortCode;
    }

    public String courseCode() {
        return courseCode;
    }

    /** The schedule, once {@code cohort.scheduled} has been received. */
    public Optional<CohortSchedule> schedule() {
        return Optional.ofNullable(schedule);
    }

    /** Every entry, withdrawn ones included, by seat number. */
    public List<RosterEntry> entries() {
        return entries.values().stream()
                .sorted(Comparator.comparingInt(RosterEntry::seatNumber).thenComparing(RosterEntry::enrolledAt))
                .toList();
    }

    /**
     * The entries added or changed since the roster was opened or restored, by seat number: what
     * storing it has to write (a roster of 25 need not rewrite 24 unchanged lines per enrolment).
     */
    public List<RosterEntry> changedEntries() {
        return entries().stream().filter(entry -> changed.contains(entry.participantId())).toList();
    }

    /**
     * Whether the cohort's own facts (codes, schedule, lock) changed since the roster was opened or
     * restored: whether storing it has to write more than {@link #changedEntries()} (an enrolment does not).
     */
    public boolean cohortChanged() {
        return cohortChanged;
    }

    public Optional<RosterEntry> entry(ParticipantId participantId) {
        return Optional.ofNullable(entries.get(participantId));
    }

    /** The lock of the latest fill, if the cohort has filled. */
    public Optional<RosterLock> lock() {
        return Optional.ofNullable(lock);
    }

    public boolean locked() {
        return lock != null;
    }

    private void put(RosterEntry entry) {
        entries.put(entry.participantId(), entry);
        changed.add(entry.participantId());
    }
}
