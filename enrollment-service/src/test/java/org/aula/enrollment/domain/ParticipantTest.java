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
            "MIN.FOREIGN"})
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
}
