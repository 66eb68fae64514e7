package org.aula.session.domain.rule;

import org.aula.kernel.Require;

/** One version of a course's completion rule. */
public record RuleId(String courseCode, int version) {

    public RuleId {
        Require.text(courseCode, "course code");
        Require.positive(version, "rule version");
    }

    /** The name decisions carry, e.g. {@code BMM.completion.v2}. */
    public String label() {
        return courseCode + ".completion.v" + version;
    }

    @Override
    public String toString() {
        return label();
    }
}
