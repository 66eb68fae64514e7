package org.aula.session.domain.rule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The versions of every course's completion rule, append-only. */
public interface CompletionRules {

    /** Serialises rule changes of one course until the caller's transaction ends. */
    void lockCourse(String courseCode);

    Optional<CompletionRule> latest(String courseCode);

    Optional<CompletionRule> find(RuleId id);

    /** Every version of the course's rule, oldest first. */
    List<CompletionRule> versions(String courseCode);

    /** Stores the next version of the course's rule; call it holding {@link #lockCourse}. */
    CompletionRule append(String courseCode, CompletionTerms terms, RuleSource source, Instant definedAt);
}
