package org.aula.certification.application;

import org.aula.certification.domain.AwardLocks;
import org.aula.certification.domain.Programme;
import org.aula.certification.domain.Programmes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps a programme's requirements as enrollment-service defines them, and awards its diploma to
 * everyone who already holds the certificates it requires (the programme may be defined, or
 * widened, after the certificates were issued).
 */
@Service
public class DefineProgramme {

    private static final Logger log = LoggerFactory.getLogger(DefineProgramme.class);

    private final Programmes programmes;
    private final AwardLocks locks;
    private final AwardDiplomas awardDiplomas;

    DefineProgramme(Programmes programmes, AwardLocks locks, AwardDiplomas awardDiplomas) {
        this.programmes = programmes;
        this.locks = locks;
        this.awardDiplomas = awardDiplomas;
    }

    /** @return the number of diplomas this definition awarded */
    @Transactional
    public int define(Programme programme) {
        locks.programmesForChanging();
        if (!programmes.define(programme)) {
            log.info("Programme {} definition of {} is not newer than the one kept; ignored", programme.id(), programme.definedAt());
            return 0;
        }
        int awarded = awardDiplomas.toHoldersOf(programme);
        log.info("Programme {} ({}) requires {} courses; {} diplomas awarded on definition", programme.id(), programme.code(),
                programme.requiredCourseCodes().size(), awarded);
        return awarded;
    }
}
