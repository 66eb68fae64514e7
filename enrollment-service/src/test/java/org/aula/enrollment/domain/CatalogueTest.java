package org.aula.enrollment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CatalogueTest {

    private static final InstitutionCode GALEN = new InstitutionCode("GALEN");

    @Test
    void aCourseKeepsItsTopicsInOrderAndItsCompletionRule() {
        CatalogueCourse course = bmm(List.of("Human rights", "Mixed migration flows"));

        assertThat(course.code()).isEqualTo("BMM");
        assertThat(course.topics()).containsExactly("Human rights", "Mixed migration flows");
        assertThat(course.completionRuleRef()).isEqualTo("attendance-80-all-assessments-v1");
    }

    @Test
    void definingACourseAgainWithTheSameValuesIsTheSameDefinition() {
        CatalogueCourse course = bmm(List.of("Human rights"));
        CatalogueCourse again = new CatalogueCourse(CourseId.random(), course.course(), List.of("Human rights"),
                course.completionRuleRef());

        assertThat(course.sameDefinitionAs(again)).isTrue();
        assertThat(course.sameDefinitionAs(bmm(List.of("Human rights", "Emergencies")))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bmm", "B", "-BMM", "BMM 2019", "BMM.2019"})
    void refusesAMalformedCourseCode(String code) {
        assertThatIllegalArgumentException().isThrownBy(() -> new CatalogueCourse(CourseId.random(),
                new Course(code, "Best Practices in Migration Management", 40), List.of(), "attendance-80-all-assessments-v1"));
    }

    @Test
    void refusesBlankTopicsTooManyTopicsAndNoCompletionRule() {
        Course course = new Course("BMM", "Best Practices in Migration Management", 40);
        assertThatIllegalArgumentException().isThrownBy(() -> new CatalogueCourse(CourseId.random(), course, List.of(" "),
                "attendance-80-all-assessments-v1"));
        assertThatIllegalArgumentException().isThrownBy(() -> new CatalogueCourse(CourseId.random(), course,
                Collections.nCopies(51, "Human rights"), "attendance-80-all-assessments-v1"));
        assertThatIllegalArgumentException().isThrownBy(() -> new CatalogueCourse(CourseId.random(), course, List.of(), " "));
    }

    @Test
    void aProgrammeRequiresEachOfItsCoursesOnce() {
        assertThat(new Programme(ProgrammeId.random(), "DMM-GU", "Diploma in Migration Management", GALEN, List.of("BMM"))
                .requiredCourseCodes()).containsExactly("BMM");
        assertThatIllegalArgumentException().isThrownBy(() -> new Programme(ProgrammeId.random(), "DMM-GU",
                "Diploma in Migration Management", GALEN, List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> new Programme(ProgrammeId.random(), "DMM-GU",
                "Diploma in Migration Management", GALEN, List.of("BMM", "BMM")));
        assertThatIllegalArgumentException().isThrownBy(() -> new Programme(ProgrammeId.random(), "dmm",
                "Diploma in Migration Management", GALEN, List.of("BMM")));
    }

    @Test
    void anInstitutionHasAName() {
        assertThat(new Institution(GALEN, "Galen University").name()).isEqualTo("Galen University");
        assertThatIllegalArgumentException().isThrownBy(() -> new Institution(GALEN, " "));
    }

    @Test
    void aQuotaIsAtLeastOnePlace() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SeatQuotas(Map.of(GALEN, 0)));
        assertThat(new SeatQuotas(Map.of(GALEN, 1)).admit(GALEN, 0, 1)).isTrue();
        assertThat(new SeatQuotas(Map.of(GALEN, 1)).admit(GALEN, 1, 1)).isFalse();
    }

    private static CatalogueCourse bmm(List<String> topics) {
        return new CatalogueCourse(CourseId.random(), new Course("BMM", "Best Practices in Migration Management", 40), topics,
                "attendance-80-all-assessments-v1");
    }
}
