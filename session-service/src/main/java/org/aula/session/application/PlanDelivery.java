package org.aula.session.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.aula.session.domain.CohortId;
import org.aula.session.domain.SessionId;
import org.aula.session.domain.completion.Completions;
import org.aula.session.domain.course.CourseDefinition;
import org.aula.session.domain.course.Courses;
import org.aula.session.domain.delivery.DeliveryPlan;
import org.aula.session.domain.delivery.DeliveryPlans;
import org.aula.session.domain.delivery.DeliveryRefused;
import org.aula.session.domain.delivery.PlanTemplate;
import org.aula.session.domain.delivery.SessionTerms;
import org.aula.session.domain.roster.CohortSchedule;
import org.aula.session.domain.roster.Roster;
import org.aula.session.domain.roster.Rosters;
import org.aula.session.domain.rule.CompletionRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans a cohort's delivery: publishes revision 1 of its plan when its roster locks (the cohort
 * filled, or staff locked it) and its schedule is known, and publishes each change staff make
 * before the delivery starts as a new revision.
 */
@Service
public class PlanDelivery {

    private static final Logger log = LoggerFactory.getLogger(PlanDelivery.class);

    private final Rosters rosters;
    private final DeliveryPlans plans;
    private final Courses courses;
    private final Completions completions;
    private final RuleBook ruleBook;
    private final PlanTemplate template;
    private final SessionEvents events;
    private final Clock clock;

    PlanDelivery(Rosters rosters, DeliveryPlans plans, Courses courses, Completions completions, RuleBook ruleBook,
            PlanTemplate template, SessionEvents events, Clock clock) {
        this.rosters = rosters;
        this.plans = plans;
        this.courses = courses;
        this.completions = completions;
        this.ruleBook = ruleBook;
        this.template = template;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Publishes the first plan of a locked roster whose schedule is known, unless it has one: the
     * course's topics and hours from {@code course.defined} if it was announced, else the default
     * topics and the hours of {@code cohort.scheduled}, spread over the cohort's dates. Pins the
     * course's current completion rule to the cohort. Call it holding the roster's lock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<DeliveryPlan> publishFirst(Roster roster) {
        Optional<DeliveryPlan> existing = plans.of(roster.cohortId());
        if (existing.isPresent() || !roster.locked() || roster.schedule().isEmpty()) {
            return existing;
        }
        CohortSchedule schedule = roster.schedule().get();
        Optional<CourseDefinition> course = courses.find(roster.courseCode());
        List<String> topics = course.map(CourseDefinition::topics).orElse(List.of());
        int hours = course.map(CourseDefinition::hours).orElse(schedule.course().hours());
        CompletionRule rule = ruleBook.current(roster.courseCode());
        DeliveryPlan plan = DeliveryPlan.publish(roster.cohortId(), UUID.randomUUID(), rule.id(),
                template.draft(topics, hours, schedule.startDate(), schedule.endDate()), now());
        plans.save(plan, course.isPresent() ? "drafted from course.defined" : "drafted from the default template");
        events.planPublished(roster, plan);
        log.info("delivery plan {} of cohort {} published: {} sessions, {} h, rule {}", plan.planId(), roster.cohortId(),
                plan.sessions().size(), plan.hoursScheduled().toPlainString(), rule.version());
        return Optional.of(plan);
    }

    /**
     * Staff lock the roster before the cohort filled, so its delivery can be planned; a roster
     * already locked stays as it is. Answers the cohort's plan.
     *
     * @throws DeliveryRefused ({@code COHORT_UNKNOWN}) if no fact about the cohort has arrived,
     *                         ({@code SCHEDULE_UNKNOWN}) before {@code cohort.scheduled} arrived
     */
    @Transactional
    public DeliveryPlan lockRoster(CohortId cohortId) {
        Roster roster = rosters.lock(cohortId).orElseThrow(() -> DeliveryRefused.unknownCohort(cohortId));
        if (roster.schedule().isEmpty()) {
            throw new DeliveryRefused(DeliveryRefused.Reason.SCHEDULE_UNKNOWN,
                    "the schedule of cohort " + cohortId + " has not been received yet: nothing to plan by");
        }
        if (roster.lockByStaff(now())) {
            rosters.save(roster);
            log.info("roster of cohort {} locked by staff", cohortId);
        }
        return publishFirst(roster).orElseThrow();
    }

    /** Changes a session: answers the plan, revised and published again unless nothing changed. */
    @Transactional
    public DeliveryPlan reviseSession(CohortId cohortId, SessionId sessionId, SessionTerms terms) {
        return change(cohortId, (plan, roster) -> plan.revise(sessionId, terms, schedule(roster), now())
                ? "session " + sessionId + " changed" : null);
    }

    /** Adds a session: answers the plan, revised and published again. */
    @Transactional
    public DeliveryPlan addSession(CohortId cohortId, SessionTerms terms) {
        return change(cohortId, (plan, roster) -> "session " + plan.add(terms, schedule(roster), now()) + " added");
    }

    /** Removes a session: answers the plan, revised and published again. */
    @Transactional
    public DeliveryPlan removeSession(CohortId cohortId, SessionId sessionId) {
        return change(cohortId, (plan, roster) -> {
            plan.remove(sessionId, now());
            return "session " + sessionId + " removed";
        });
    }

    /** A change to the plan; it returns what changed, or null when nothing did. */
    private interface Change {
        String apply(DeliveryPlan plan, Roster roster);
    }

    private DeliveryPlan change(CohortId cohortId, Change change) {
        Roster roster = rosters.lock(cohortId).orElseThrow(() -> DeliveryRefused.unknownCohort(cohortId));
        DeliveryPlan plan = plans.of(cohortId).orElseThrow(() -> DeliveryRefused.noPlan(cohortId));
        if (!completions.ofCohort(cohortId).isEmpty()) {
            throw new DeliveryRefused(DeliveryRefused.Reason.ALREADY_DECIDED,
                    "participants of cohort " + cohortId + " were decided on this plan: it no longer changes");
        }
        String what = change.apply(plan, roster);
        if (what != null) {
            plans.save(plan, what);
            events.planPublished(roster, plan);
            log.info("delivery plan of cohort {} revised to revision {}: {}", cohortId, plan.revision(), what);
        }
        return plan;
    }

    private static CohortSchedule schedule(Roster roster) {
        return roster.schedule().orElseThrow(() -> new IllegalStateException("a planned cohort has a schedule"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
