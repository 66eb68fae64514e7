package org.aula.session.application;

import java.time.Instant;

import org.aula.session.domain.CohortId;
import org.aula.session.domain.ParticipantId;
import org.aula.session.domain.roster.CohortSchedule;
import org.aula.session.domain.roster.Enrolment;
import org.aula.session.domain.roster.ErasedParticipants;
import org.aula.session.domain.roster.Roster;
import org.aula.session.domain.roster.RosterEntry;
import org.aula.session.domain.roster.Rosters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each cohort's roster in step with enrollment-service's facts. Every method locks the
 * roster for its transaction (which, called from the inbox, is also the transaction that records
 * the event as processed) and writes only when the fact changed something.
 */
@Service
public class KeepRoster {

    private static final Logger log = LoggerFactory.getLogger(KeepRoster.class);

    private final Rosters rosters;
    private final ErasedParticipants erasedParticipants;
    private final PlanDelivery planDelivery;
    private final SessionEvents events;

    KeepRoster(Rosters rosters, ErasedParticipants erasedParticipants, PlanDelivery planDelivery, SessionEvents events) {
        this.events = events;
        this.rosters = rosters;
        this.erasedParticipants = erasedParticipants;
        this.planDelivery = planDelivery;
    }

    /**
     * {@code cohort.scheduled}: remembers the course, its hours, the dates and place. A roster that
     * locked before its schedule arrived gets its delivery plan now.
     */
    @Transactional
    public void schedule(CohortId cohortId, String cohortCode, CohortSchedule schedule) {
        Roster roster = rosters.lockOrOpen(cohortId, cohortCode, schedule.course().code());
        if (roster.schedule(cohortCode, schedule)) {
            rosters.save(roster);
            log.info("cohort {} scheduled: course {}, {} h", cohortId, schedule.course().code(), schedule.course().hours());
        }
        planDelivery.publishFirst(roster);
    }

    /**
     * {@code participant.enrolled}: puts the participant on the roster (or back on it after a
     * withdrawal). A cohort not yet scheduled gets a roster anyway: facts are never lost to ordering.
     * A participant erased before (the erasure travels under another key, so it may overtake the
     * enrolment) goes on the roster under the pseudonym: the name never reaches this service's store.
     */
    @Transactional
    public void enrol(CohortId cohortId, String cohortCode, String courseCode, Enrolment enrolment) {
        // Participant before roster, as erase() takes them: ordered against an erasure committing now.
        erasedParticipants.lock(enrolment.participantId());
        Enrolment applied = erasedParticipants.isErased(enrolment.participantId()) ? enrolment.erased() : enrolment;
        Roster roster = rosters.lockOrOpen(cohortId, cohortCode, courseCode);
        if (roster.enrol(applied)) {
            rosters.save(roster);
            log.info("participant {} on the roster of cohort {}, seat {}", enrolment.participantId(), cohortId,
                    enrolment.seatNumber());
        } else {
            log.debug("enrolment of participant {} in cohort {} already reflected", enrolment.participantId(), cohortId);
        }
    }

    /** {@code participant.withdrawn}: marks the entry withdrawn; ignored for a cohort or participant never seen. */
    @Transactional
    public void withdraw(CohortId cohortId, ParticipantId participantId, Instant withdrawnAt) {
        rosters.lock(cohortId).ifPresentOrElse(roster -> {
            if (roster.withdraw(participantId, withdrawnAt)) {
                rosters.save(roster);
                log.info("participant {} withdrawn from the roster of cohort {}", participantId, cohortId);
            } else {
                log.debug("withdrawal of participant {} from cohort {} changes nothing", participantId, cohortId);
            }
        }, () -> log.info("withdrawal from unknown cohort {} ignored", cohortId));
    }

    /**
     * {@code cohort.filled}: locks the roster and publishes the delivery plan (once: a later fill
     * moves the lock, the plan stays; a cohort whose schedule has not arrived is planned when it does).
     */
    @Transactional
    public void lock(CohortId cohortId, String cohortCode, String courseCode, int fillNumber, Instant filledAt) {
        Roster roster = rosters.lockOrOpen(cohortId, cohortCode, courseCode);
        if (roster.lock(fillNumber, filledAt)) {
            rosters.save(roster);
            log.info("roster of cohort {} locked at fill {}", cohortId, fillNumber);
        }
        planDelivery.publishFirst(roster);
    }

    /**
     * {@code participant.erased}: the participant's name leaves every roster; ids, seats, attendance
     * and decisions stay (certificate verification needs them). The erasure is remembered, so an
     * enrolment that arrives later is kept under the pseudonym. Rosters are locked in id order,
     * after the participant.
     */
    @Transactional
    public void erase(ParticipantId participantId, Instant erasedAt) {
        erasedParticipants.lock(participantId);
        erasedParticipants.record(participantId, erasedAt);
        for (CohortId cohortId : rosters.withParticipant(participantId)) {
            rosters.lock(cohortId).filter(roster -> roster.erase(participantId)).ifPresent(roster -> {
                rosters.save(roster);
                log.info("participant {} erased from the roster of cohort {}", participantId, cohortId);
            });
        }
        int payloads = events.forgetName(participantId, RosterEntry.ERASED_NAME);
        log.info("participant {} erased from {} stored event payloads", participantId, payloads);
    }
}
