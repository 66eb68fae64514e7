package org.aula.session.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.aula.session.domain.CohortId;
import org.aula.session.domain.Completion;
import org.aula.session.domain.CompletionId;
import org.aula.session.domain.CompletionRefused;
import org.aula.session.domain.CompletionRule;
import org.aula.session.domain.Completions;
import org.aula.session.domain.ParticipantId;
import org.aula.session.domain.Roster;
import org.aula.session.domain.Rosters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Decides whether a participant completed the course, once: the first request decides and, for
 * {@code COMPLETED}, appends {@code course.completed} to the outbox in the same transaction; a
 * repeat answers the stored decision and announces nothing again.
 */
@Service
public class RecordCompletion {

    private static final Logger log = LoggerFactory.getLogger(RecordCompletion.class);

    private final Rosters rosters;
    private final Completions completions;
    private final CompletionRule rule;
    private final CompletionEvents events;
    private final Clock clock;
    private final MeterRegistry meters;

    RecordCompletion(Rosters rosters, Completions completions, CompletionRule rule, CompletionEvents events,
            Clock clock, MeterRegistry meters) {
        this.rosters = rosters;
        this.completions = completions;
        this.rule = rule;
        this.events = events;
        this.clock = clock;
        this.meters = meters;
    }

    /** The decision and whether this call made it ({@code false}: it had been made before). */
    public record Recorded(Completion completion, boolean decidedNow) {
    }

    /**
     * @throws UnknownCohort     if no enrolment fact about the cohort has arrived
     * @throws CompletionRefused if the roster refuses to decide (see {@link Roster#decide})
     */
    @Transactional
    public Recorded record(CohortId cohortId, ParticipantId participantId, BigDecimal hoursAttended) {
        // The roster lock serialises deciders of one cohort, so the check below sees any earlier decision.
        Roster roster = rosters.lock(cohortId).orElseThrow(() -> new UnknownCohort(cohortId));
        Optional<Completion> earlier = completions.of(cohortId, participantId);
        if (earlier.isPresent()) {
            log.info("completion of participant {} in cohort {} was decided before ({})", participantId, cohortId,
                    earlier.get().id());
            return new Recorded(earlier.get(), false);
        }
        // Microseconds: what PostgreSQL stores, so the answer now and every later read agree.
        Completion completion = roster.decide(participantId, hoursAttended, rule, CompletionId.random(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        completions.add(completion);
        if (completion.completed()) {
            events.completed(roster, completion);
        }
        countAfterCommit(roster, completion);
        log.info("completion {} of participant {} in cohort {}: {} under {}", completion.id(), participantId, cohortId,
                completion.decision(), completion.ruleVersion());
        return new Recorded(completion, true);
    }

    private void countAfterCommit(Roster roster, Completion completion) {
        Counter counter = Counter.builder("aula.session.completions")
                .description("Completion decisions made, by course and decision")
                .tag("course", roster.courseCode())
                .tag("decision", completion.decision().name())
                .register(meters);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
    }
}
