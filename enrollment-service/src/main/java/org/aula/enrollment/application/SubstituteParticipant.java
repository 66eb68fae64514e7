package org.aula.enrollment.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.aula.enrollment.domain.Cohort;
import org.aula.enrollment.domain.CohortId;
import org.aula.enrollment.domain.CohortRefused;
import org.aula.enrollment.domain.Cohorts;
import org.aula.enrollment.domain.Enrolment;
import org.aula.enrollment.domain.EnrolmentId;
import org.aula.enrollment.domain.EnrolmentRefused;
import org.aula.enrollment.domain.EnrolmentStatus;
import org.aula.enrollment.domain.Enrolments;
import org.aula.enrollment.domain.Participant;
import org.aula.enrollment.domain.ParticipantId;
import org.aula.enrollment.domain.Participants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An institution replaces one of its officials in a cohort by another of its officials, in one transaction: the
 * leaver is withdrawn ({@code participant.withdrawn}, reason {@value #REASON}) and the substitute takes the very seat
 * ({@code participant.enrolled}, same seat number) or place in line ({@code participant.waitlisted}, same position),
 * then the institution's {@code enrolment-counts.changed}. The seat stays in the institution: it is not freed, so the
 * head of the waitlist (perhaps another institution's) is not promoted, and the institution's places, and so its
 * quota, are unchanged. Existing event types, not a new {@code participant.substituted}: every consumer (the session
 * roster, certification, partners) already follows a withdrawal and an enrolment, and the two arrive together, in
 * this order, under the cohort's key.
 */
@Service
public class SubstituteParticipant {

    /** The withdrawal reason published for the official who was replaced. */
    public static final String REASON = "substituted by the nominating institution";

    private static final Logger log = LoggerFactory.getLogger(SubstituteParticipant.class);

    private final Cohorts cohorts;
    private final Participants participants;
    private final Enrolments enrolments;
    private final EnrollmentEvents events;
    private final CountsChanged counts;
    private final EnrollmentMetrics metrics;
    private final Clock clock;

    SubstituteParticipant(Cohorts cohorts, Participants participants, Enrolments enrolments, EnrollmentEvents events,
            CountsChanged counts, EnrollmentMetrics metrics, Clock clock) {
        this.cohorts = cohorts;
        this.participants = participants;
        this.enrolments = enrolments;
        this.events = events;
        this.counts = counts;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The leaver's enrolment, now withdrawn, and the substitute's, in the same seat or place in line. */
    public record Result(Enrolment withdrawn, Enrolment substitute) {
    }

    /**
     * Substitutes {@code substitute} for the official of enrolment {@code leaving}. Refused when the cohort or the
     * enrolment is unknown, the cohort takes no withdrawals (not OPEN or FULL), the enrolment is withdrawn already,
     * the substitute is the leaver, already has an enrolment in the cohort, or is on record as another
     * institution's official.
     */
    @Transactional
    public Result substitute(CohortId cohortId, EnrolmentId leaving, EnrolParticipant.Nominee substitute) {
        // Lock order as for a nomination (see EnrolParticipant): a substitute new to Aula is created first, with the
        // leaver's institution (an enrolment's never changes, so it may be read before the lock); then the cohort;
        // then a substitute on record (the upsert below locks their row).
        Instant now = clock.instant();
        Optional<Participant> newcomer = enrolments.find(leaving).filter(found -> found.cohortId().equals(cohortId))
                .flatMap(found -> participants.createIfNew(new Participant(ParticipantId.random(), substitute.email(),
                        substitute.name(), substitute.position(), found.institution()), now));
        Cohort cohort = cohorts.lock(cohortId).orElseThrow(() -> CohortRefused.unknown(cohortId));
        Enrolment enrolment = enrolments.get(cohortId, leaving);
        if (!cohort.status().takesNominations()) {
            throw new EnrolmentRefused(EnrolmentRefused.Reason.NOT_TAKING_WITHDRAWALS, "cohort " + cohort.code() + " is "
                    + cohort.status() + "; substitutions are taken while it is OPEN or FULL");
        }
        if (enrolment.status() == EnrolmentStatus.WITHDRAWN) {
            throw new EnrolmentRefused(EnrolmentRefused.Reason.WITHDRAWN_FROM_COHORT, "enrolment " + leaving
                    + " is withdrawn; nominate a new official instead");
        }
        Optional<Participant> known = newcomer.isPresent() ? Optional.empty() : participants.findByEmail(substitute.email());
        if (known.isPresent() && known.get().id().equals(enrolment.participantId())) {
            throw EnrolmentRefused.field(EnrolmentRefused.Reason.SUBSTITUTE_IS_LEAVER, "email",
                    "is the official being replaced");
        }
        if (known.isPresent() && !known.get().institution().equals(enrolment.institution())) {
            throw new EnrolmentRefused(EnrolmentRefused.Reason.SUBSTITUTE_OF_ANOTHER_INSTITUTION, "the substitute is on record"
                    + " as an official of " + known.get().institution() + ", not of " + enrolment.institution());
        }
        Participant person = newcomer.isPresent() ? newcomer.get() : participants.register(new Participant(
                ParticipantId.random(), substitute.email(), substitute.name(), substitute.position(),
                enrolment.institution()), now).participant();
        if (newcomer.isEmpty() && enrolments.find(cohortId, person.id()).isPresent()) {
            throw new EnrolmentRefused(EnrolmentRefused.Reason.SUBSTITUTE_IN_COHORT, "the substitute already has an"
                    + " enrolment in cohort " + cohort.code());
        }

        Cohort.Substitution substitution = cohort.substitute(enrolment, EnrolmentId.random(), person.id(), REASON, now);
        enrolments.withdraw(substitution.withdrawal());
        enrolments.add(substitution.replacement());
        events.withdrawn(cohort, substitution.withdrawal());
        if (substitution.replacement().status() == EnrolmentStatus.ENROLLED) {
            events.enrolled(cohort, substitution.replacement(), person, false);
        } else {
            events.waitlisted(cohort, substitution.replacement(), person);
        }
        counts.publish(cohort, List.of(enrolment.institution()), now);
        metrics.substitution(cohort);
        log.info("Enrolment {} in cohort {} substituted by enrolment {}", leaving, cohortId,
                substitution.replacement().id());
        return new Result(substitution.withdrawal().enrolment(), substitution.replacement());
    }
}
