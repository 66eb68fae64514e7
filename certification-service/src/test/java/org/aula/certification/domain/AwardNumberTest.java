package org.aula.certification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AwardNumberTest {

    @Test
    void printsPrefixCourseYearAndSixDigitSequence() {
        assertThat(AwardNumber.certificate("BMM", 2019, 1).value()).isEqualTo("AULA-BMM-2019-000001");
        assertThat(AwardNumber.certificate("BMM", 2019, 999_999).value()).isEqualTo("AULA-BMM-2019-999999");
    }

    @Test
    void printsADiplomaNumberWithItsOwnPrefix() {
        AwardNumber diploma = AwardNumber.diploma("MMG", 2019, 1);

        assertThat(diploma.value()).isEqualTo("AULA-DIPLOMA-MMG-2019-000001");
        assertThat(AwardNumber.parseDiploma(diploma.value())).contains(diploma);
        assertThat(AwardNumber.parseDiploma("AULA-MMG-2019-000001")).as("a certificate's number is no diploma's").isEmpty();
    }

    @Test
    void refusesAProgrammeCodeThatCannotStandInAVerificationLink() {
        assertThatIllegalArgumentException().isThrownBy(() -> AwardNumber.diploma("M G", 2019, 1))
                .withMessageContaining("programme code");
    }

    @Test
    void readsBackWhatItPrints() {
        AwardNumber number = AwardNumber.certificate("MIG-101_B", 2019, 4711);

        assertThat(AwardNumber.parseCertificate(number.value())).contains(number);
        assertThat(AwardNumber.parseCertificate("  AULA-BMM-2019-000042 ")).contains(AwardNumber.certificate("BMM", 2019, 42));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "BMM-2019-000001", "AULA-BMM-19-000001", "AULA-BMM-2019-1", "AULA-BMM-2019-0000001",
            "AULA-BMM-2019-000000", "AULA-BMM-0999-000001",
            "AULA-A23456789012345678901234567890123-2019-000001", "AULA--2019-000001", "AULA-B M-2019-000001", "IOM-BMM-2019-000001",
            "AULA-BMM-2019-000001/x", "aula-BMM-2019-000001"})
    void recognisesNoNumberInTextThatIsNotOne(String text) {
        assertThat(AwardNumber.parseCertificate(text)).isEmpty();
    }

    @Test
    void recognisesNoNumberInNothing() {
        assertThat(AwardNumber.parseCertificate(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1_000_000})
    void refusesASequenceThatDoesNotFitSixDigits(int sequence) {
        assertThatIllegalArgumentException().isThrownBy(() -> AwardNumber.certificate("BMM", 2019, sequence))
                .withMessageContaining("sequence");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "B M", "BMM/1", "BMM?x=1", "-BMM", "BMM-", "ÄBM", "A23456789012345678901234567890123"})
    void refusesACourseCodeThatCannotStandInAVerificationLink(String courseCode) {
        assertThatIllegalArgumentException().isThrownBy(() -> AwardNumber.certificate(courseCode, 2019, 1))
                .withMessageContaining("course code");
    }

    @ParameterizedTest
    @ValueSource(ints = {999, 10_000})
    void refusesAYearWithoutFourDigits(int year) {
        assertThatIllegalArgumentException().isThrownBy(() -> AwardNumber.certificate("BMM", year, 1))
                .withMessageContaining("year");
    }
}
