package org.aula.enrollment.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.aula.enrollment.domain.CatalogueCourse;
import org.aula.enrollment.domain.Cohort;
import org.aula.enrollment.domain.CohortCode;
import org.aula.enrollment.domain.CohortId;
import org.aula.enrollment.domain.CohortStatus;
import org.aula.enrollment.domain.Cohorts;
import org.aula.enrollment.domain.EmailAddress;
import org.aula.enrollment.domain.Enrolment;
import org.aula.enrollment.domain.EnrolmentCounts;
import org.aula.enrollment.domain.EnrolmentId;
import org.aula.enrollment.domain.EnrolmentStatus;
import org.aula.enrollment.domain.Enrolments;
import org.aula.enrollment.domain.Institution;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.NomineeEntry;
import org.aula.enrollment.domain.Paging;
import org.aula.enrollment.domain.Participant;
import org.aula.enrollment.domain.ParticipantId;
import org.aula.enrollment.domain.Participants;
import org.aula.enrollment.domain.Programme;
import org.aula.enrollment.domain.RosterEntry;
import org.aula.enrollment.domain.SeatOffer;
import org.aula.enrollment.domain.Transition;
import org.jspecify.annotations.Nullable;

/**
 * In-memory stand-ins for the domain's ports and the events port, for use-case tests without Spring or a
 * database. They keep what the use cases under test read and write; anything else is unsupported.
 */
final class InMemoryPorts {

    private InMemoryPorts() {
    }

    /** Cohorts by id; {@link #lock} answers the stored cohort (one thread, so no lock is needed). */
    static final class CohortsInMemory implements Cohorts {

        private final Map<CohortId, Cohort> cohorts = new LinkedHashMap<>();

        void put(Cohort cohort) {
            cohorts.put(cohort.id(), cohort);
        }

        @Override
        public Optional<Cohort> find(CohortId id) {
            return Optional.ofNullable(cohorts.get(id));
        }

        @Override
        public Optional<Cohort> lock(CohortId id) {
            return find(id);
        }

        @Override
        public Optional<Nominating> lockToNominate(CohortId id, InstitutionCode institution) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void update(Cohort cohort, Instant at) {
            put(cohort);
        }

        @Override
        public void apply(Transition transition, Instant at) {
            put(transition.cohort());
        }

        @Override
        public void claimSeat(Cohort.SeatClaim claim) {
            put(claim.cohort());
        }

        @Override
        public void updateQuotas(Cohort cohort) {
            put(cohort);
        }

        @Override
        public boolean add(Cohort cohort, Instant scheduledAt) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Cohort> findByCode(CohortCode code) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Paging.Page<Cohort> list(@Nullable String courseCode, @Nullable CohortStatus status, Paging paging) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Cohort> openCohortsOfCourse(String courseCode, LocalDate from, CohortId excluding) {
            throw new UnsupportedOperationException();
        }
    }

    /** Enrolments by id, with the waitlist kept as positions, as the database keeps them. */
    static final class EnrolmentsInMemory implements Enrolments {

        private final Map<EnrolmentId, Enrolment> enrolments = new LinkedHashMap<>();

        @Override
        public void add(Enrolment enrolment) {
            enrolments.put(enrolment.id(), enrolment);
        }

        @Override
        public void update(Enrolment enrolment) {
            enrolments.put(enrolment.id(), enrolment);
        }

        @Override
        public void withdraw(Enrolment.Withdrawal withdrawal) {
            enrolments.put(withdrawal.enrolment().id(), withdrawal.enrolment());
        }

        @Override
        public Optional<Enrolment> find(EnrolmentId id) {
            return Optional.ofNullable(enrolments.get(id));
        }

        @Override
        public Optional<Enrolment> find(CohortId cohort, ParticipantId participant) {
            return of(cohort).stream().filter(enrolment -> enrolment.participantId().equals(participant)).findFirst();
        }

        @Override
        public int lowestFreeSeat(CohortId cohort, int capacity) {
            List<Integer> held = of(cohort).stream().map(Enrolment::seatNumber).filter(seat -> seat != null).toList();
            for (int seat = 1; seat <= capacity; seat++) {
                if (!held.contains(seat)) {
                    return seat;
                }
            }
            throw new IllegalStateException("no free seat in cohort " + cohort);
        }

        @Override
        public Optional<Enrolment> headOfWaitlist(CohortId cohort) {
            return waiting(cohort).stream().filter(enrolment -> enrolment.waitlistPosition() == 1).findFirst();
        }

        @Override
        public void closeWaitlistGap(CohortId cohort, int position) {
            for (Enrolment enrolment : waiting(cohort)) {
                int place = enrolment.waitlistPosition();
                if (place > position) {
                    enrolments.put(enrolment.id(), new Enrolment(enrolment.id(), enrolment.cohortId(),
                            enrolment.participantId(), enrolment.institution(), EnrolmentStatus.WAITLISTED, null,
                            place - 1, enrolment.changedAt()));
                }
            }
        }

        @Override
        public List<Enrolment> active(CohortId cohort) {
            return of(cohort).stream().filter(enrolment -> !enrolment.isWithdrawn()).toList();
        }

        @Override
        public EnrolmentCounts counts(CohortId cohort, InstitutionCode institution) {
            List<Enrolment> theirs = of(cohort).stream()
                    .filter(enrolment -> enrolment.institution().equals(institution)).toList();
            return new EnrolmentCounts(count(theirs, EnrolmentStatus.ENROLLED), count(theirs, EnrolmentStatus.WAITLISTED),
                    count(theirs, EnrolmentStatus.WITHDRAWN));
        }

        /** The cohort's waitlist in line order. */
        List<Enrolment> waiting(CohortId cohort) {
            return of(cohort).stream().filter(enrolment -> enrolment.status() == EnrolmentStatus.WAITLISTED)
                    .sorted(Comparator.comparing(Enrolment::waitlistPosition)).toList();
        }

        private List<Enrolment> of(CohortId cohort) {
            return new ArrayList<>(enrolments.values().stream()
                    .filter(enrolment -> enrolment.cohortId().equals(cohort)).toList());
        }

        private static int count(List<Enrolment> enrolments, EnrolmentStatus status) {
            return (int) enrolments.stream().filter(enrolment -> enrolment.status() == status).count();
        }

        @Override
        public Paging.Page<RosterEntry> roster(CohortId cohort, @Nullable EnrolmentStatus status,
                @Nullable InstitutionCode institution, Paging paging) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Paging.Page<NomineeEntry> nominees(InstitutionCode institution, @Nullable CohortId cohort, Paging paging) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<InstitutionCode> institutionsOf(ParticipantId participant) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<InstitutionCode, Integer> placesByInstitution(CohortId cohort) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<RosterEntry> offerCandidates(CohortId waitingFor, CohortId target) {
            throw new UnsupportedOperationException();
        }
    }

    /** Participants by id. */
    static final class ParticipantsInMemory implements Participants {

        private final Map<ParticipantId, Participant> participants = new LinkedHashMap<>();

        void put(Participant participant) {
            participants.put(participant.id(), participant);
        }

        @Override
        public Optional<Participant> find(ParticipantId id) {
            return Optional.ofNullable(participants.get(id));
        }

        @Override
        public Optional<Participant> lock(ParticipantId id) {
            return find(id);
        }

        @Override
        public Registration register(Participant candidate, Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Participant> createIfNew(Participant candidate, Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Participant> findByEmail(EmailAddress email) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void erase(Participant erased, Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Instant> erasedAt(ParticipantId id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Paging.Page<Participant> list(@Nullable InstitutionCode institution, Paging paging) {
            throw new UnsupportedOperationException();
        }
    }

    /** The events a use case published, in order, each as one line (type and what it says). */
    static final class RecordedEvents implements EnrollmentEvents {

        final List<String> published = new ArrayList<>();

        @Override
        public void scheduled(Cohort cohort) {
            published.add("cohort.scheduled " + cohort.code());
        }

        @Override
        public void statusChanged(Transition transition, Instant at) {
            published.add("cohort.status-changed " + transition.from() + " -> " + transition.to());
        }

        @Override
        public void enrolled(Cohort cohort, Enrolment enrolment, Participant participant, boolean promotedFromWaitlist) {
            published.add("participant.enrolled " + enrolment.id() + " seat " + enrolment.seatNumber()
                    + (promotedFromWaitlist ? " promoted" : ""));
        }

        @Override
        public void waitlisted(Cohort cohort, Enrolment enrolment, Participant participant) {
            published.add("participant.waitlisted " + enrolment.id() + " position " + enrolment.waitlistPosition());
        }

        @Override
        public void withdrawn(Cohort cohort, Enrolment.Withdrawal withdrawal) {
            published.add("participant.withdrawn " + withdrawal.enrolment().id());
        }

        @Override
        public void filled(Cohort cohort, Instant at) {
            published.add("cohort.filled " + cohort.fillNumber());
        }

        @Override
        public void counts(Cohort cohort, InstitutionCode institution, EnrolmentCounts counts, Instant at) {
            published.add("enrolment-counts.changed " + institution.value() + " " + counts.enrolled() + "/"
                    + counts.waitlisted() + "/" + counts.withdrawn());
        }

        @Override
        public void offered(SeatOffer offer, Cohort target, Cohort waitedFor, Participant participant) {
            published.add("seat.offered " + offer.id());
        }

        @Override
        public void declined(SeatOffer offer, Cohort target, Cohort waitedFor) {
            published.add("seat.declined " + offer.id());
        }

        @Override
        public void erased(Participant participant, Instant at, List<InstitutionCode> institutions) {
            published.add("participant.erased " + participant.id());
        }

        @Override
        public void courseDefined(CatalogueCourse course, Instant at) {
            published.add("course.defined " + course.code());
        }

        @Override
        public void programmeDefined(Programme programme, Institution awarding, Instant at) {
            published.add("programme.defined " + programme.code());
        }
    }
}
