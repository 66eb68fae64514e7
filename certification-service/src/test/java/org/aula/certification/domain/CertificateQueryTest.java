package org.aula.certification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class CertificateQueryTest {

    @Test
    void refusesAQueryThatWouldListEveryCertificateEverIssued() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CertificateQuery(null, null))
                .withMessage("a cohort id or a participant id is required");
        assertThatIllegalArgumentException().isThrownBy(() -> new CertificateQuery(null, null, "BZ-POLICE"))
                .as("an institution alone is not enough either")
                .withMessage("a cohort id or a participant id is required");
    }

    @Test
    void mayBeLimitedToTheHoldersOfOneInstitutionButNotToABlankOne() {
        assertThat(new CertificateQuery(new CohortId("c"), null, " BZ-POLICE ").institutionCode()).isEqualTo("BZ-POLICE");
        assertThat(new CertificateQuery(null, new ParticipantId("p")).institutionCode()).as("any institution").isNull();
        assertThatIllegalArgumentException().isThrownBy(() -> new CertificateQuery(new CohortId("c"), null, " "))
                .withMessage("institution code is required");
    }
}
