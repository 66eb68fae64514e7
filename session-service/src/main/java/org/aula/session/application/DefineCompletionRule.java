package org.aula.session.application;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.aula.session.domain.course.Courses;
import org.aula.session.domain.rule.CompletionRule;
import org.aula.session.domain.rule.CompletionRules;
import org.aula.session.domain.rule.CompletionTerms;
import org.aula.session.domain.rule.RuleRefused;
import org.aula.session.domain.rule.RuleSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A course's completion rule, versioned: staff define new terms (a new version, which cohorts
 * planned from then on are judged by); cohorts already planned keep the version they were planned
 * under, and every decision names its version.
 */
@Service
public class DefineCompletionRule {

    private static final Logger log = LoggerFactory.getLogger(DefineCompletionRule.class);

    private final CompletionRules rules;
    private final Courses courses;
    private final RuleBook ruleBook;
    private final Clock clock;

    DefineCompletionRule(CompletionRules rules, Courses courses, RuleBook ruleBook, Clock clock) {
        this.rules = rules;
        this.courses = courses;
        this.ruleBook = ruleBook;
        this.clock = clock;
    }

    /** The rule version in force and whether this call created it ({@code false}: the same terms were in force). */
    public record Defined(CompletionRule rule, boolean created) {
    }

    /**
     * A new version of a course's rule, for a course the service has heard of (the catalogue's
     * {@code course.defined}, or a cohort of it): a code nobody announced is refused, never stored.
     */
    @Transactional
    public Defined define(String courseCode, CompletionTerms terms) {
        requireKnown(courseCode);
        rules.lockCourse(courseCode);
        Optional<CompletionRule> latest = rules.latest(courseCode);
        if (latest.isPresent() && latest.get().source() == RuleSource.API && latest.get().terms().equals(terms)) {
            return new Defined(latest.get(), false);
        }
        CompletionRule rule = rules.append(courseCode, terms, RuleSource.API, clock.instant().truncatedTo(ChronoUnit.MICROS));
        log.info("completion rule {} defined: minimum {}, {} assessments", rule.version(),
                terms.minimumAttendanceRate().toPlainString(), terms.assessments().size());
        return new Defined(rule, true);
    }

    /**
     * The version a cohort of the course planned now would be judged by. Reading records nothing:
     * configured terms not recorded yet come back as the version planning would record
     * ({@code recorded} false).
     */
    @Transactional(readOnly = true)
    public InForce current(String courseCode) {
        requireKnown(courseCode);
        RuleBook.InForce inForce = ruleBook.inForce(courseCode);
        return new InForce(inForce.rule(), inForce.recorded());
    }

    /** Every recorded version of a known course's rule, oldest first. */
    @Transactional(readOnly = true)
    public List<CompletionRule> versions(String courseCode) {
        requireKnown(courseCode);
        return rules.versions(courseCode);
    }

    /** A course's rule version in force; {@code recorded} false for configured terms no cohort needed yet. */
    public record InForce(CompletionRule rule, boolean recorded) {
    }

    private void requireKnown(String courseCode) {
        if (!courses.known(courseCode)) {
            throw RuleRefused.unknownCourse(courseCode);
        }
    }
}
