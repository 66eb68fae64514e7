package org.aula.certification.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;

import org.aula.certification.CertificationProperties;
import org.aula.certification.domain.CertificateNumber;
import org.junit.jupiter.api.Test;

class VerificationLinksTest {

    private final CertificateNumber number = new CertificateNumber("BMM", 2019, 1);

    @Test
    void pointsAtTheNumbersVerificationUnderThePublicBaseUrl() {
        assertThat(links("http://localhost:8083").of(number))
                .isEqualTo(URI.create("http://localhost:8083/certificates/AULA-BMM-2019-000001/verification"));
    }

    @Test
    void keepsABasePathAndToleratesATrailingSlash() {
        assertThat(links("https://aula.example/verify/").of(number))
                .isEqualTo(URI.create("https://aula.example/verify/certificates/AULA-BMM-2019-000001/verification"));
    }

    @Test
    void refusesABaseUrlThatCannotBePrinted() {
        assertThatIllegalArgumentException().isThrownBy(() -> links("aula.example"));
        assertThatIllegalArgumentException().isThrownBy(() -> links("ftp://aula.example"));
    }

    private static VerificationLinks links(String base) {
        return new VerificationLinks(new CertificationProperties(URI.create(base)));
    }
}
