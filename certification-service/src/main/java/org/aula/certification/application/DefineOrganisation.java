package org.aula.certification.application;

import java.time.Clock;

import org.aula.certification.domain.CertificateRefused;
import org.aula.certification.domain.Organisation;
import org.aula.certification.domain.Organisations;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff name an organisation (an awarding body, or an institution that nominates officials) and
 * give it a logo, so documents show "Police Department" rather than {@code POLICE}. Renaming an
 * organisation renames it wherever it is shown, on certificates issued before too: it is the same
 * organisation.
 */
@Service
public class DefineOrganisation {

    private static final Logger log = LoggerFactory.getLogger(DefineOrganisation.class);

    private final Organisations organisations;
    private final Clock clock;

    DefineOrganisation(Organisations organisations, Clock clock) {
        this.organisations = organisations;
        this.clock = clock;
    }

    /**
     * Names (or renames) an organisation and, when {@code logo} is given, gives it that logo; a
     * logo that cannot be used refuses the whole request, so nothing changes.
     *
     * @throws CertificateRefused when the image is not a usable logo
     */
    @Transactional
    public Organisation define(String code, String name, byte @Nullable [] logo) {
        Organisation named = new Organisation(code, name, false);
        byte[] png = logo == null ? null : Logo.normalised(logo);
        organisations.name(named.code(), named.name(), clock.instant());
        if (png != null) {
            organisations.giveLogo(named.code(), png);
        }
        log.info("Organisation {} named{}", named.code(), png == null ? "" : ", with a logo of " + png.length + " bytes");
        return organisations.withCode(named.code()).orElseThrow();
    }
}
