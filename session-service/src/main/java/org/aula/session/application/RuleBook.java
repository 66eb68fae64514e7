package org.aula.session.application;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.aula.session.domain.CompletionDefaults;
import org.aula.session.domain.CompletionRule;
import org.aula.session.domain.CompletionRules;
import org.aula.session.domain.CompletionTerms;
import org.aula.session.domain.RuleSource;
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

    @Transactional(propagation = Propagation.MANDATORY)
    CompletionRule current(String courseCode) {
        rules.lockCourse(courseCode);
        CompletionTerms configured = defaults.terms(courseCode);
        Optional<CompletionRule> latest = rules.latest(courseCode);
        if (latest.isPresent()
                && (latest.get().source() == RuleSource.API || latest.get().terms().equals(configured))) {
            return latest.get();
        }
        return rules.append(courseCode, configured, RuleSource.CONFIG, clock.instant().truncatedTo(ChronoUnit.MICROS));
    }
}
