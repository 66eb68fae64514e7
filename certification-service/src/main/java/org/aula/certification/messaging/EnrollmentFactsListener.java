package org.aula.certification.messaging;

import org.aula.certification.application.DefineProgramme;
import org.aula.certification.application.EraseParticipant;
import org.aula.certification.domain.ParticipantId;
import org.aula.certification.domain.Programme;
import org.aula.certification.domain.ProgrammeId;
import org.aula.events.EventCatalog;
import org.aula.events.ParticipantErased;
import org.aula.events.ProgrammeDefined;
import org.aula.events.Topics;
import org.aula.events.runtime.EventHandlers;
import org.aula.events.runtime.Inbox;
import org.aula.events.runtime.UndecodableEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads what certification needs from {@code enrollment.events}: programme requirements
 * ({@code programme.defined}, inbox name {@value #PROGRAMMES}) and erasures
 * ({@code participant.erased}, inbox name {@value #ERASURE}). One listener, so the topic is read
 * once; two inbox names, one per effect, and a third for the donor report's cohort dates
 * ({@link ReportFacts}). Every other enrollment fact is ignored.
 */
@Component
class EnrollmentFactsListener {

    static final String PROGRAMMES = "certification-programmes";
    static final String ERASURE = "certification-erasure";

    private final Inbox inbox;
    private final DefineProgramme defineProgramme;
    private final EraseParticipant eraseParticipant;
    private final EventHandlers programmes = EventHandlers.forConsumer(PROGRAMMES)
            .on(ProgrammeDefined.class, this::defined)
            .build();
    private final EventHandlers erasures = EventHandlers.forConsumer(ERASURE)
            .on(ParticipantErased.class, this::erased)
            .build();

    private final ReportFacts reportFacts;
    private final TransactionTemplate transactions;

    EnrollmentFactsListener(Inbox inbox, DefineProgramme defineProgramme, EraseParticipant eraseParticipant,
            ReportFacts reportFacts, PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.inbox = inbox;
        this.reportFacts = reportFacts;
        this.defineProgramme = defineProgramme;
        this.eraseParticipant = eraseParticipant;
    }

    @KafkaListener(topics = Topics.ENROLLMENT, groupId = CourseCompletionsListener.GROUP)
    void on(ConsumerRecord<String, byte[]> record) {
        // One transaction for the three effects, as CourseCompletionsListener's (issue 11).
        transactions.executeWithoutResult(status -> {
            inbox.receive(record, programmes);
            inbox.receive(record, erasures);
            inbox.receive(record, reportFacts.enrollmentFacts());
        });
    }

    private void defined(ProgrammeDefined event) {
        defineProgramme.define(programmeOf(event));
    }

    private void erased(ParticipantErased event) {
        ParticipantId participant;
        try {
            participant = new ParticipantId(event.participantId());
        } catch (IllegalArgumentException e) {
            throw new UndecodableEventException("data of " + EventCatalog.PARTICIPANT_ERASED.type() + " breaks its contract: " + e.getMessage());
        }
        if (event.erasedAt() == null) {
            throw new UndecodableEventException("data of " + EventCatalog.PARTICIPANT_ERASED.type() + " breaks its contract: erased at is required");
        }
        eraseParticipant.erase(participant, event.erasedAt());
    }

    /** A programme definition that breaks the contract (no code, a code that cannot be numbered) is undecodable. */
    static Programme programmeOf(ProgrammeDefined event) {
        try {
            return new Programme(new ProgrammeId(event.programmeId()), event.programmeCode(), event.title(),
                    event.awardingInstitution(), event.requiredCourseCodes(), event.definedAt());
        } catch (IllegalArgumentException e) {
            throw new UndecodableEventException("data of " + EventCatalog.PROGRAMME_DEFINED.type()
                    + " breaks its contract: " + e.getMessage());
        }
    }
}
