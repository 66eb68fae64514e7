package org.aula.certification.application;

import java.util.List;

import org.aula.certification.domain.CertificateQuery;
import org.aula.certification.domain.Certificates;
import org.aula.certification.domain.Certificate;
import org.aula.certification.domain.Diploma;
import org.aula.certification.domain.DiplomaProgress;
import org.aula.certification.domain.Diplomas;
import org.aula.certification.domain.ParticipantId;
import org.aula.certification.domain.Programmes;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A participant's progress towards every programme's diploma (see {@link DiplomaProgress}),
 * optionally only from what one institution's officials hold: what staff, partners and the
 * holder's own copy show.
 */
@Service
public class ShowDiplomaProgress {

    private final Programmes programmes;
    private final Certificates certificates;
    private final Diplomas diplomas;

    ShowDiplomaProgress(Programmes programmes, Certificates certificates, Diplomas diplomas) {
        this.programmes = programmes;
        this.certificates = certificates;
        this.diplomas = diplomas;
    }

    /**
     * @param institutionCode when given, only certificates and diplomas made out while that
     *                        institution nominated the participant count (a partner's view)
     * @return one entry per programme that requires at least one course, by programme code
     */
    @Transactional(readOnly = true)
    public List<DiplomaProgress> of(ParticipantId participant, @Nullable String institutionCode) {
        List<Certificate> held = certificates.matching(new CertificateQuery(null, participant, institutionCode));
        List<Diploma> awarded = diplomas.heldBy(participant).stream()
                .filter(diploma -> institutionCode == null || diploma.holder().institutionCode().equals(institutionCode))
                .toList();
        return programmes.all().stream()
                .filter(programme -> !programme.requiredCourseCodes().isEmpty())
                .map(programme -> DiplomaProgress.of(programme, participant, held, awarded))
                .toList();
    }
}
