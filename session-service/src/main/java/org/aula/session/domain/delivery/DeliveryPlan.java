package org.aula.session.domain.delivery;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.aula.kernel.Require;
import org.aula.session.domain.CohortId;
import org.aula.session.domain.CompletionId;
import org.aula.session.domain.Decimals;
import org.aula.session.domain.ParticipantId;
import org.aula.session.domain.SessionId;
import org.aula.session.domain.attendance.DeliveryRecord;
import org.aula.session.domain.attendance.SheetLine;
import org.aula.session.domain.attendance.SheetRefused;
import org.aula.session.domain.completion.Completion;
import org.aula.session.domain.completion.CompletionRefused;
import org.aula.session.domain.completion.DecisionBasis;
import org.aula.session.domain.roster.CohortSchedule;
import org.aula.session.domain.roster.Roster;
import org.aula.session.domain.roster.RosterEntry;
import org.aula.session.domain.rule.CompletionRule;
import org.aula.session.domain.rule.Participation;
import org.aula.session.domain.rule.RuleId;
import org.jspecify.annotations.Nullable;

/**
 * The plan of sessions that delivers a cohort's course, and the record of its delivery: which
 * sessions were delivered and whether the delivery was closed. Published as revision 1 when the
 * roster locks; staff may change it (each change a new revision, published again) until the first
 * session is delivered. The cohort is judged by the completion rule version pinned when the plan
 * was first published.
 */
public final class DeliveryPlan {

    private final CohortId cohortId;
    private final UUID planId;
    private final RuleId rule;
    private int revision;
    private Instant publishedAt;
    private final Map<SessionId, Session> sessions = new LinkedHashMap<>();
    private @Nullable Instant closedAt;

    private DeliveryPlan(CohortId cohortId, UUID planId, RuleId rule, int revision, Instant publishedAt) {
        this.cohortId = Objects.requireNonNull(cohortId, "cohort id");
        this.planId = Objects.requireNonNull(planId, "plan id");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.revision = Require.positive(revision, "revision");
        this.publishedAt = Objects.requireNonNull(publishedAt, "published at");
    }

    /** Revision 1 of a cohort's plan. */
    public static DeliveryPlan publish(CohortId cohortId, UUID planId, RuleId rule, List<SessionTerms> sessions,
            Instant publishedAt) {
        if (sessions.isEmpty()) {
            throw new IllegalArgumentException("a delivery plan has at least one session");
        }
        DeliveryPlan plan = new DeliveryPlan(cohortId, planId, rule, 1, publishedAt);
        int number = 0;
        for (SessionTerms terms : sessions) {
            number++;
            plan.sessions.put(SessionId.numbered(number), new Session(SessionId.numbered(number), number, number, terms, null));
        }
        plan.resequence();
        return plan;
    }

    /** A plan as it was stored. */
    public static DeliveryPlan restore(CohortId cohortId, UUID planId, RuleId rule, int revision, Instant publishedAt,
            Collection<Session> sessions, @Nullable Instant closedAt) {
        DeliveryPlan plan = new DeliveryPlan(cohortId, planId, rule, revision, publishedAt);
        sessions.forEach(session -> plan.sessions.put(session.id(), session));
        plan.closedAt = closedAt;
        return plan;
    }

    /**
     * Changes one session's day, topic, method or hours: a new revision. Answers false (no new
     * revision) when the terms are those the session already has.
     *
     * @throws DeliveryRefused once a session was delivered or the delivery closed, for an unknown
     *                         session, or a day outside the cohort's dates
     */
    public boolean revise(SessionId sessionId, SessionTerms terms, CohortSchedule schedule, Instant at) {
        requireChangeable();
        Session session = session(sessionId);
        requireWithin(schedule, terms.date());
        if (session.terms().equals(terms)) {
            return false;
        }
        sessions.put(sessionId, session.withTerms(terms));
        nextRevision(at);
        return true;
    }

    /** Adds a session: a new revision. */
    public SessionId add(SessionTerms terms, CohortSchedule schedule, Instant at) {
        requireChangeable();
        requireWithin(schedule, terms.date());
        int number = sessions.values().stream().mapToInt(Session::number).max().orElse(0) + 1;
        SessionId id = SessionId.numbered(number);
        sessions.put(id, new Session(id, number, sessions.size() + 1, terms, null));
        nextRevision(at);
        return id;
    }

    /** Removes a session: a new revision. The last session stays. */
    public void remove(SessionId sessionId, Instant at) {
        requireChangeable();
        session(sessionId);
        if (sessions.size() == 1) {
            throw new DeliveryRefused(DeliveryRefused.Reason.LAST_SESSION,
                    "session " + sessionId + " is the only session of cohort " + cohortId + "'s plan");
        }
        sessions.remove(sessionId);
        nextRevision(at);
    }

    /**
     * Marks a session delivered; answers false when it already was (the first delivery time stays).
     *
     * @throws DeliveryRefused for an unknown session, or once the delivery closed
     */
    public boolean deliver(SessionId sessionId, Instant at) {
        Session session = session(sessionId);
        if (session.delivered()) {
            return false;
        }
        requireOpen();
        sessions.put(sessionId, session.deliveredAt(at));
        return true;
    }

    /**
     * Checks that {@code hours} of attendance can be recorded for the session: it was delivered
     * and lasted at least that long. Recording stays possible after the delivery closed: that is a
     * correction, and revises the decision it changes.
     */
    public Session acceptAttendance(SessionId sessionId, BigDecimal hours) {
        Session session = delivered(sessionId);
        if (!session.admits(hours)) {
            throw new DeliveryRefused(DeliveryRefused.Reason.HOURS_ABOVE_SESSION, "hours " + session.hoursRange());
        }
        return session;
    }

    /**
     * Checks that {@code hours} of attendance can be recorded for a participant in the session:
     * it was delivered, the participant holds a seat on the roster, and the session lasted at
     * least that long.
     *
     * @throws DeliveryRefused for an unknown or undelivered session, a participant not on the roster
     *                         or withdrawn, hours outside the session's
     */
    public Session acceptAttendance(SessionId sessionId, Roster roster, ParticipantId participantId, BigDecimal hours) {
        delivered(sessionId);
        participant(roster, participantId);
        return acceptAttendance(sessionId, hours);
    }

    /**
     * Checks a whole attendance sheet of a session, every line before any is recorded: each names
     * one participant who holds a seat (by id, seat or an unambiguous name), no participant twice,
     * with hours the session can hold. Answers each participant's hours in the order of the sheet.
     *
     * @throws DeliveryRefused for an unknown or undelivered session
     * @throws SheetRefused    naming every faulty line and field
     */
    public Map<ParticipantId, BigDecimal> acceptSheet(SessionId sessionId, List<SheetLine> lines, Roster roster) {
        Session session = delivered(sessionId);
        List<SheetRefused.LineError> errors = new ArrayList<>();
        Map<ParticipantId, Integer> lineOf = new HashMap<>();
        Map<ParticipantId, BigDecimal> hoursOf = new LinkedHashMap<>();
        for (SheetLine line : lines) {
            Optional<ParticipantId> who = attendee(roster, line, errors);
            if (!session.admits(line.hours())) {
                errors.add(new SheetRefused.LineError(line.line(), "hours", session.hoursRange(), false));
            }
            if (who.isEmpty()) {
                continue;
            }
            Integer earlier = lineOf.putIfAbsent(who.get(), line.line());
            if (earlier != null) {
                errors.add(new SheetRefused.LineError(line.line(), line.who().column(),
                        "names the same participant as line " + earlier, false));
                continue;
            }
            hoursOf.put(who.get(), line.hours());
        }
        if (!errors.isEmpty()) {
            throw new SheetRefused(errors);
        }
        return hoursOf;
    }

    /**
     * The roster entry of a participant whose attendance or results can be recorded: one who holds
     * a seat.
     *
     * @throws DeliveryRefused ({@code NOT_ON_ROSTER} or {@code WITHDRAWN}) otherwise
     */
    public RosterEntry participant(Roster roster, ParticipantId participantId) {
        try {
            return roster.activeEntry(participantId);
        } catch (CompletionRefused refused) {
            throw new DeliveryRefused(refused.reason() == CompletionRefused.Reason.WITHDRAWN
                    ? DeliveryRefused.Reason.WITHDRAWN : DeliveryRefused.Reason.NOT_ON_ROSTER, refused.getMessage());
        }
    }

    /**
     * Closes the delivery and decides, once, everyone the roster says is decided at close (see
     * {@link Roster#toDecideAtClose}) and who was not decided before: on the recorded delivery,
     * against the hours this plan schedules, by the rule version pinned to the plan.
     *
     * @param decidedBefore the cohort's decisions made before (from stated hours): not decided again
     * @throws DeliveryRefused ({@code DELIVERY_CLOSED}) if the delivery was closed before
     */
    public Closing close(Roster roster, DeliveryRecord record, CompletionRule rule, List<Completion> decidedBefore,
            Supplier<CompletionId> completionIds, Instant at) {
        requireOpen();
        if (!rule.id().equals(this.rule)) {
            throw new IllegalArgumentException("a cohort is decided by the rule version pinned to its plan");
        }
        Set<ParticipantId> decided = decidedBefore.stream().map(Completion::participantId).collect(Collectors.toSet());
        List<RosterEntry> toDecide = roster.toDecideAtClose(record.attendedSome());
        List<Completion> decisions = new ArrayList<>();
        for (RosterEntry entry : toDecide) {
            if (decided.contains(entry.participantId())) {
                continue;   // decided before, from stated hours: decided once
            }
            Participation participation = record.participation(entry.participantId(), hoursScheduled(), !entry.active());
            decisions.add(Completion.decided(completionIds.get(), cohortId, entry.participantId(),
                    DecisionBasis.RECORDED_DELIVERY, rule.judge(participation), rule.version(), at));
        }
        List<ParticipantId> notDecided = roster.entries().stream()
                .filter(entry -> !toDecide.contains(entry))
                .map(RosterEntry::participantId)
                .filter(participantId -> !decided.contains(participantId))
                .toList();
        close(at);
        List<Completion> all = new ArrayList<>(decidedBefore);
        all.addAll(decisions);
        return new Closing(decisions, DeliveryClosure.of(cohortId, all, rule.version(), notDecided, at));
    }

    /** Closes the delivery; answers false when it was closed before. */
    boolean close(Instant at) {
        if (closedAt != null) {
            return false;
        }
        closedAt = Objects.requireNonNull(at, "closed at");
        return true;
    }

    /** The session with this id. */
    public Session session(SessionId sessionId) {
        Session session = sessions.get(sessionId);
        if (session == null) {
            throw new DeliveryRefused(DeliveryRefused.Reason.SESSION_UNKNOWN,
                    "no session " + sessionId + " in the delivery plan of cohort " + cohortId);
        }
        return session;
    }

    private Session delivered(SessionId sessionId) {
        Session session = session(sessionId);
        if (!session.delivered()) {
            throw new DeliveryRefused(DeliveryRefused.Reason.SESSION_NOT_DELIVERED,
                    "session " + sessionId + " of cohort " + cohortId + " has not been delivered");
        }
        return session;
    }

    /** The participant a sheet line names, if they can attend; else the line's error is added. */
    private static Optional<ParticipantId> attendee(Roster roster, SheetLine line, List<SheetRefused.LineError> errors) {
        String column = line.who().column();
        List<RosterEntry> named = roster.namedBy(line.who());
        if (named.size() > 1) {
            errors.add(new SheetRefused.LineError(line.line(), column, named.size()
                    + " participants on the roster have this name: use participantId or seat", true));
            return Optional.empty();
        }
        if (named.isEmpty()) {
            errors.add(new SheetRefused.LineError(line.line(), column, "no such participant on the roster", true));
            return Optional.empty();
        }
        RosterEntry entry = named.get(0);
        if (!entry.active()) {
            errors.add(new SheetRefused.LineError(line.line(), column,
                    "participant " + entry.participantId() + " withdrew from the cohort", true));
            return Optional.empty();
        }
        return Optional.of(entry.participantId());
    }

    /** Whether a session was delivered. */
    public boolean started() {
        return sessions.values().stream().anyMatch(Session::delivered);
    }

    public boolean closed() {
        return closedAt != null;
    }

    /** The hours the plan schedules: the sum of its sessions' hours, the denominator of every attendance rate. */
    public BigDecimal hoursScheduled() {
        return Decimals.normal(sessions.values().stream().map(Session::hours).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** The sessions in plan order. */
    public List<Session> sessions() {
        return sessions.values().stream().sorted(Comparator.comparingInt(Session::sequence)).toList();
    }

    public CohortId cohortId() {
        return cohortId;
    }

    public UUID planId() {
        return planId;
    }

    /** The completion rule version the cohort is judged by. */
    public RuleId rule() {
        return rule;
    }

    public int revision() {
        return revision;
    }

    /** When the current revision was published. */
    public Instant publishedAt() {
        return publishedAt;
    }

    public Optional<Instant> closedAt() {
        return Optional.ofNullable(closedAt);
    }

    private void requireChangeable() {
        requireOpen();
        if (started()) {
            throw new DeliveryRefused(DeliveryRefused.Reason.DELIVERY_STARTED,
                    "the delivery of cohort " + cohortId + " has started: its plan no longer changes");
        }
    }

    private void requireOpen() {
        if (closedAt != null) {
            throw new DeliveryRefused(DeliveryRefused.Reason.DELIVERY_CLOSED,
                    "the delivery of cohort " + cohortId + " was closed");
        }
    }

    private void requireWithin(CohortSchedule schedule, LocalDate date) {
        if (date.isBefore(schedule.startDate()) || date.isAfter(schedule.endDate())) {
            throw new DeliveryRefused(DeliveryRefused.Reason.DATE_OUTSIDE_COHORT,
                    date + " lies outside the cohort's dates " + schedule.startDate() + ".." + schedule.endDate());
        }
    }

    private void nextRevision(Instant at) {
        revision++;
        publishedAt = Objects.requireNonNull(at, "published at");
        resequence();
    }

    private void resequence() {
        List<Session> ordered = new ArrayList<>(sessions.values());
        ordered.sort(Comparator.comparing((Session s) -> s.terms().date()).thenComparingInt(Session::number));
        for (int i = 0; i < ordered.size(); i++) {
            Session session = ordered.get(i);
            sessions.put(session.id(), session.withSequence(i + 1));
        }
    }
}
