package org.aula.certification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.aula.certification.domain.Programme;
import org.aula.events.ProgrammeDefined;
import org.aula.events.runtime.UndecodableEventException;
import org.junit.jupiter.api.Test;

class EnrollmentFactsListenerTest {

    @Test
    void readsTheProgrammeAProgrammeDefinedDescribes() {
        Programme programme = EnrollmentFactsListener.programmeOf(new ProgrammeDefined("programme-1", "MMG",
                "University Diploma in Migration Management", "University of Belize", List.of("BMM", "IBM"),
                Instant.parse("2019-01-01T00:00:00Z")));

        assertThat(programme.id().value()).isEqualTo("programme-1");
        assertThat(programme.code()).isEqualTo("MMG");
        assertThat(programme.requiredCourseCodes()).containsExactly("BMM", "IBM");
        assertThat(programme.awardingInstitution()).isEqualTo("University of Belize");
    }

    @Test
    void treatsAProgrammeThatBreaksTheContractAsUndecodable() {
        assertThatThrownBy(() -> EnrollmentFactsListener.programmeOf(new ProgrammeDefined("programme-1", "M M", "Title",
                "University of Belize", List.of("BMM"), Instant.now())))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageContaining("org.aula.enrollment.programme.defined.v1")
                .hasMessageContaining("programme code");
        assertThatThrownBy(() -> EnrollmentFactsListener.programmeOf(new ProgrammeDefined("programme-1", "MMG", "Title",
                "University of Belize", List.of("BMM"), null)))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageEndingWith("defined at is required");
    }
}
