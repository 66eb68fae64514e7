package org.aula.session.application;

import java.time.Instant;

import org.aula.session.domain.CohortId;
import org.aula.session.domain.CohortSchedule;
import org.aula.session.domain.Enrolment;
import org.aula.session.domain.ParticipantId;
import org.aula.session.domain.Roster;
import org.aula.session.domain.Rosters;
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

    KeepRoster(Rosters rosters) {
        this.rosters = rosters;
    }

    /** {@code cohort.scheduled}: remembers the course, its hours, the dates and place for later use. */
    @Transactional
    public void schedule(CohortId cohortId, String cohortCode, CohortSchedule schedule) {
        Roster roster = rosters.lockOrOpen(cohortId, cohortCode, schedule.course().code());
        if (roster.schedule(cohortCode, schedule)) {
            rosters.save(roster);
            log.info("cohort {} scheduled: course {}, {} h", cohortId, schedule.course().code(), schedule.course().hours());
        }
    }

    /**
     * {@code participant.enrolled}: puts the participant on the roster (or back on it after a
     * withdrawal). A cohort not yet scheduled gets a roster anyway: facts are never lost to ordering.
     */
    @Transactional
    public void enrol(CohortId cohortId, String cohortCode, String courseCode, Enrolment enrolment) {
        Roster roster = rosters.lockOrOpen(cohortId, cohortCode, courseCode);
        if (roster.enrol(enrolment)) {
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

    /** {@code cohort.filled}: locks the roster (the delivery plan will be published from here). */
    @Transactional
    public void lock(CohortId cohortId, String cohortCode, String courseCode, int fillNumber, Instant filledAt) {
        Roster roster = rosters.lockOrOpen(cohortId, cohortCode, courseCode);
        if (roster.lock(fillNumber, filledAt)) {
            rosters.save(roster);
            log.info("roster of cohort {} locked at fill {}", cohortId, fillNumber);
        }
    }
}
