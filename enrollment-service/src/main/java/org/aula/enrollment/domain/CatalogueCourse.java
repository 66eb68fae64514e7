package org.aula.enrollment.domain;

import java.util.List;
import java.util.Objects;

import org.aula.kernel.Require;

/**
 * A course of the catalogue (e.g. BMM "Best Practices in Migration Management", 40 hours): what a
 * cohort runs. Its topics and the reference of the completion rule it is judged by travel in
 * {@code course.defined}; session-service owns the rule itself.
 *
 * @param completionRuleRef which completion rule judges participants, e.g. {@code attendance-80-all-assessments-v1}
 */
public record CatalogueCourse(CourseId id, Course course, List<String> topics, String completionRuleRef) {

    public static final int MAX_TOPICS = 50;
    public static final int MAX_TOPIC_LENGTH = 200;
    public static final int MAX_RULE_REF_LENGTH = 100;

    public CatalogueCourse {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(course, "course");
        CatalogueCode.require(course.code(), "course code");
        topics = List.copyOf(topics);
        if (topics.size() > MAX_TOPICS) {
            throw new IllegalArgumentException("a course has at most " + MAX_TOPICS + " topics");
        }
        topics.forEach(topic -> Require.text(topic, "topic", MAX_TOPIC_LENGTH));
        Require.text(completionRuleRef, "completion rule reference", MAX_RULE_REF_LENGTH);
    }

    public String code() {
        return course.code();
    }

    /** Whether {@code other} says the same about the course (ids aside): defining it again changes nothing. */
    public boolean sameDefinitionAs(CatalogueCourse other) {
        return course.equals(other.course) && topics.equals(other.topics) && completionRuleRef.equals(other.completionRuleRef);
    }
}
