package org.aula.enrollment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParticipantTest {

    @Test
    void anEmailAddressIsOnePersonWhateverItsCase() {
        assertThat(new EmailAddress("Constant.Pascascio@Police.GOV.bz"))
                .isEqualTo(new EmailAddress("constant.pascascio@police.gov.bz"));
    }

    @Test
    void anEmailAddressDoesNotPrintItself() {
        assertThat(new EmailAddress("constant.pascascio@police.gov.bz").toString()).doesNotContain("pascascio");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "constant", "constant@police", "constant pascascio@police.gov.bz", "a@b@c.bz"})
    void refusesWhatIsNotAnEmailAddress(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> new EmailAddress(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "P", "police", "POLICE DEPT", "A_CODE_THAT_IS_LONGER_THAN_THIRTY", "-POLICE", "_MFA",
            "MIN.FOREIGN", "99999999999999999999", "0POLICE"})
    void refusesAMalformedInstitutionCode(String code) {
        assertThatIllegalArgumentException().isThrownBy(() -> new InstitutionCode(code));
    }

    @Test
    void requiresAName() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Participant(ParticipantId.random(),
                new EmailAddress("someone@police.gov.bz"), " ", null, new InstitutionCode("POLICE")));
    }

    @Test
    void aPositionIsOptionalButNeverBlank() {
        assertThat(new Participant(ParticipantId.random(), new EmailAddress("someone@police.gov.bz"), "Elvis Coc", null,
                new InstitutionCode("POLICE")).position()).isNull();
        assertThatIllegalArgumentException().isThrownBy(() -> new Participant(ParticipantId.random(),
                new EmailAddress("someone@police.gov.bz"), "Elvis Coc", " ", new InstitutionCode("POLICE")));
    }

    @Test
    void printsOnlyItsId() {
        Participant participant = new Participant(ParticipantId.random(), new EmailAddress("constant.pascascio@police.gov.bz"),
                "Constant Pascascio", "Inspector", new InstitutionCode("POLICE"));

        assertThat(participant.toString()).doesNotContain("Pascascio").contains(participant.id().toString());
    }

    @Test
    void anErasedParticipantKeepsItsIdAndInstitutionAndNothingPersonal() {
        ParticipantId id = ParticipantId.random();
        Participant participant = new Participant(id, new EmailAddress("constant.pascascio@police.gov.bz"),
                "Constant Pascascio", "Inspector", new InstitutionCode("POLICE"));

        Participant erased = participant.erased();

        assertThat(participant.isErased()).isFalse();
        assertThat(erased.isErased()).isTrue();
        assertThat(erased.id()).isEqualTo(id);
        assertThat(erased.institution()).isEqualTo(new InstitutionCode("POLICE"));
        assertThat(erased.name()).isEqualTo(Participant.ERASED_NAME);
        assertThat(erased.position()).isNull();
        assertThat(erased.email().value()).isEqualTo("erased-" + id + "@erased.invalid").doesNotContain("pascascio");
        assertThat(erased.erased()).isEqualTo(erased);
    }

    @Test
    void theErasurePlaceholderIsUniquePerParticipantAndReserved() {
        ParticipantId one = ParticipantId.random();

        assertThat(EmailAddress.erasedPlaceholder(one)).isNotEqualTo(EmailAddress.erasedPlaceholder(ParticipantId.random()));
        assertThat(EmailAddress.erasedPlaceholder(one).isErasurePlaceholder()).isTrue();
        assertThat(new EmailAddress("Someone@Erased.Invalid").isErasurePlaceholder()).isTrue();
        assertThat(new EmailAddress("someone@erased.invalid.gov.bz").isErasurePlaceholder()).isFalse();
        assertThat(new EmailAddress("constant.pascascio@police.gov.bz").isErasurePlaceholder()).isFalse();
    }

    @Test
    void rosterAndNomineeLinesPrintNoNameOrPosition() {
        Enrolment enrolment = new Enrolment(EnrolmentId.random(), CohortId.random(), ParticipantId.random(),
                new InstitutionCode("POLICE"), EnrolmentStatus.ENROLLED, 1, null, java.time.Instant.parse("2019-05-02T12:00:00Z"));

        assertThat(new RosterEntry(enrolment, "Constant Pascascio", "Inspector").toString())
                .doesNotContain("Pascascio", "Inspector").contains(enrolment.id().toString());
        assertThat(new NomineeEntry(enrolment, new CohortCode("BMM-2019-05"), "Constant Pascascio", "Inspector").toString())
                .doesNotContain("Pascascio", "Inspector").contains(enrolment.id().toString());
    }
}
