package org.aula.session.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.aula.kernel.Require;
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
        Session session = session(sessionId);
        if (!session.delivered()) {
            throw new DeliveryRefused(DeliveryRefused.Reason.SESSION_NOT_DELIVERED,
                    "session " + sessionId + " of cohort " + cohortId + " has not been delivered");
        }
        if (hours.signum() < 0 || hours.compareTo(session.hours()) > 0) {
            throw new DeliveryRefused(DeliveryRefused.Reason.HOURS_ABOVE_SESSION,
                    "hours must lie in 0.." + session.hours().toPlainString() + " (session " + sessionId + " lasts "
                            + session.hours().toPlainString() + " h)");
        }
        return session;
    }

    /** Closes the delivery; answers false when it was closed before. */
    public boolean close(Instant at) {
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
