package org.aula.certification.application;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.aula.certification.CertificationProperties;
import org.aula.certification.domain.Certificate;
import org.aula.certification.domain.AwardNumber;
import org.aula.certification.domain.Diploma;
import org.aula.certification.domain.Holder;
import org.aula.certification.domain.Language;
import org.aula.certification.domain.Organisation;
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

    private final VerificationLinks links;
    private final String issuerName;

    public OpenBadgeCredentials(VerificationLinks links, CertificationProperties properties) {
        this.links = links;
        this.issuerName = properties.issuerName();
    }

    /** The issuer as it appears at its id and in status lists: the platform that signs. */
    public Map<String, Object> issuerProfile() {
        Map<String, Object> issuer = new LinkedHashMap<>();
        issuer.put("id", links.issuerId());
        issuer.put("type", List.of("Profile"));
        issuer.put("name", issuerName);
        return issuer;
    }

    /**
     * The issuer of an award: the organisations that award it, by name (several joined, the lead
     * one first) and with the lead one's logo as {@code image} (OB 3.0 Profile: {@code name},
     * {@code image}). Its {@code id} stays the platform's issuer id, the JWT's {@code iss}, because
     * the platform's key signs for them; {@code description} says so. Without awarding
     * organisations it is {@link #issuerProfile()}.
     */
    Map<String, Object> issuerProfile(AwardingBodies.Bodies awarding, Wording wording) {
        if (awarding.organisations().size() == 1 && AwardingBodies.PLATFORM_CODE.equals(awarding.lead().code())) {
            return issuerProfile();
        }
        Map<String, Object> issuer = issuerProfile();
        issuer.put("name", wording.list(awarding.names()));
        issuer.put("description", wording.issuerDescription(awarding.names(), issuerName));
        Organisation lead = awarding.lead();
        if (lead.hasLogo()) {
            Map<String, Object> image = new LinkedHashMap<>();
            image.put("id", links.logo(lead.code()));
            image.put("type", "Image");
            image.put("caption", lead.name());
            issuer.put("image", image);
        }
        return issuer;
    }

    /** The credential of a certificate, issued by the platform itself (no awarding organisations defined), in English. */
    public Map<String, Object> of(Certificate certificate) {
        return of(certificate, AwardingBodies.Bodies.platform(issuerName), Language.EN);
    }

    /**
     * The credential of a certificate, awarded by {@code awarding}, its display fields in
     * {@code language}. One language per credential: {@code name} and {@code description} stay
     * plain strings (OB 3.0 types them so), the language is declared as JSON-LD's default language
     * ({@code {"@language": "es"}} last in {@code @context}) and as the achievement's
     * {@code inLanguage}; the credential in the other language is signed on request.
     */
    public Map<String, Object> of(Certificate certificate, AwardingBodies.Bodies awarding, Language language) {
        Wording wording = Wording.in(language);
        String course = awarding.title(language, certificate.course().title());
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("id", "urn:aula:course:" + certificate.course().code());
        achievement.put("type", List.of("Achievement"));
        achievement.put("achievementType", "Course");
        achievement.put("humanCode", certificate.course().code());
        achievement.put("name", course);
        achievement.put("description", wording.courseDescription(course, certificate.course().code(), certificate.course().hours(),
                certificate.cohort().code(), certificate.cohort().startDate(), certificate.cohort().endDate()));
        achievement.put("criteria", Map.of("narrative", wording.criteria(certificate.course().hours(), course,
                certificate.completion().ruleVersion(), certificate.completion().passedAssessments())));
        achievement.put("creator", creator(awarding.lead()));
        achievement.put("inLanguage", language.tag());

        Map<String, Object> credential = credential(certificate.id().value().toString(), course,
                wording.certificateDescription(certificate.number().value(), certificate.holder().name(), course),
                certificate.issuedAt(), certificate.validUntil(), language);
        credential.put("issuer", issuerProfile(awarding, wording));
        credential.put("credentialSubject", subject(certificate.holder(), achievement));
        credential.put("credentialStatus", status(certificate));
        return credential;
    }

    /** The credential of a diploma, awarded by {@code awarding}, in {@code language} (as for certificates). */
    public Map<String, Object> of(Diploma diploma, AwardingBodies.Bodies awarding, Language language) {
        Wording wording = Wording.in(language);
        Diploma.AwardedProgramme programme = diploma.programme();
        String title = awarding.title(language, programme.title());
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("id", "urn:aula:programme:" + programme.code());
        achievement.put("type", List.of("Achievement"));
        achievement.put("achievementType", "Diploma");
        achievement.put("humanCode", programme.code());
        achievement.put("name", title);
        achievement.put("description", wording.programmeDescription(title, programme.code(), awarding.names()));
        achievement.put("criteria", Map.of("narrative",
                wording.diplomaCriteria(diploma.certificateNumbers().stream().map(AwardNumber::value).toList())));
        achievement.put("creator", creator(awarding.lead()));
        achievement.put("inLanguage", language.tag());

        Map<String, Object> credential = credential(diploma.id().value().toString(), title,
                wording.diplomaDescription(diploma.number().value(), diploma.holder().name(), title),
                diploma.awardedAt(), diploma.validUntil(), language);
        credential.put("issuer", issuerProfile(awarding, wording));
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
            @Nullable Instant validUntil, Language language) {
        Map<String, Object> credential = new LinkedHashMap<>();
        // JSON-LD's default language (VC Data Model 2.0, "Language and Base Direction"): the strings
        // of this credential are in `language`. English, the first version's, keeps the first context.
        credential.put("@context", language == Language.EN ? OPEN_BADGES_CONTEXT : withLanguage(language));
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

    /** The lead awarding organisation as the achievement's {@code creator} (an OB 3.0 Profile). */
    private Map<String, Object> creator(Organisation lead) {
        Map<String, Object> creator = new LinkedHashMap<>();
        // A code from programme.defined may hold spaces ("Galen University"); the id must stay a URI.
        creator.put("id", "urn:aula:organisation:" + VerificationLinks.segment(lead.code()));
        creator.put("type", List.of("Profile"));
        creator.put("name", lead.name());
        if (lead.hasLogo()) {
            creator.put("image", Map.of("id", links.logo(lead.code()), "type", "Image"));
        }
        return creator;
    }

    private static List<Object> withLanguage(Language language) {
        List<Object> context = new ArrayList<>(OPEN_BADGES_CONTEXT);
        context.add(Map.of("@language", language.tag()));
        return context;
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

    /** Credentials carry whole seconds, so {@code validFrom} and the JWT's {@code nbf} say the same. */
    static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
