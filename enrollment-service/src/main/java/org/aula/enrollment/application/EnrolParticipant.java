package org.aula.enrollment.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.aula.enrollment.domain.Cohort;
import org.aula.enrollment.domain.CohortId;
import org.aula.enrollment.domain.CohortRefused;
import org.aula.enrollment.domain.CohortStatus;
import org.aula.enrollment.domain.Cohorts;
import org.aula.enrollment.domain.EmailAddress;
import org.aula.enrollment.domain.Enrolment;
import org.aula.enrollment.domain.EnrolmentCounts;
import org.aula.enrollment.domain.EnrolmentId;
import org.aula.enrollment.domain.EnrolmentRefused;
import org.aula.enrollment.domain.Enrolments;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.Participant;
import org.aula.enrollment.domain.ParticipantId;
import org.aula.enrollment.domain.Participants;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An institution nominates officials for a cohort, one or a batch: each gets the next free seat
 * ({@code participant.enrolled}; the last seat also publishes {@code cohort.filled} and the OPEN -> FULL
 * {@code cohort.status-changed}) or, when every seat is taken, the end of the waitlist
 * ({@code participant.waitlisted}), first come, first served; then {@code enrolment-counts.changed} for the
 * institution. Nominating a person (by e-mail address) already in the cohort answers the enrolment they
 * have. A batch is all or nothing: one refusal (cohort not taking nominations, quota exhausted, someone who
 * withdrew from the cohort) refuses it all and leaves no trace.
 *
 * <p>Concurrency, in the order a request meets it:
 * <ol>
 * <li>Nominees new to Aula are created (in e-mail order), before anything is locked: an insert of a new
 *     address waits only for another transaction inserting the same address, and no transaction waits for it
 *     (no path creates a person while it holds a lock), so it cannot close a cycle; and it keeps a statement out
 *     of the cohort's lock, which every nomination of the cohort waits for in turn (issue 11, the seat race). A
 *     nomination that rolls back takes its new people with it.</li>
 * <li>The cohort's row is locked ({@code select ... for update}); status, quota, the institution's counts (in the
 *     same statement as the cohort) and existing enrolments are read after that, so they are the truth until
 *     commit: the counts published afterwards are those plus this nomination's newcomers.</li>
 * <li>The nominees already on record are registered (an upsert, in e-mail order), which locks each person's row
 *     until commit: nominations of one person run one after the other, so a second sees the first one's
 *     enrolment and answers it instead of racing it. (A new person's row is the creating transaction's until it
 *     commits: a second nomination of them waits at step 1, then finds them on record.)</li>
 * <li>Each seat is taken by {@link ClaimSeat} (one conditional update that can never take more seats than
 *     there are); seat numbers, enrolments and events follow under the lock.</li>
 * </ol>
 * The unique constraint on (cohort, participant) is the backstop: if it ever fires, the attempt rolls
 * back (its seat claims with it) and is made once more, which then finds the enrolment that won. Lock
 * order is the service's one order (issue 9): new people's rows first (created, step 1), then cohort rows (by id
 * ascending where a path takes two), then rows of people on record (by e-mail here), as accepting a seat offer and
 * the offer round take them; so nominations cannot deadlock one another nor those.
 */
@Service
public class EnrolParticipant {

    private static final Logger log = LoggerFactory.getLogger(EnrolParticipant.class);

    private final Cohorts cohorts;
    private final Participants participants;
    private final Enrolments enrolments;
    private final ClaimSeat claimSeat;
    private final EnrollmentEvents events;
    private final EnrollmentMetrics metrics;
    private final TransactionTemplate transactions;
    private final Clock clock;

    EnrolParticipant(Cohorts cohorts, Participants participants, Enrolments enrolments, ClaimSeat claimSeat,
            EnrollmentEvents events, EnrollmentMetrics metrics,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.cohorts = cohorts;
        this.participants = participants;
        this.enrolments = enrolments;
        this.claimSeat = claimSeat;
        this.events = events;
        this.metrics = metrics;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** An official to nominate; {@code position} (e.g. "Inspector") is optional. */
    public record Nominee(EmailAddress email, String name, @Nullable String position) {

        @Override
        public String toString() {
            // Personal data stays out of logs and exception messages.
            return "Nominee[redacted]";
        }
    }

    /** A nomination of one or more officials by one institution for one cohort, in the order given. */
    public record Command(CohortId cohort, InstitutionCode institution, List<Nominee> nominees) {

        public Command {
            nominees = List.copyOf(nominees);
        }

        /** A nomination of one official. */
        public static Command of(CohortId cohort, EmailAddress email, String name, @Nullable String position,
                InstitutionCode institution) {
            return new Command(cohort, institution, List.of(new Nominee(email, name, position)));
        }
    }

    /** An enrolment, and whether this request created it (false: the person was already in the cohort). */
    public record Result(Enrolment enrolment, boolean created) {
    }

    /** Enrols (or waitlists) one official; see {@link #nominate}. */
    public Result enrol(Command command) {
        if (command.nominees().size() != 1) {
            throw new IllegalArgumentException("enrol takes one nominee; use nominate for a batch");
        }
        return nominate(command).get(0);
    }

    /**
     * Enrols or waitlists each nominee, in order; answers one result per nominee. Refused for an unknown cohort
     * ({@link org.aula.enrollment.domain.CohortRefused}); when the cohort takes no nominations, when the
     * institution's quota cannot take the new nominees, when a nominee withdrew from the cohort, or when an
     * e-mail address appears twice ({@link EnrolmentRefused}).
     */
    public List<Result> nominate(Command command) {
        refuseDuplicates(command.nominees());
        try {
            return inTransaction(() -> attempt(command));
        } catch (EnrolmentRefused raced) {
            if (raced.reason() != EnrolmentRefused.Reason.ALREADY_ENROLLED) {
                throw raced;
            }
            // The attempt rolled back; the enrolment that won has committed, and the next attempt answers it.
            log.info("Concurrent nomination for cohort {} lost to an existing enrolment; trying again", command.cohort());
            return inTransaction(() -> attempt(command));
        }
    }

    private List<Result> attempt(Command command) {
        Instant now = clock.instant();
        // New people, the cohort, then the people on record (see the lock order above). An unknown cohort is refused
        // here, and the rollback takes the new people with it (cohorts are never deleted).
        Map<EmailAddress, Participant> created = createNewcomers(command, now);
        Cohorts.Nominating locked = cohorts.lockToNominate(command.cohort(), command.institution())
                .orElseThrow(() -> CohortRefused.unknown(command.cohort()));
        Cohort cohort = locked.cohort();
        Map<EmailAddress, Participants.Registration> registered = register(command, created, now);

        Map<EmailAddress, Enrolment> existing = new LinkedHashMap<>();
        for (Nominee nominee : command.nominees()) {
            Participants.Registration registration = registered.get(nominee.email());
            if (registration.created()) {
                continue; // a person new to Aula has no enrolment anywhere: no look-up
            }
            enrolments.find(cohort.id(), registration.participant().id()).ifPresent(enrolment -> {
                if (enrolment.isWithdrawn()) {
                    // Re-enrolment after a withdrawal needs a policy (same seat? back of the line?) that we do
                    // not have; refusing keeps one enrolment per participant and cohort.
                    throw new EnrolmentRefused(EnrolmentRefused.Reason.WITHDRAWN_FROM_COHORT,
                            "enrolment " + enrolment.id() + " was withdrawn; re-enrolment is not supported");
                }
                existing.put(nominee.email(), enrolment);
            });
        }
        int newcomers = command.nominees().size() - existing.size();
        if (newcomers > 0) {
            refuseUnlessAdmitted(cohort, command.institution(), locked.held(), newcomers);
        }

        List<Result> results = new ArrayList<>();
        int seated = 0;
        for (Nominee nominee : command.nominees()) {
            Enrolment found = existing.get(nominee.email());
            if (found != null) {
                results.add(new Result(found, false));
                continue;
            }
            Participant participant = registered.get(nominee.email()).participant();
            if (cohort.status() == CohortStatus.OPEN) {
                ClaimSeat.Seated seat = claimSeat.claim(cohort, participant, command.institution(), now);
                cohort = seat.cohort();
                results.add(new Result(seat.enrolment(), true));
                seated++;
            } else {
                Cohort.Waitlisting waitlisting = waitlist(cohort, participant, command.institution(), now);
                cohort = waitlisting.cohort();
                results.add(new Result(waitlisting.enrolment(), true));
            }
        }
        if (newcomers > 0) {
            // The institution's counts as read under the lock, plus this nomination's newcomers: its only changes.
            EnrolmentCounts held = locked.held();
            events.counts(cohort, command.institution(), new EnrolmentCounts(held.enrolled() + seated,
                    held.waitlisted() + newcomers - seated, held.withdrawn()), now);
        }
        return results;
    }

    /** Puts the official at the end of a FULL cohort's waitlist: {@code participant.waitlisted}. */
    private Cohort.Waitlisting waitlist(Cohort cohort, Participant participant, InstitutionCode institution, Instant now) {
        Cohort.Waitlisting waitlisting = cohort.waitlist(EnrolmentId.random(), participant.id(), institution, now);
        Enrolment enrolment = waitlisting.enrolment();
        enrolments.add(enrolment);
        events.waitlisted(waitlisting.cohort(), enrolment, participant);
        metrics.enrolment(cohort, "waitlisted");
        log.info("Enrolment {} in cohort {}: waitlist position {}", enrolment.id(), cohort.id(),
                enrolment.waitlistPosition());
        return waitlisting;
    }

    /** The nominees new to Aula, created (in e-mail order); the others are registered under the cohort's lock. */
    private Map<EmailAddress, Participant> createNewcomers(Command command, Instant now) {
        Map<EmailAddress, Participant> created = new LinkedHashMap<>();
        inEmailOrder(command.nominees()).forEach(nominee -> participants.createIfNew(candidate(nominee, command), now)
                .ifPresent(participant -> created.put(nominee.email(), participant)));
        return created;
    }

    /** Each nominee's participant: the one created, or the one on record (updated, and locked until commit). */
    private Map<EmailAddress, Participants.Registration> register(Command command, Map<EmailAddress, Participant> created,
            Instant now) {
        Map<EmailAddress, Participants.Registration> registered = new LinkedHashMap<>();
        inEmailOrder(command.nominees()).forEach(nominee -> {
            Participant newcomer = created.get(nominee.email());
            registered.put(nominee.email(), newcomer != null ? new Participants.Registration(newcomer, true)
                    : participants.register(candidate(nominee, command), now));
        });
        return registered;
    }

    private static List<Nominee> inEmailOrder(List<Nominee> nominees) {
        return nominees.stream().sorted(Comparator.comparing((Nominee nominee) -> nominee.email().value())).toList();
    }

    private static Participant candidate(Nominee nominee, Command command) {
        return new Participant(ParticipantId.random(), nominee.email(), nominee.name(), nominee.position(),
                command.institution());
    }

    private void refuseUnlessAdmitted(Cohort cohort, InstitutionCode institution, EnrolmentCounts counts, int newcomers) {
        if (!cohort.status().takesNominations()) {
            throw new EnrolmentRefused(EnrolmentRefused.Reason.NOT_TAKING_NOMINATIONS,
                    "cohort " + cohort.code() + " is " + cohort.status() + "; nominations are taken while it is OPEN or FULL");
        }
        Optional<Integer> quota = cohort.quotas().placesFor(institution);
        if (quota.isPresent()) {
            int held = counts.places();
            if (!cohort.admits(institution, held, newcomers)) {
                throw new EnrolmentRefused(EnrolmentRefused.Reason.QUOTA_EXHAUSTED, institution + " may hold " + quota.get()
                        + " places (seats and waitlist) in cohort " + cohort.code() + "; it holds " + held
                        + " and this request asks for " + newcomers + " more");
            }
        }
    }

    private static void refuseDuplicates(List<Nominee> nominees) {
        if (nominees.isEmpty()) {
            throw EnrolmentRefused.field(EnrolmentRefused.Reason.NO_NOMINEE, "officials", "must name at least one official");
        }
        Set<EmailAddress> seen = new HashSet<>();
        for (int i = 0; i < nominees.size(); i++) {
            if (!seen.add(nominees.get(i).email())) {
                throw EnrolmentRefused.field(EnrolmentRefused.Reason.NOMINEE_TWICE, "officials[" + i + "].email",
                        "appears twice in the nomination");
            }
        }
    }

    private List<Result> inTransaction(Supplier<List<Result>> work) {
        List<Result> result = transactions.execute(status -> work.get());
        if (result == null) {
            throw new IllegalStateException("transaction answered nothing");
        }
        return result;
    }
}
