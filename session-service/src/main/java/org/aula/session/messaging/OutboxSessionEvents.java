package org.aula.session.messaging;

import java.math.BigDecimal;
import java.util.List;

import org.aula.events.AssessmentResult;
import org.aula.events.CohortDeliveryClosed;
import org.aula.events.CompletionRevised;
import org.aula.events.CourseCompleted;
import org.aula.events.CourseNotCompleted;
import org.aula.events.DeliveryPlanPublished;
import org.aula.events.PlannedSession;
import org.aula.events.runtime.Outbox;
import org.aula.session.application.SessionEvents;
import org.aula.session.domain.ParticipantId;
import org.aula.session.domain.completion.Completion;
import org.aula.session.domain.delivery.DeliveryClosure;
import org.aula.session.domain.delivery.DeliveryPlan;
import org.aula.session.domain.delivery.Session;
import org.aula.session.domain.roster.CohortSchedule;
import org.aula.session.domain.roster.Roster;
import org.aula.session.domain.roster.RosterEntry;
import org.aula.session.domain.rule.Decision;
import org.springframework.stereotype.Component;

/**
 * Writes the session service's facts to the outbox: the one place the domain becomes the
 * published contract, self-contained enough (course, dates, participant, figures, rule) that
 * consumers need no call back.
 */
@Component
class OutboxSessionEvents implements SessionEvents {

    private final Outbox outbox;

    OutboxSessionEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public int forgetName(ParticipantId participantId, String replacement) {
        return outbox.redact("participantId", participantId.value(), "participantName", replacement);
    }

    @Override
    public void planPublished(Roster roster, DeliveryPlan plan) {
        outbox.append(deliveryPlanPublished(roster, plan));
    }

    @Override
    public void decided(Roster roster, Completion completion) {
        outbox.append(completion.completed() ? courseCompleted(roster, completion) : courseNotCompleted(roster, completion));
    }

    @Override
    public void revised(Roster roster, Completion revised, Decision previousDecision, String cause) {
        outbox.append(completionRevised(roster, revised, previousDecision, cause));
    }

    @Override
    public void deliveryClosed(Roster roster, DeliveryClosure closure) {
        outbox.append(cohortDeliveryClosed(roster, closure));
    }

    static DeliveryPlanPublished deliveryPlanPublished(Roster roster, DeliveryPlan plan) {
        return new DeliveryPlanPublished(plan.planId().toString(), roster.cohortId().value(), roster.cohortCode(),
                roster.courseCode(), plan.revision(), plan.hoursScheduled().doubleValue(),
                plan.sessions().stream().map(OutboxSessionEvents::plannedSession).toList(), plan.publishedAt());
    }

    static CourseCompleted courseCompleted(Roster roster, Completion completion) {
        CohortSchedule schedule = roster.schedule()
                .orElseThrow(() -> new IllegalStateException("a decided cohort has a schedule"));
        RosterEntry participant = participant(roster, completion);
        return new CourseCompleted(
                completion.id().toString(),
                roster.cohortId().value(),
                roster.cohortCode(),
                schedule.course().code(),
                schedule.course().title(),
                schedule.course().hours(),
                schedule.startDate(),
                schedule.endDate(),
                schedule.location(),
                participant.participantId().value(),
                participant.name(),
                participant.institutionCode(),
                completion.hoursAttended().doubleValue(),
                completion.hoursScheduled().doubleValue(),
                completion.attendanceRate().doubleValue(),
                completion.ruleVersion(),
                completion.decidedAt(),
                assessments(completion),
                exact(completion.hoursAttended()),
                exact(completion.hoursScheduled()),
                exact(completion.attendanceRate()));
    }

    static CourseNotCompleted courseNotCompleted(Roster roster, Completion completion) {
        RosterEntry participant = participant(roster, completion);
        return new CourseNotCompleted(completion.id().toString(), roster.cohortId().value(), roster.cohortCode(),
                roster.courseCode(), participant.participantId().value(), participant.institutionCode(),
                completion.hoursAttended().doubleValue(), completion.hoursScheduled().doubleValue(),
                completion.attendanceRate().doubleValue(), assessments(completion), completion.verdict().reasons(),
                completion.ruleVersion(), completion.decidedAt(), exact(completion.hoursAttended()),
                exact(completion.hoursScheduled()), exact(completion.attendanceRate()));
    }

    static CompletionRevised completionRevised(Roster roster, Completion revised, Decision previousDecision,
            String cause) {
        CohortSchedule schedule = roster.schedule()
                .orElseThrow(() -> new IllegalStateException("a decided cohort has a schedule"));
        RosterEntry participant = participant(roster, revised);
        // Since 1.3 a revision carries what a certificate needs, as course.completed does, so that certification
        // can issue one from a revision to COMPLETED (and order revisions by their number).
        return new CompletionRevised(revised.id().toString(), roster.cohortId().value(), roster.cohortCode(),
                roster.courseCode(), participant.participantId().value(), participant.institutionCode(),
                revised.revision(), previousDecision.name(), revised.decision().name(),
                revised.hoursAttended().doubleValue(), revised.hoursScheduled().doubleValue(),
                revised.attendanceRate().doubleValue(), assessments(revised), revised.ruleVersion(), cause,
                revised.lastChangedAt(), exact(revised.hoursAttended()), exact(revised.hoursScheduled()),
                exact(revised.attendanceRate()), participant.name(), schedule.course().title(),
                schedule.course().hours(), schedule.startDate(), schedule.endDate());
    }

    static CohortDeliveryClosed cohortDeliveryClosed(Roster roster, DeliveryClosure closure) {
        return new CohortDeliveryClosed(roster.cohortId().value(), roster.cohortCode(), roster.courseCode(),
                closure.participants(), closure.completed(), closure.notCompleted(),
                closure.completionRate().doubleValue(), closure.ruleVersion(), closure.closedAt(),
                exact(closure.completionRate()));
    }

    /**
     * The figure the decision was made on, in plain notation ({@code 31.99}, {@code 40}, {@code 0.8}): the
     * {@code ...Exact} fields of the contract. The double beside it stays for consumers of 1.1, and may be rounded.
     */
    static String exact(BigDecimal figure) {
        BigDecimal stripped = figure.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static PlannedSession plannedSession(Session session) {
        return new PlannedSession(session.id().value(), session.sequence(), session.terms().date(),
                session.terms().topic(), session.terms().method().name(), session.hours().doubleValue());
    }

    private static List<AssessmentResult> assessments(Completion completion) {
        return completion.verdict().assessments().stream()
                .map(outcome -> new AssessmentResult(outcome.code(), outcome.title(), outcome.score().doubleValue(),
                        outcome.passMark().doubleValue(), outcome.passed()))
                .toList();
    }

    private static RosterEntry participant(Roster roster, Completion completion) {
        return roster.entry(completion.participantId())
                .orElseThrow(() -> new IllegalStateException("a decided participant is on the roster"));
    }
}
