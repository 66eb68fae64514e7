package org.aula.session.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.aula.session.domain.CohortId;
import org.aula.session.domain.CompletionId;
import org.aula.session.domain.ParticipantId;
import org.aula.session.domain.SessionId;
import org.aula.session.domain.attendance.AssessmentScore;
import org.aula.session.domain.attendance.AssessmentScores;
import org.aula.session.domain.attendance.AttendanceEntry;
import org.aula.session.domain.attendance.AttendanceLog;
import org.aula.session.domain.completion.Completion;
import org.aula.session.domain.completion.Completions;
import org.aula.session.domain.completion.DecisionBasis;
import org.aula.session.domain.course.Course;
import org.aula.session.domain.delivery.DeliveryClosure;
import org.aula.session.domain.delivery.DeliveryClosures;
import org.aula.session.domain.delivery.DeliveryPlan;
import org.aula.session.domain.delivery.DeliveryPlans;
import org.aula.session.domain.delivery.DeliveryRefused;
import org.aula.session.domain.delivery.PlanTemplate;
import org.aula.session.domain.roster.CohortSchedule;
import org.aula.session.domain.roster.Enrolment;
import org.aula.session.domain.roster.Roster;
import org.aula.session.domain.roster.Rosters;
import org.aula.session.domain.rule.CompletionRule;
import org.aula.session.domain.rule.CompletionRules;
import org.aula.session.domain.rule.CompletionTerms;
import org.aula.session.domain.rule.Decision;
import org.aula.session.domain.rule.RuleId;
import org.aula.session.domain.rule.RuleSource;
import org.aula.session.domain.rule.Verdict;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Closing a delivery on in-memory ports: who is decided, once, on what is recorded, and what is announced. */
class CloseDeliveryTest {

    private static final Instant T0 = Instant.parse("2019-05-18T17:00:00Z");
    private static final CohortId COHORT = new CohortId("cohort-1");
    private static final RuleId RULE = new RuleId("BMM", 1);
    private static final ParticipantId ANA = new ParticipantId("ana");
    private static final ParticipantId BOB = new ParticipantId("bob");
    private static final ParticipantId CY = new ParticipantId("cy");
    private static final ParticipantId DAN = new ParticipantId("dan");

    private final InMemoryRosters rosters = new InMemoryRosters();
    private final InMemoryPlans plans = new InMemoryPlans();
    private final InMemoryCompletions completions = new InMemoryCompletions();
    private final InMemoryClosures closures = new InMemoryClosures();
    private final InMemoryAttendance attendance = new InMemoryAttendance();
    private final RecordedEvents events = new RecordedEvents();
    private final CompletionRules rules = new OneRule(new CompletionRule(RULE, CompletionTerms.standard(),
            RuleSource.CONFIG, T0.minusSeconds(3600 * 24 * 30)));
    private final DecisionMetrics metrics = new DecisionMetrics(new SimpleMeterRegistry()) {
        @Override
        void decided(String courseCode, Completion completion) {
            // counted after commit in the service; nothing commits here
        }
    };
    private final CloseDelivery closeDelivery = new CloseDelivery(rosters, plans, completions, closures,
            new Reconsider(attendance, new NoScores(), completions, rules, events, metrics), events, metrics,
            Clock.fixed(T0, ZoneOffset.UTC));

    @Test
    void closingDecidesEveryoneWithASeatAndEveryoneWhoAttendedSomeOnceThenSummarises() {
        cohortWithFourParticipants();
        attended(ANA, "40");   // 100 %
        attended(BOB, "31.96");   // 79.9 %: below 80 %
        attended(DAN, "5");   // withdrew mid-course
        // cy withdrew before attending anything: not decided

        CloseDelivery.Closed closed = closeDelivery.close(COHORT);

        assertThat(closed.now()).isTrue();
        assertThat(completions.ofCohort(COHORT)).extracting(Completion::participantId, Completion::decision)
                .containsExactlyInAnyOrder(
                        tuple(ANA, Decision.COMPLETED),
                        tuple(BOB, Decision.NOT_COMPLETED),
                        tuple(DAN, Decision.NOT_COMPLETED));
        assertThat(completions.of(COHORT, DAN).orElseThrow().verdict().reasons()).contains(Verdict.WITHDRAWN);
        assertThat(completions.of(COHORT, BOB).orElseThrow().verdict().reasons())
                .containsExactly(Verdict.ATTENDANCE_BELOW_MINIMUM);
        assertThat(completions.ofCohort(COHORT)).allSatisfy(completion -> {
            assertThat(completion.basis()).isEqualTo(DecisionBasis.RECORDED_DELIVERY);
            assertThat(completion.ruleVersion()).isEqualTo("BMM.completion.v1");
            assertThat(completion.hoursScheduled()).isEqualByComparingTo("40");
        });

        DeliveryClosure closure = closed.closure();
        assertThat(closure.participants()).isEqualTo(3);
        assertThat(closure.completed()).isEqualTo(1);
        assertThat(closure.notCompleted()).isEqualTo(2);
        assertThat(closure.completionRate()).isEqualByComparingTo("0.333333");
        assertThat(closure.notDecided()).containsExactly(CY);
        assertThat(closures.of(COHORT)).hasValue(closure);
        assertThat(plans.of(COHORT).orElseThrow().closedAt()).hasValue(T0);
        // each decision announced, then one summary
        assertThat(events.announced).hasSize(4);
        assertThat(events.announced.subList(0, 3)).allMatch(event -> event.startsWith("decided "));
        assertThat(events.announced.get(3)).isEqualTo("delivery-closed cohort-1 3/1");
    }

    @Test
    void closingAgainAnswersTheFirstClosingAndAnnouncesNothing() {
        cohortWithFourParticipants();
        attended(ANA, "40");
        CloseDelivery.Closed first = closeDelivery.close(COHORT);
        events.announced.clear();

        CloseDelivery.Closed again = closeDelivery.close(COHORT);

        assertThat(again.now()).isFalse();
        assertThat(again.closure()).isEqualTo(first.closure());
        assertThat(events.announced).isEmpty();
        assertThat(completions.ofCohort(COHORT)).hasSize(2);   // ana and bob; cy and dan withdrew before attending
    }

    @Test
    void aParticipantDecidedBeforeFromStatedHoursIsNotDecidedAgain() {
        Roster roster = cohortWithFourParticipants();
        Completion stated = roster.decideOnStatedHours(ANA, BigDecimal.valueOf(36), null, rules.find(RULE).orElseThrow(),
                CompletionId.random(), T0.minusSeconds(60));
        completions.add(stated);
        attended(DAN, "5");

        closeDelivery.close(COHORT);

        assertThat(completions.of(COHORT, ANA)).hasValue(stated);
        assertThat(events.announced).noneMatch(event -> event.startsWith("decided ana"));
        assertThat(closures.of(COHORT).orElseThrow().participants()).isEqualTo(3);   // ana (before), bob and dan
    }

    @Test
    void anUnknownCohortOrOneWithoutAPlanIsRefusedAndNothingIsWritten() {
        assertRefused(COHORT, DeliveryRefused.Reason.COHORT_UNKNOWN);

        rosters.put(Roster.open(COHORT, "BMM-2019-05", "BMM"));
        assertRefused(COHORT, DeliveryRefused.Reason.NO_PLAN);

        assertThat(completions.all).isEmpty();
        assertThat(events.announced).isEmpty();
    }

    private void assertRefused(CohortId cohort, DeliveryRefused.Reason reason) {
        assertThatThrownBy(() -> closeDelivery.close(cohort)).isInstanceOfSatisfying(DeliveryRefused.class,
                refusal -> assertThat(refusal.reason()).isEqualTo(reason));
    }

    /** ana and bob hold seats; cy and dan withdrew. A 40-hour plan with every session delivered. */
    private Roster cohortWithFourParticipants() {
        CohortSchedule schedule = new CohortSchedule(new Course("BMM", "Best Practices in Migration Management", 40),
                LocalDate.of(2019, 5, 13), LocalDate.of(2019, 5, 18), "Belmopan", 25);
        Roster roster = Roster.open(COHORT, "BMM-2019-05", "BMM");
        roster.schedule("BMM-2019-05", schedule);
        Instant enrolled = Instant.parse("2019-04-01T09:00:00Z");
        int seat = 0;
        for (ParticipantId participant : List.of(ANA, BOB, CY, DAN)) {
            roster.enrol(new Enrolment(participant, "Official " + participant, "BZ-POLICE", ++seat, enrolled));
        }
        roster.withdraw(CY, enrolled.plusSeconds(60));
        roster.withdraw(DAN, enrolled.plusSeconds(60));
        rosters.put(roster);
        DeliveryPlan plan = DeliveryPlan.publish(COHORT, UUID.randomUUID(), RULE,
                PlanTemplate.standard().draft(List.of(), 40, schedule.startDate(), schedule.endDate()), enrolled);
        plan.sessions().forEach(session -> plan.deliver(session.id(), schedule.startDate().atStartOfDay()
                .toInstant(ZoneOffset.UTC)));
        plans.save(plan, "published");
        return roster;
    }

    private void attended(ParticipantId participant, String hours) {
        attendance.hours.put(participant, new BigDecimal(hours));
    }

    private static final class InMemoryRosters implements Rosters {
        private final Map<CohortId, Roster> rosters = new HashMap<>();

        void put(Roster roster) {
            rosters.put(roster.cohortId(), roster);
        }

        @Override
        public Optional<Roster> find(CohortId cohortId) {
            return Optional.ofNullable(rosters.get(cohortId));
        }

        @Override
        public Optional<Roster> lock(CohortId cohortId) {
            return find(cohortId);
        }

        @Override
        public Roster lockOrOpen(CohortId cohortId, String cohortCode, String courseCode) {
            return rosters.computeIfAbsent(cohortId, id -> Roster.open(id, cohortCode, courseCode));
        }

        @Override
        public List<CohortId> withParticipant(ParticipantId participantId) {
            return rosters.values().stream().filter(roster -> roster.entry(participantId).isPresent())
                    .map(Roster::cohortId).sorted((a, b) -> a.value().compareTo(b.value())).toList();
        }

        @Override
        public void save(Roster roster) {
            put(roster);
        }
    }

    private static final class InMemoryPlans implements DeliveryPlans {
        private final Map<CohortId, DeliveryPlan> plans = new HashMap<>();

        @Override
        public Optional<DeliveryPlan> of(CohortId cohortId) {
            return Optional.ofNullable(plans.get(cohortId));
        }

        @Override
        public void save(DeliveryPlan plan, String change) {
            plans.put(plan.cohortId(), plan);
        }
    }

    private static final class InMemoryCompletions implements Completions {
        private final List<Completion> all = new ArrayList<>();
        private final Map<CompletionId, List<Completion>> history = new HashMap<>();

        @Override
        public Optional<Completion> of(CohortId cohortId, ParticipantId participantId) {
            return all.stream().filter(c -> c.cohortId().equals(cohortId) && c.participantId().equals(participantId))
                    .findFirst();
        }

        @Override
        public List<Completion> ofCohort(CohortId cohortId) {
            return all.stream().filter(c -> c.cohortId().equals(cohortId)).toList();
        }

        @Override
        public List<Completion> history(CompletionId completionId) {
            return history.getOrDefault(completionId, List.of());
        }

        @Override
        public void add(Completion completion) {
            if (of(completion.cohortId(), completion.participantId()).isPresent()) {
                throw new IllegalStateException("one decision per participant and cohort");
            }
            all.add(completion);
            history.computeIfAbsent(completion.id(), id -> new ArrayList<>()).add(completion);
        }

        @Override
        public void revise(Completion revised, String cause) {
            all.replaceAll(c -> c.id().equals(revised.id()) ? revised : c);
            history.computeIfAbsent(revised.id(), id -> new ArrayList<>()).add(revised);
        }
    }

    private static final class InMemoryClosures implements DeliveryClosures {
        private final Map<CohortId, DeliveryClosure> closures = new HashMap<>();

        @Override
        public Optional<DeliveryClosure> of(CohortId cohortId) {
            return Optional.ofNullable(closures.get(cohortId));
        }

        @Override
        public void add(DeliveryClosure closure) {
            if (closures.putIfAbsent(closure.cohortId(), closure) != null) {
                throw new IllegalStateException("one closing per cohort");
            }
        }
    }

    /** Each participant's hours over the cohort (the sum the store computes), set by the test. */
    private static final class InMemoryAttendance implements AttendanceLog {
        private final Map<ParticipantId, BigDecimal> hours = new LinkedHashMap<>();

        @Override
        public void append(AttendanceEntry entry) {
            hours.merge(entry.participantId(), entry.hours(), BigDecimal::add);
        }

        @Override
        public Optional<AttendanceEntry> latest(CohortId cohortId, SessionId sessionId, ParticipantId participantId) {
            return Optional.empty();
        }

        @Override
        public List<AttendanceEntry> latestOfSession(CohortId cohortId, SessionId sessionId) {
            return List.of();
        }

        @Override
        public List<AttendanceEntry> history(CohortId cohortId, SessionId sessionId, ParticipantId participantId) {
            return List.of();
        }

        @Override
        public Map<ParticipantId, BigDecimal> hoursAttended(CohortId cohortId) {
            return Map.copyOf(hours);
        }
    }

    private static final class NoScores implements AssessmentScores {
        @Override
        public void append(AssessmentScore score) {
            throw new UnsupportedOperationException("the rule requires no assessments");
        }

        @Override
        public Optional<AssessmentScore> latest(CohortId cohortId, String assessmentCode, ParticipantId participantId) {
            return Optional.empty();
        }

        @Override
        public List<AssessmentScore> latestOfCohort(CohortId cohortId) {
            return List.of();
        }
    }

    private static final class OneRule implements CompletionRules {
        private final CompletionRule rule;

        OneRule(CompletionRule rule) {
            this.rule = rule;
        }

        @Override
        public void lockCourse(String courseCode) {
        }

        @Override
        public Optional<CompletionRule> latest(String courseCode) {
            return find(new RuleId(courseCode, 1));
        }

        @Override
        public Optional<CompletionRule> find(RuleId id) {
            return Optional.of(rule).filter(r -> r.id().equals(id));
        }

        @Override
        public List<CompletionRule> versions(String courseCode) {
            return latest(courseCode).stream().toList();
        }

        @Override
        public CompletionRule append(String courseCode, CompletionTerms terms, RuleSource source, Instant definedAt) {
            throw new UnsupportedOperationException("one rule version here");
        }
    }

    /** What the service announced, in order. */
    private static final class RecordedEvents implements SessionEvents {
        private final List<String> announced = new ArrayList<>();

        @Override
        public void planPublished(Roster roster, DeliveryPlan plan) {
            announced.add("plan " + plan.revision());
        }

        @Override
        public void decided(Roster roster, Completion completion) {
            announced.add("decided " + completion.participantId() + " " + completion.decision());
        }

        @Override
        public void revised(Roster roster, Completion revised, Decision previousDecision, String cause) {
            announced.add("revised " + revised.participantId());
        }

        @Override
        public void deliveryClosed(Roster roster, DeliveryClosure closure) {
            announced.add("delivery-closed " + closure.cohortId() + " " + closure.participants() + "/"
                    + closure.completed());
        }

        @Override
        public int forgetName(ParticipantId participantId, String replacement) {
            return 0;
        }
    }
}
