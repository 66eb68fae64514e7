package org.aula.certification.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;

import org.aula.certification.CertificationProperties;
import org.aula.certification.domain.AwardNumber;
import org.junit.jupiter.api.Test;

class VerificationLinksTest {

    private final AwardNumber number = AwardNumber.certificate("BMM", 2019, 1);

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
    void namesTheIssuerItsKeysAndItsStatusListsUnderTheSameBase() {
        VerificationLinks links = links("https://aula.example/");

        assertThat(links.issuerId()).isEqualTo("https://aula.example/issuer");
        assertThat(links.keys()).isEqualTo("https://aula.example/.well-known/jwks.json");
        assertThat(links.statusList(3)).isEqualTo("https://aula.example/status-lists/3");
        assertThat(links.of(AwardNumber.diploma("MMG", 2019, 1)))
                .isEqualTo(URI.create("https://aula.example/diplomas/AULA-DIPLOMA-MMG-2019-000001/verification"));
    }

    @Test
    void readsBackOnlyItsOwnStatusListUrls() {
        VerificationLinks links = links("https://aula.example");

        assertThat(links.statusListIdOf("https://aula.example/status-lists/3")).isEqualTo(3);
        assertThat(links.statusListIdOf("https://elsewhere.example/status-lists/3")).isEqualTo(-1);
        assertThat(links.statusListIdOf("https://aula.example/status-lists/x")).isEqualTo(-1);
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
