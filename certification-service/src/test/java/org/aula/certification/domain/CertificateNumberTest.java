package org.aula.certification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CertificateNumberTest {

    @Test
    void printsPrefixCourseYearAndSixDigitSequence() {
        assertThat(new CertificateNumber("BMM", 2019, 1).value()).isEqualTo("AULA-BMM-2019-000001");
        assertThat(new CertificateNumber("BMM", 2019, 999_999).value()).isEqualTo("AULA-BMM-2019-999999");
    }

    @Test
    void readsBackWhatItPrints() {
        CertificateNumber number = new CertificateNumber("MIG-101_B", 2019, 4711);

        assertThat(CertificateNumber.parse(number.value())).contains(number);
        assertThat(CertificateNumber.parse("  AULA-BMM-2019-000042 ")).contains(new CertificateNumber("BMM", 2019, 42));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "BMM-2019-000001", "AULA-BMM-19-000001", "AULA-BMM-2019-1", "AULA-BMM-2019-0000001",
            "AULA-BMM-2019-000000", "AULA-BMM-0999-000001",
            "AULA-A23456789012345678901234567890123-2019-000001", "AULA--2019-000001", "AULA-B M-2019-000001", "IOM-BMM-2019-000001",
            "AULA-BMM-2019-000001/x", "aula-BMM-2019-000001"})
    void recognisesNoNumberInTextThatIsNotOne(String text) {
        assertThat(CertificateNumber.parse(text)).isEmpty();
    }

    @Test
    void recognisesNoNumberInNothing() {
        assertThat(CertificateNumber.parse(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1_000_000})
    void refusesASequenceThatDoesNotFitSixDigits(int sequence) {
        assertThatIllegalArgumentException().isThrownBy(() -> new CertificateNumber("BMM", 2019, sequence))
                .withMessageContaining("sequence");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "B M", "BMM/1", "BMM?x=1", "-BMM", "BMM-", "ÄBM", "A23456789012345678901234567890123"})
    void refusesACourseCodeThatCannotStandInAVerificationLink(String courseCode) {
        assertThatIllegalArgumentException().isThrownBy(() -> new CertificateNumber(courseCode, 2019, 1))
                .withMessageContaining("course code");
    }

    @ParameterizedTest
    @ValueSource(ints = {999, 10_000})
    void refusesAYearWithoutFourDigits(int year) {
        assertThatIllegalArgumentException().isThrownBy(() -> new CertificateNumber("BMM", year, 1))
                .withMessageContaining("year");
    }
}
