package org.aula.certification.messaging;

import java.util.List;

import org.aula.certification.application.ApplyCompletionRevision;
import org.aula.certification.application.IssueCertificate;
import org.aula.certification.application.RecordCompletionDecision;
import org.aula.certification.domain.Cohort;
import org.aula.certification.domain.CohortId;
import org.aula.certification.domain.Completion;
import org.aula.certification.domain.CompletionDecision;
import org.aula.certification.domain.CompletionId;
import org.aula.certification.domain.CompletionRevision;
import org.aula.certification.domain.Course;
import org.aula.certification.domain.Holder;
import org.aula.certification.domain.ParticipantId;
import org.aula.events.AssessmentResult;
import org.aula.events.CompletionRevised;
import org.aula.events.CourseCompleted;
import org.aula.events.CourseNotCompleted;
import org.aula.events.EventCatalog;
import org.aula.events.Topics;
import org.aula.events.runtime.EventHandlers;
import org.aula.events.runtime.Inbox;
import org.aula.events.runtime.PollTransactions;
import org.aula.events.runtime.UndecodableEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads completion decisions from {@code session.events} for three effects, each with its own inbox
 * name (so each is applied once, and a retry redoes only what failed): the certificate
 * ({@value #CONSUMER}) issued for each {@code course.completed}, and issued or revoked as each
 * {@code completion.revised} says; and the tally of completed, not-completed and revised decisions
 * for the completion figures ({@value #TALLY}). The certificate goes first, so a decision that
 * breaks the contract is dead-lettered before it is counted. Other session facts are ignored.
 * The three effects of one record commit together, or not at all.
 * Third, under its own inbox name, what the donor report keeps ({@link ReportFacts}), revisions
 * included, so a revision moves the report's completions as it moves the figures.
 *
 * <p>A poll's records commit together ({@link PollTransactions}): a facilitator records a cohort's completions at
 * once, and {@code session.events} is keyed by cohort, so they queue on one partition and one listener thread, which
 * at one commit per record could not keep pace (issue 11). A failure is still one record's.
 */
@Component
class CourseCompletionsListener {

    /** Scopes the issuing consumer's rows in the inbox (and its duplicate counter). */
    static final String CONSUMER = "certificate-issuer";
    /** Scopes the tally's rows in the inbox. */
    static final String TALLY = "completion-tally";
    static final String GROUP = "certification-service";

    private final Inbox inbox;
    private final IssueCertificate issueCertificate;
    private final RecordCompletionDecision recordDecision;
    private final ApplyCompletionRevision applyRevision;
    private final EventHandlers issuing = EventHandlers.forConsumer(CONSUMER)
            .on(CourseCompleted.class, this::completed)
            .on(CompletionRevised.class, this::revised)
            .build();
    private final EventHandlers tallying = EventHandlers.forConsumer(TALLY)
            .on(CourseCompleted.class, this::tallyCompleted)
            .on(CourseNotCompleted.class, this::tallyNotCompleted)
            .on(CompletionRevised.class, this::tallyRevised)
            .build();

    private final ReportFacts reportFacts;
    private final PollTransactions transactions;

    CourseCompletionsListener(Inbox inbox, IssueCertificate issueCertificate, RecordCompletionDecision recordDecision,
            ApplyCompletionRevision applyRevision, ReportFacts reportFacts, PollTransactions transactions) {
        this.transactions = transactions;
        this.inbox = inbox;
        this.reportFacts = reportFacts;
        this.issueCertificate = issueCertificate;
        this.recordDecision = recordDecision;
        this.applyRevision = applyRevision;
    }

    @KafkaListener(topics = Topics.SESSION, groupId = GROUP, batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        transactions.apply(CONSUMER, records, this::apply);
    }

    /**
     * A record's three effects, in the poll's transaction (each inbox entry joins it): a failure rolls back all
     * three, and the retry or the redrive applies all three again.
     */
    private void apply(ConsumerRecord<String, byte[]> record) {
        inbox.receive(record, issuing);
        inbox.receive(record, tallying);
        inbox.receive(record, reportFacts.sessionFacts());
    }

    private void completed(CourseCompleted event) {
        issueCertificate.issue(completionOf(event));
    }

    private void revised(CompletionRevised event) {
        applyRevision.apply(revisionOf(event));
    }

    private void tallyCompleted(CourseCompleted event) {
        recordDecision.record(decision(EventCatalog.COURSE_COMPLETED, event.completionId(), event.participantId(),
                event.cohortId(), event.cohortCode(), event.courseCode(), event.institutionCode(),
                CompletionDecision.Outcome.COMPLETED, event.decidedAt()));
    }

    private void tallyNotCompleted(CourseNotCompleted event) {
        recordDecision.record(decision(EventCatalog.COURSE_NOT_COMPLETED, event.completionId(), event.participantId(),
                event.cohortId(), event.cohortCode(), event.courseCode(), event.institutionCode(),
                CompletionDecision.Outcome.NOT_COMPLETED, event.decidedAt()));
    }

    /** A revised decision replaces the earlier one in the figures, in the order of the revisions. */
    private void tallyRevised(CompletionRevised event) {
        recordDecision.record(decision(EventCatalog.COMPLETION_REVISED, event.completionId(), event.participantId(),
                event.cohortId(), event.cohortCode(), event.courseCode(), event.institutionCode(),
                outcomeOf(event.decision()), event.revisedAt(), event.revision()));
    }

    /**
     * The revision a {@code completion.revised} describes, with the completion to certify when the
     * event carries the certificate's facts (contract 1.3). Data that breaks the contract (a
     * revision below 1, a blank reason, a blank name, dates out of order) is undecodable.
     */
    static CompletionRevision revisionOf(CompletionRevised event) {
        CompletionDecision.Outcome outcome = outcomeOf(event.decision());
        try {
            Completion completion = event.carriesCertificateFacts()
                    ? new Completion(
                            new CompletionId(event.completionId()),
                            new Holder(new ParticipantId(event.participantId()), event.participantName(), event.institutionCode()),
                            new Course(event.courseCode(), event.courseTitle(), event.courseHours()),
                            new Cohort(new CohortId(event.cohortId()), event.cohortCode(), event.startDate(), event.endDate()),
                            event.ruleVersion(),
                            event.assessments().stream().filter(AssessmentResult::passed).map(AssessmentResult::title).toList(),
                            event.revisedAt())
                    : null;
            return new CompletionRevision(new CompletionId(event.completionId()), new ParticipantId(event.participantId()),
                    new CohortId(event.cohortId()), event.revision(), outcome, event.reason(), event.revisedAt(), completion);
        } catch (IllegalArgumentException e) {
            throw new UndecodableEventException("data of " + EventCatalog.COMPLETION_REVISED.type()
                    + " breaks its contract: " + e.getMessage());
        }
    }

    static CompletionDecision.Outcome outcomeOf(String decision) {
        try {
            return CompletionDecision.Outcome.valueOf(decision);
        } catch (IllegalArgumentException | NullPointerException unknown) {
            throw new UndecodableEventException("data of " + EventCatalog.COMPLETION_REVISED.type()
                    + " breaks its contract: decision must be COMPLETED or NOT_COMPLETED");
        }
    }

    /**
     * The completion a {@code course.completed} describes. Data that decodes but breaks the
     * contract (a blank name, no hours, dates out of order) cannot be fixed by retrying, so it is
     * undecodable: straight to the dead-letter topic with the reason.
     */
    static Completion completionOf(CourseCompleted event) {
        try {
            return new Completion(
                    new CompletionId(event.completionId()),
                    new Holder(new ParticipantId(event.participantId()), event.participantName(), event.institutionCode()),
                    new Course(event.courseCode(), event.courseTitle(), event.courseHours()),
                    new Cohort(new CohortId(event.cohortId()), event.cohortCode(), event.startDate(), event.endDate()),
                    event.ruleVersion(),
                    event.assessments().stream().filter(AssessmentResult::passed).map(AssessmentResult::title).toList(),
                    event.decidedAt());
        } catch (IllegalArgumentException e) {
            throw new UndecodableEventException("data of " + EventCatalog.COURSE_COMPLETED.type()
                    + " breaks its contract: " + e.getMessage());
        }
    }

    static CompletionDecision decision(EventCatalog type, String completionId, String participantId, String cohortId,
            String cohortCode, String courseCode, String institutionCode, CompletionDecision.Outcome outcome,
            java.time.Instant decidedAt) {
        return decision(type, completionId, participantId, cohortId, cohortCode, courseCode, institutionCode, outcome,
                decidedAt, 0);
    }

    static CompletionDecision decision(EventCatalog type, String completionId, String participantId, String cohortId,
            String cohortCode, String courseCode, String institutionCode, CompletionDecision.Outcome outcome,
            java.time.Instant decidedAt, int revision) {
        try {
            return new CompletionDecision(new CompletionId(completionId), new ParticipantId(participantId),
                    new CohortId(cohortId), cohortCode, courseCode, institutionCode, outcome, decidedAt, revision);
        } catch (IllegalArgumentException e) {
            throw new UndecodableEventException("data of " + type.type() + " breaks its contract: " + e.getMessage());
        }
    }
}
