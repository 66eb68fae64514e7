package org.aula.enrollment.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.aula.enrollment.domain.CatalogueRefused;
import org.aula.enrollment.domain.Courses;
import org.aula.enrollment.domain.Defined;
import org.aula.enrollment.domain.Definition;
import org.aula.enrollment.domain.Institution;
import org.aula.enrollment.domain.Institutions;
import org.aula.enrollment.domain.Programme;
import org.aula.enrollment.domain.Programmes;
import org.aula.kernel.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff define a programme (e.g. Galen University's Diploma in Migration Management) with the courses it
 * requires, or change one: {@code programme.defined}, unless nothing changed. The awarding institution and
 * every required course must be in the catalogue.
 */
@Service
public class DefineProgramme {

    private static final Logger log = LoggerFactory.getLogger(DefineProgramme.class);

    private final Programmes programmes;
    private final Institutions institutions;
    private final Courses courses;
    private final EnrollmentEvents events;
    private final Clock clock;

    DefineProgramme(Programmes programmes, Institutions institutions, Courses courses, EnrollmentEvents events,
            Clock clock) {
        this.programmes = programmes;
        this.institutions = institutions;
        this.courses = courses;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Defined<Programme> define(Programme programme) {
        List<Refusal.Fault> faults = new ArrayList<>();
        Institution awarding = institutions.find(programme.awardingInstitution()).orElse(null);
        if (awarding == null) {
            faults.add(new Refusal.Fault("awardingInstitutionCode", "no institution " + programme.awardingInstitution() + " in the catalogue"));
        }
        List<String> required = programme.requiredCourseCodes();
        for (int i = 0; i < required.size(); i++) {
            if (courses.findByCode(required.get(i)).isEmpty()) {
                faults.add(new Refusal.Fault("requiredCourseCodes[" + i + "]", "no course " + required.get(i) + " in the catalogue"));
            }
        }
        if (awarding == null || !faults.isEmpty()) {
            throw new CatalogueRefused(CatalogueRefused.Reason.UNKNOWN_REFERENCES,
                    "the programme refers to what the catalogue does not have", faults);
        }
        Instant now = clock.instant();
        Defined<Programme> defined = programmes.define(programme, now);
        if (defined.outcome() != Definition.UNCHANGED) {
            events.programmeDefined(defined.entry(), awarding, now);
        }
        log.info("Programme {} ({}) {}", defined.entry().id(), defined.entry().code(), defined.outcome());
        return defined;
    }
}
