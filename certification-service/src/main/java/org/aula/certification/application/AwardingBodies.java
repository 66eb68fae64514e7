package org.aula.certification.application;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.aula.certification.CertificationProperties;
import org.aula.certification.domain.Awarding;
import org.aula.certification.domain.Certificate;
import org.aula.certification.domain.Diploma;
import org.aula.certification.domain.Language;
import org.aula.certification.domain.Organisation;
import org.aula.certification.domain.Organisations;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who awards a certificate or a diploma and in which language it is made out, as the PDF, the
 * credential and the verification page show it; and the names of the institutions that nominate
 * officials. A certificate is awarded by its course's organisations as defined when it was
 * issued; a diploma by its programme's, else by the programme's awarding institution (from
 * {@code programme.defined}). Where nothing is defined, the platform's issuer name
 * ({@code aula.certification.issuer-name}) stands in, in English.
 */
@Component
public class AwardingBodies {

    /** The code under which the platform itself stands in when no organisation was defined. */
    public static final String PLATFORM_CODE = "AULA";

    private final Organisations organisations;
    private final String issuerName;

    public AwardingBodies(Organisations organisations, CertificationProperties properties) {
        this.organisations = organisations;
        this.issuerName = properties.issuerName();
    }

    /** Who awards a certificate, and its language. */
    public Bodies of(Certificate certificate) {
        return organisations.inForce(Awarding.Scope.COURSE, certificate.course().code(), certificate.issuedAt())
                .map(this::bodies)
                .orElseGet(() -> Bodies.platform(issuerName));
    }

    /** Who awards a diploma, and its language. */
    public Bodies of(Diploma diploma) {
        return organisations.inForce(Awarding.Scope.PROGRAMME, diploma.programme().code(), diploma.awardedAt())
                .map(this::bodies)
                .orElseGet(() -> new Bodies(List.of(named(diploma.programme().awardingInstitution())), Language.EN, Map.of()));
    }

    /** The institution's name, or its code when nobody named it. */
    public String institutionName(String code) {
        return named(code).name();
    }

    public Optional<byte[]> logo(String code) {
        return organisations.logo(code);
    }

    private Bodies bodies(Awarding awarding) {
        return new Bodies(awarding.organisationCodes().stream().map(this::named).toList(), awarding.language(), awarding.titles());
    }

    private Organisation named(String code) {
        return organisations.withCode(code).orElseGet(() -> Organisation.unnamed(code));
    }

    /**
     * The awarding organisations, the lead one first, the language documents are made out in
     * unless a reader asks for another, and the title in each language where it differs from the
     * catalogue's.
     */
    public record Bodies(List<Organisation> organisations, Language language, Map<Language, String> titles) {

        public Bodies {
            organisations = List.copyOf(organisations);
            titles = Map.copyOf(titles);
        }

        /** The platform standing in, in English, when nothing is defined. */
        public static Bodies platform(String issuerName) {
            return new Bodies(List.of(new Organisation(PLATFORM_CODE, issuerName, false)), Language.EN, Map.of());
        }

        /** The title in {@code language}: as defined for it, else the catalogue's. */
        public String title(Language language, String catalogueTitle) {
            return titles.getOrDefault(language, catalogueTitle);
        }

        /** The language asked for, else this awarding's. */
        public Language languageFor(@Nullable Language requested) {
            return requested == null ? language : requested;
        }

        public Organisation lead() {
            return organisations.get(0);
        }

        public List<String> names() {
            return organisations.stream().map(Organisation::name).toList();
        }
    }
}
