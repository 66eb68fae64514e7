package org.aula.enrollment.application;

import java.time.Clock;

import org.aula.enrollment.domain.Definition;
import org.aula.enrollment.domain.Institution;
import org.aula.enrollment.domain.Institutions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff add an institution to the catalogue, or rename one. The contract has no event for
 * institutions; within the service, a new institution is announced (after commit) so that its partner
 * feed topic exists before anything is routed to it.
 */
@Service
public class DefineInstitution {

    private static final Logger log = LoggerFactory.getLogger(DefineInstitution.class);

    private final Institutions institutions;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    DefineInstitution(Institutions institutions, ApplicationEventPublisher publisher, Clock clock) {
        this.institutions = institutions;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** An institution was added to the catalogue (a Spring event inside the service, not a published fact). */
    public record InstitutionAdded(Institution institution) {
    }

    @Transactional
    public Definition define(Institution institution) {
        Definition outcome = institutions.define(institution, clock.instant());
        if (outcome == Definition.CREATED) {
            publisher.publishEvent(new InstitutionAdded(institution));
        }
        log.info("Institution {} {}", institution.code(), outcome);
        return outcome;
    }
}
