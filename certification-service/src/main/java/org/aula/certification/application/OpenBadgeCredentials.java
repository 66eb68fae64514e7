package org.aula.certification.application;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.aula.certification.CertificationProperties;
import org.aula.certification.domain.Certificate;
import org.aula.certification.domain.AwardNumber;
import org.aula.certification.domain.Diploma;
import org.aula.certification.domain.Holder;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What Aula issues, in the W3C Verifiable Credentials Data Model 2.0 as Open Badges 3.0 shapes it:
 * an {@code OpenBadgeCredential} per certificate (the course as achievement) and per diploma (the
 * programme as achievement), and the {@code BitstringStatusListCredential}s that carry revocation.
 * Plain maps in a stable order, ready to be signed as claims; dates to the second.
 */
@Component
public class OpenBadgeCredentials {

    public static final List<String> OPEN_BADGES_CONTEXT = List.of(
            "https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
    public static final List<String> VC_CONTEXT = List.of("https://www.w3.org/ns/credentials/v2");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    private final VerificationLinks links;
    private final String issuerName;

    public OpenBadgeCredentials(VerificationLinks links, CertificationProperties properties) {
        this.links = links;
        this.issuerName = properties.issuerName();
    }

    /** The issuer as it appears in every credential, and at its id. */
    public Map<String, Object> issuerProfile() {
        Map<String, Object> issuer = new LinkedHashMap<>();
        issuer.put("id", links.issuerId());
        issuer.put("type", List.of("Profile"));
        issuer.put("name", issuerName);
        return issuer;
    }

    /** The credential of a certificate. */
    public Map<String, Object> of(Certificate certificate) {
        String course = certificate.course().title();
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("id", "urn:aula:course:" + certificate.course().code());
        achievement.put("type", List.of("Achievement"));
        achievement.put("achievementType", "Course");
        achievement.put("humanCode", certificate.course().code());
        achievement.put("name", course);
        achievement.put("description", "%s (%s), %d hours, cohort %s, %s to %s".formatted(course, certificate.course().code(),
                certificate.course().hours(), certificate.cohort().code(), DAY.format(certificate.cohort().startDate()),
                DAY.format(certificate.cohort().endDate())));
        achievement.put("criteria", Map.of("narrative", criteria(certificate)));

        Map<String, Object> credential = credential(certificate.id().value().toString(), course,
                "Certificate " + certificate.number().value() + ": " + certificate.holder().name() + " completed " + course,
                certificate.issuedAt(), certificate.validUntil());
        credential.put("credentialSubject", subject(certificate.holder(), achievement));
        credential.put("credentialStatus", status(certificate));
        return credential;
    }

    /** The credential of a diploma. */
    public Map<String, Object> of(Diploma diploma) {
        Diploma.AwardedProgramme programme = diploma.programme();
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("id", "urn:aula:programme:" + programme.code());
        achievement.put("type", List.of("Achievement"));
        achievement.put("achievementType", "Diploma");
        achievement.put("humanCode", programme.code());
        achievement.put("name", programme.title());
        achievement.put("description", programme.title() + " (" + programme.code() + "), awarded by " + programme.awardingInstitution());
        achievement.put("criteria", Map.of("narrative", "Completed every course the programme requires, as certified by "
                + String.join(", ", diploma.certificateNumbers().stream().map(AwardNumber::value).toList()) + "."));

        Map<String, Object> credential = credential(diploma.id().value().toString(), programme.title(),
                "Diploma " + diploma.number().value() + ": " + diploma.holder().name() + " completed " + programme.title(),
                diploma.awardedAt(), diploma.validUntil());
        credential.put("credentialSubject", subject(diploma.holder(), achievement));
        return credential;
    }

    /** A status list credential: which entries of one list are revoked. */
    public Map<String, Object> statusList(int listId, String encodedList, Instant validFrom) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", links.statusList(listId) + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", "revocation");
        subject.put("encodedList", encodedList);

        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("@context", VC_CONTEXT);
        credential.put("id", links.statusList(listId));
        credential.put("type", List.of("VerifiableCredential", "BitstringStatusListCredential"));
        credential.put("issuer", issuerProfile());
        credential.put("validFrom", timestamp(validFrom));
        credential.put("credentialSubject", subject);
        return credential;
    }

    private Map<String, Object> credential(String id, String name, String description, Instant validFrom,
            @Nullable Instant validUntil) {
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("@context", OPEN_BADGES_CONTEXT);
        credential.put("id", "urn:uuid:" + id);
        credential.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        credential.put("issuer", issuerProfile());
        credential.put("name", name);
        credential.put("description", description);
        credential.put("validFrom", timestamp(validFrom));
        if (validUntil != null) {
            credential.put("validUntil", timestamp(validUntil));
        }
        return credential;
    }

    private static Map<String, Object> subject(Holder holder, Map<String, Object> achievement) {
        Map<String, Object> name = new LinkedHashMap<>();
        name.put("type", "IdentityObject");
        name.put("identityType", "name");
        name.put("hashed", false);
        name.put("identityHash", holder.name());

        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", subjectId(holder));
        subject.put("type", List.of("AchievementSubject"));
        subject.put("identifier", List.of(name));
        subject.put("achievement", achievement);
        return subject;
    }

    /** An opaque, stable id for the holder (enrollment-service's id, which carries no personal data). */
    static String subjectId(Holder holder) {
        return "urn:aula:participant:" + holder.participantId().value();
    }

    private Map<String, Object> status(Certificate certificate) {
        int listId = certificate.statusListEntry().listId();
        int index = certificate.statusListEntry().index();
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("id", links.statusList(listId) + "#" + index);
        status.put("type", "BitstringStatusListEntry");
        status.put("statusPurpose", "revocation");
        status.put("statusListIndex", Integer.toString(index));
        status.put("statusListCredential", links.statusList(listId));
        return status;
    }

    private static String criteria(Certificate certificate) {
        StringBuilder narrative = new StringBuilder("Completed the %d-hour course %s under completion rule %s"
                .formatted(certificate.course().hours(), certificate.course().title(), certificate.completion().ruleVersion()));
        List<String> assessments = certificate.completion().passedAssessments();
        if (!assessments.isEmpty()) {
            narrative.append(", passing ").append(String.join(", ", assessments));
        }
        return narrative.append('.').toString();
    }

    /** Credentials carry whole seconds, so {@code validFrom} and the JWT's {@code nbf} say the same. */
    static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
