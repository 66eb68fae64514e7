package org.aula.session.application;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.aula.session.domain.CompletionRule;
import org.aula.session.domain.CompletionRules;
import org.aula.session.domain.CompletionTerms;
import org.aula.session.domain.RuleSource;
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
    private final RuleBook ruleBook;
    private final Clock clock;

    DefineCompletionRule(CompletionRules rules, RuleBook ruleBook, Clock clock) {
        this.rules = rules;
        this.ruleBook = ruleBook;
        this.clock = clock;
    }

    /** The rule version in force and whether this call created it ({@code false}: the same terms were in force). */
    public record Defined(CompletionRule rule, boolean created) {
    }

    @Transactional
    public Defined define(String courseCode, CompletionTerms terms) {
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

    /** The version a cohort of the course planned now would be judged by (the configured terms recorded if needed). */
    @Transactional
    public CompletionRule current(String courseCode) {
        return ruleBook.current(courseCode);
    }

    @Transactional(readOnly = true)
    public List<CompletionRule> versions(String courseCode) {
        return rules.versions(courseCode);
    }
}
