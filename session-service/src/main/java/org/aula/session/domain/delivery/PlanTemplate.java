package org.aula.session.domain.delivery;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.aula.kernel.Require;

/**
 * How a first delivery plan is drafted from a course: its topics spread evenly over the cohort's
 * days, the course's hours shared out in whole hours (the first topics take the remainder), and
 * each topic taught as a lecture followed by practice, a case study and a role play in turn. The
 * seed's course (40 h over six days, six topics) becomes twelve sessions: 4+3, 4+3, 4+3, 4+3,
 * 3+3 and 3+3 hours.
 */
public record PlanTemplate(List<String> defaultTopics) {

    /** The seed course's topics, used for a course whose topics were never announced. */
    public static final List<String> STANDARD_TOPICS = List.of("Human rights", "Mixed migration flows",
            "Factors that influence migration", "International organized crime", "Emergencies",
            "Migration management");

    /** Longest session the template drafts; longer shares are split. */
    private static final int MAX_SESSION_HOURS = 6;

    public PlanTemplate {
        defaultTopics = List.copyOf(defaultTopics);
        if (defaultTopics.isEmpty() || defaultTopics.stream().anyMatch(topic -> topic == null || topic.isBlank())) {
            throw new IllegalArgumentException("the default topics must be a non-empty list of names");
        }
    }

    public static PlanTemplate standard() {
        return new PlanTemplate(STANDARD_TOPICS);
    }

    /**
     * The sessions of a course of {@code hours} taught from {@code start} to {@code end}, on the
     * course's topics, or on the default topics if it announced none. Their hours add up to
     * {@code hours}; with fewer hours than topics, the topics left without an hour are left out.
     */
    public List<SessionTerms> draft(List<String> courseTopics, int hours, LocalDate start, LocalDate end) {
        Require.positive(hours, "course hours");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        List<String> topics = courseTopics.stream().filter(topic -> topic != null && !topic.isBlank()).toList();
        if (topics.isEmpty()) {
            topics = defaultTopics;
        }
        long days = Math.max(1, ChronoUnit.DAYS.between(start, end) + 1);
        int count = topics.size();
        List<SessionTerms> sessions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int topicHours = hours / count + (i < hours % count ? 1 : 0);
            if (topicHours == 0) {
                continue;
            }
            LocalDate day = start.plusDays(i * days / count);
            int lecture = (topicHours + 1) / 2;
            DeliveryMethod practice = i % 2 == 0 ? DeliveryMethod.CASE_STUDY : DeliveryMethod.ROLE_PLAY;
            addSplit(sessions, day, topics.get(i), DeliveryMethod.LECTURE, lecture);
            addSplit(sessions, day, topics.get(i), practice, topicHours - lecture);
        }
        return sessions;
    }

    private static void addSplit(List<SessionTerms> sessions, LocalDate day, String topic, DeliveryMethod method,
            int hours) {
        for (int left = hours; left > 0; left -= MAX_SESSION_HOURS) {
            sessions.add(new SessionTerms(day, topic, method, BigDecimal.valueOf(Math.min(left, MAX_SESSION_HOURS))));
        }
    }
}
