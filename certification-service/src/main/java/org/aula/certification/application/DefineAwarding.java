package org.aula.certification.application;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.aula.certification.domain.Awarding;
import org.aula.certification.domain.CertificateRefused;
import org.aula.certification.domain.Language;
import org.aula.certification.domain.Organisations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff say who awards a course's certificates or a programme's diploma (one or several named
 * organisations, the lead one first) and in which language they are made out. It holds for what
 * is issued from now on; what was issued before keeps the definition it was issued under (or, if
 * there was none yet, takes this first one).
 */
@Service
public class DefineAwarding {

    private static final Logger log = LoggerFactory.getLogger(DefineAwarding.class);

    private final Organisations organisations;
    private final Clock clock;

    DefineAwarding(Organisations organisations, Clock clock) {
        this.organisations = organisations;
        this.clock = clock;
    }

    /** @throws CertificateRefused when an organisation named was never named (nothing is defined) */
    @Transactional
    public Awarding define(Awarding.Scope scope, String code, List<String> organisationCodes, Language language,
            Map<Language, String> titles) {
        Awarding awarding = new Awarding(scope, code, organisationCodes, language, titles, clock.instant());
        for (String organisation : awarding.organisationCodes()) {
            organisations.withCode(organisation).orElseThrow(() -> CertificateRefused.awardingNamesUnknownOrganisation(organisation));
        }
        organisations.define(awarding);
        log.info("Awarding of {} {} defined: {} in {}", scope, code, awarding.organisationCodes(), language.tag());
        return awarding;
    }
}
