package org.aula.certification.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.aula.certification.CertificationProperties;
import org.aula.certification.OpenBadgesConformance;
import org.aula.certification.domain.Certificate;
import org.aula.certification.domain.CertificateId;
import org.aula.certification.domain.Completion;
import org.aula.certification.domain.CompletionFixture;
import org.aula.certification.domain.Language;
import org.aula.certification.domain.Organisation;
import org.aula.certification.domain.StatusListEntry;
import org.aula.certification.domain.Validity;
import org.junit.jupiter.api.Test;

class OpenBadgeCredentialsTest {

    private static final String BASE = "https://certificates.aula.test";
    private final CertificationProperties properties = new CertificationProperties(URI.create(BASE));
    private final OpenBadgeCredentials badges = new OpenBadgeCredentials(new VerificationLinks(properties), properties);
    private final Completion completion = CompletionFixture.inspectorPascascioCompletedBmm();
    private final Certificate certificate = Certificate.issue(CertificateId.random(), completion.numberWith(1), completion,
            Instant.parse("2019-05-20T09:00:00.123456Z"), new StatusListEntry(1, 4711), Validity.UNLIMITED);

    @Test
    void describesTheCertificateAsAnOpenBadgeCredential() {
        Map<String, Object> credential = badges.of(certificate);

        assertThat(credential.get("@context")).isEqualTo(List.of("https://www.w3.org/ns/credentials/v2",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"));
        assertThat(credential.get("id")).isEqualTo("urn:uuid:" + certificate.id());
        assertThat(credential.get("type")).isEqualTo(List.of("VerifiableCredential", "OpenBadgeCredential"));
        assertThat(credential.get("issuer")).isEqualTo(Map.of("id", BASE + "/issuer", "type", List.of("Profile"), "name", "Aula"));
        assertThat(credential.get("validFrom")).isEqualTo("2019-05-20T09:00:00Z");
        assertThat(credential).doesNotContainKey("validUntil");
        Map<?, ?> subject = (Map<?, ?>) credential.get("credentialSubject");
        assertThat(subject.get("type")).isEqualTo(List.of("AchievementSubject"));
        assertThat(subject.get("identifier")).isEqualTo(List.of(Map.of("type", "IdentityObject", "identityType", "name",
                "hashed", false, "identityHash", "Constant Pascascio")));
        Map<?, ?> achievement = (Map<?, ?>) subject.get("achievement");
        assertThat(achievement.get("type")).isEqualTo(List.of("Achievement"));
        assertThat(achievement.get("name")).isEqualTo("Best Practices in Migration Management");
        assertThat((String) achievement.get("description")).contains("40 hours", "BMM-2019-05", "13 May 2019", "18 May 2019");
        assertThat(((Map<?, ?>) achievement.get("criteria")).get("narrative")).isEqualTo(
                "Completed the 40-hour course Best Practices in Migration Management under completion rule attendance-80-v1,"
                        + " passing Final case study.");
        assertThat(credential.get("credentialStatus")).isEqualTo(Map.of(
                "id", BASE + "/status-lists/1#4711",
                "type", "BitstringStatusListEntry",
                "statusPurpose", "revocation",
                "statusListIndex", "4711",
                "statusListCredential", BASE + "/status-lists/1"));
        OpenBadgesConformance.assertConforms(credential);
    }

    @Test
    void aSpanishCredentialDeclaresItsLanguageTheJsonLdWayAndStillConforms() {
        AwardingBodies.Bodies awarding = new AwardingBodies.Bodies(List.of(
                new Organisation("OIM", "Organización Internacional para las Migraciones", true), new Organisation("GALEN", "Universidad Galen", false)),
                Language.ES, Map.of(Language.ES, "Buenas Prácticas en la Gestión Migratoria"));

        Map<String, Object> credential = badges.of(certificate, awarding, Language.ES);

        assertThat(credential.get("@context")).isEqualTo(List.of("https://www.w3.org/ns/credentials/v2",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", Map.of("@language", "es")));
        assertThat(credential.get("name")).isEqualTo("Buenas Prácticas en la Gestión Migratoria");
        Map<?, ?> issuer = (Map<?, ?>) credential.get("issuer");
        assertThat(issuer.get("id")).isEqualTo(BASE + "/issuer");
        assertThat(issuer.get("name")).isEqualTo("Organización Internacional para las Migraciones y Universidad Galen");
        assertThat(issuer.get("image")).isEqualTo(Map.of("id", BASE + "/organisations/OIM/logo", "type", "Image",
                "caption", "Organización Internacional para las Migraciones"));
        Map<?, ?> achievement = (Map<?, ?>) ((Map<?, ?>) credential.get("credentialSubject")).get("achievement");
        assertThat(achievement.get("inLanguage")).isEqualTo("es");
        assertThat((String) achievement.get("description")).contains("40 horas", "del 13 de mayo de 2019 al 18 de mayo de 2019");
        assertThat(((Map<?, ?>) achievement.get("creator")).get("name")).isEqualTo("Organización Internacional para las Migraciones");
        OpenBadgesConformance.assertConforms(credential);
    }

    @Test
    void endsValidityOnlyWhenAPeriodIsConfigured() {
        Certificate forAYear = Certificate.issue(CertificateId.random(), completion.numberWith(2), completion,
                Instant.parse("2019-05-20T09:00:00Z"), new StatusListEntry(1, 1), Validity.of(Duration.ofDays(365)));

        assertThat(badges.of(forAYear).get("validUntil")).isEqualTo("2020-05-19T09:00:00Z");
        OpenBadgesConformance.assertConforms(badges.of(forAYear));
    }
}
