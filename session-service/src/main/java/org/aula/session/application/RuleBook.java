package org.aula.session.application;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.aula.session.domain.rule.CompletionDefaults;
import org.aula.session.domain.rule.CompletionRule;
import org.aula.session.domain.rule.CompletionRules;
import org.aula.session.domain.rule.CompletionTerms;
import org.aula.session.domain.rule.RuleId;
import org.aula.session.domain.rule.RuleSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which completion rule version a course is judged by now: the latest version staff defined
 * through the API; before any, the configured terms, recorded as a version the first time they
 * are needed and again whenever the configuration changes them.
 */
@Component
class RuleBook {

    private final CompletionRules rules;
    private final CompletionDefaults defaults;
    private final Clock clock;

    RuleBook(CompletionRules rules, CompletionDefaults defaults, Clock clock) {
        this.rules = rules;
        this.defaults = defaults;
        this.clock = clock;
    }

    /** The version in force, recording the configured terms as a new version first if they are not recorded. */
    @Transactional(propagation = Propagation.MANDATORY)
    CompletionRule current(String courseCode) {
        rules.lockCourse(courseCode);
        return recorded(courseCode).orElseGet(() -> rules.append(courseCode, defaults.terms(courseCode),
                RuleSource.CONFIG, clock.instant().truncatedTo(ChronoUnit.MICROS)));
    }

    /**
     * The version in force without recording anything: the recorded one, or the configured terms as
     * the version {@link #current} would record next ({@code recorded} false).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    InForce inForce(String courseCode) {
        Optional<CompletionRule> recorded = recorded(courseCode);
        if (recorded.isPresent()) {
            return new InForce(recorded.get(), true);
        }
        int next = rules.latest(courseCode).map(latest -> latest.id().version() + 1).orElse(1);
        return new InForce(new CompletionRule(new RuleId(courseCode, next), defaults.terms(courseCode),
                RuleSource.CONFIG, clock.instant().truncatedTo(ChronoUnit.MICROS)), false);
    }

    /** A course's rule version in force; {@code recorded} false when it is the configured terms, not stored yet. */
    record InForce(CompletionRule rule, boolean recorded) {
    }

    private Optional<CompletionRule> recorded(String courseCode) {
        CompletionTerms configured = defaults.terms(courseCode);
        return rules.latest(courseCode)
                .filter(latest -> latest.source() == RuleSource.API || latest.terms().equals(configured));
    }
}
