package org.aula.session.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlanTemplateTest {

    private static final LocalDate MON = LocalDate.of(2019, 5, 13);
    private static final LocalDate SAT = LocalDate.of(2019, 5, 18);

    private final PlanTemplate template = PlanTemplate.standard();

    @Test
    void theSeedCourseBecomesTwelveSessionsOverSixDays() {
        List<SessionTerms> sessions = template.draft(List.of(), 40, MON, SAT);

        assertThat(sessions).hasSize(12);
        assertThat(total(sessions)).isEqualByComparingTo("40");
        assertThat(sessions).extracting(SessionTerms::topic).containsSequence("Human rights", "Human rights",
                "Mixed migration flows", "Mixed migration flows");
        assertThat(sessions).extracting(SessionTerms::topic).containsOnlyElementsOf(PlanTemplate.STANDARD_TOPICS);
        assertThat(sessions).extracting(SessionTerms::date).containsExactly(MON, MON, MON.plusDays(1), MON.plusDays(1),
                MON.plusDays(2), MON.plusDays(2), MON.plusDays(3), MON.plusDays(3), MON.plusDays(4), MON.plusDays(4), SAT, SAT);
        assertThat(sessions).extracting(SessionTerms::method).containsExactly(
                DeliveryMethod.LECTURE, DeliveryMethod.CASE_STUDY, DeliveryMethod.LECTURE, DeliveryMethod.ROLE_PLAY,
                DeliveryMethod.LECTURE, DeliveryMethod.CASE_STUDY, DeliveryMethod.LECTURE, DeliveryMethod.ROLE_PLAY,
                DeliveryMethod.LECTURE, DeliveryMethod.CASE_STUDY, DeliveryMethod.LECTURE, DeliveryMethod.ROLE_PLAY);
        assertThat(sessions).extracting(s -> s.hours().intValue())
                .containsExactly(4, 3, 4, 3, 4, 3, 4, 3, 3, 3, 3, 3);
    }

    @ParameterizedTest(name = "{0} h over {1} day(s), {2} topics")
    @CsvSource({"40, 6, 6", "40, 3, 6", "30, 5, 2", "7, 1, 6", "3, 6, 6", "100, 6, 6", "1, 1, 1"})
    void hoursAlwaysAddUpToTheCourseAndSessionsStayWithinTheDates(int hours, int days, int topicCount) {
        List<String> topics = PlanTemplate.STANDARD_TOPICS.subList(0, topicCount);
        LocalDate end = MON.plusDays(days - 1);

        List<SessionTerms> sessions = template.draft(topics, hours, MON, end);

        assertThat(total(sessions)).isEqualByComparingTo(BigDecimal.valueOf(hours));
        assertThat(sessions).allSatisfy(session -> {
            assertThat(session.date()).isBetween(MON, end);
            assertThat(session.hours()).isLessThanOrEqualTo(BigDecimal.valueOf(6));
        });
    }

    @Test
    void aCoursesOwnTopicsReplaceTheDefaults() {
        List<SessionTerms> sessions = template.draft(List.of("Asylum law", "Border management"), 10, MON, MON.plusDays(1));

        assertThat(sessions).extracting(SessionTerms::topic)
                .containsExactly("Asylum law", "Asylum law", "Border management", "Border management");
        assertThat(sessions).extracting(SessionTerms::date).containsExactly(MON, MON, MON.plusDays(1), MON.plusDays(1));
    }

    private static BigDecimal total(List<SessionTerms> sessions) {
        return sessions.stream().map(SessionTerms::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
